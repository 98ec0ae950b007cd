/**
 * The event store family's part of reading a topology, as seed 003's CQRS diagram draws it:
 * - `ES[(Event Store)]` (or a node labelled Event Store) is an event store, a store of the port: a service's edge to
 *   it (`AGG -->|OrderPlaced| ES`) makes that service a command handler appending events of the edge's type;
 * - `ES -->|Publish| PROJ[Projection Engine]` subscribes a projection to the store; the projection nodes it writes
 *   (`PROJ --> RM1[Read Model A]`) are the read models it maintains (none drawn: it is its own read model);
 * - `CLIENT -->|GetOrders| RM1` from a client whose requests reach a command handler: the client reads its writes back.
 * Projections and read models run as applications (services/resolve.ts made them services); this family gives
 * them their subscription and their rows.
 */
import type { Distribution } from '../sim/distribution.ts';
import type { FamilyResolver, ResolveContext, Values } from '../model/resolveContext.ts';
import { rawSettings, readLayered } from '../model/settings.ts';
import type { EventSourcingSpec, EventStoreSpec, ProjectionSpec, ReaderSpec } from './spec.ts';

export function resolveEventStores(ctx: ResolveContext): FamilyResolver {
  const { t, spec, nodes } = ctx;
  const out: EventSourcingSpec = (spec.eventstore = { handlers: [], stores: [], projections: [], readers: [] });
  const byNode = new Map<string, number>();
  for (const n of t.nodes) {
    if (n.kind !== 'eventstore') continue;
    const v = readLayered([{ target: n.id, raw: rawSettings(t, n.id) }], ['eventstore']);
    const destination = ctx.addDestination('eventstore', n.id);
    byNode.set(n.id, out.stores.length);
    out.stores.push({
      node: n.id,
      destination,
      drawn: null,
      config: storeConfig(v),
    });
  }
  const drawn = drawnLogs(ctx);
  for (const g of drawn) {
    const v = readLayered([{ target: g.group, raw: rawSettings(t, g.group) }], ['eventstore']);
    byNode.set(g.group, out.stores.length);
    out.stores.push({ node: g.group, destination: ctx.addDestination('eventstore', g.group), drawn: { key: g.key, types: g.types }, config: storeConfig(v) });
  }
  return {
    storeAt: (id) => (byNode.has(id) ? out.stores[byNode.get(id)!]!.destination : undefined),

    connect() {
      if (out.stores.length === 0) return;
      const index = new Map(spec.services.map((s, i) => [s.node, i]));
      const isProjection = (id: string) => nodes.get(id)?.kind === 'projection' && index.has(id);
      for (const e of t.edges) {
        if (e.kind !== 'subscribe' || !byNode.has(e.from) || !isProjection(e.to)) continue;
        if (out.projections.some((p) => p.node === e.to)) continue;
        const v = readLayered([{ target: e.to, raw: rawSettings(t, e.to) }], ['projection']);
        const models = t.edges.filter((m) => m.from === e.to && m.kind === 'write' && isProjection(m.to));
        const proj: ProjectionSpec = {
          node: e.to,
          service: index.get(e.to)!,
          store: byNode.get(e.from)!,
          handleUs: Math.max(1, Math.round((v['handle.ms'] as number) * 1000)),
          checkpointEvery: v['checkpoint.every'] as number,
          dedupe: v['dedupe'] === 'position',
          inline: v['mode'] === 'inline',
          readModels: models.length > 0
            ? models.filter((m, i) => models.findIndex((x) => x.to === m.to) === i).map((m) => ({ node: m.to, service: index.get(m.to)!, edge: m.id }))
            : [{ node: e.to, service: index.get(e.to)!, edge: '' }],
          edge: e.id,
        };
        out.projections.push(proj);
      }
      // A drawn log's replay (`E5 -->|Replay| S1`): the state node is a projection of the store, reading it from the start.
      for (const g of drawn) {
        if (!isProjection(g.state) || out.projections.some((p) => p.node === g.state)) continue;
        const v = readLayered([{ target: g.state, raw: rawSettings(t, g.state) }], ['projection']);
        out.projections.push({
          node: g.state, service: index.get(g.state)!, store: byNode.get(g.group)!, handleUs: Math.max(1, Math.round((v['handle.ms'] as number) * 1000)),
          checkpointEvery: v['checkpoint.every'] as number, dedupe: v['dedupe'] === 'position', inline: v['mode'] === 'inline', readModels: [{ node: g.state, service: index.get(g.state)!, edge: '' }], edge: g.edge,
        });
      }
      // Clients reading a read model: each reads back what the command handlers its requests reach append.
      const storeWriters = new Set(spec.services.flatMap((s, i) => (s.writes.some((x) => out.stores.some((st) => st.destination === x.store)) ? [i] : [])));
      for (const i of storeWriters) {
        const v = readLayered([{ target: spec.services[i]!.node, raw: rawSettings(t, spec.services[i]!.node) }], ['service']);
        out.handlers.push({ service: i, version: v['event.version'] as number, upgradeAtUs: Math.round((v['upgrade.at'] as number) * 1000), upcast: v['upcast'] as boolean });
      }
      const readers: ReaderSpec[] = [];
      for (const e of t.edges) {
        if (e.kind !== 'read' || nodes.get(e.from)?.kind !== 'client') continue;
        if (!out.projections.some((p) => p.readModels.some((m) => m.node === e.to))) continue;
        const writers = reached(ctx, e.from, index).filter(([i]) => storeWriters.has(i));
        if (writers.length === 0) continue;
        const v = readLayered([{ target: e.to, raw: rawSettings(t, e.to) }], ['projection']);
        readers.push({ client: e.from, readModel: e.to, afterUs: Math.round((v['read.after.ms'] as number) * 1000), edge: e.id, writers });
      }
      out.readers = readers;
    },
  };
}

/** The services a client's requests reach, following synchronous calls, each with how many calls deep it is. */
function reached(ctx: ResolveContext, client: string, index: Map<string, number>): [number, number][] {
  const depth = new Map<string, number>();
  let level = ctx.t.edges.filter((e) => e.from === client && (e.kind === 'request' || e.kind === 'write')).map((e) => e.to);
  for (let d = 1; level.length > 0; d++) {
    const next: string[] = [];
    for (const n of level) {
      if (depth.has(n) || !index.has(n)) continue;
      depth.set(n, d);
      for (const e of ctx.t.edges) if (e.from === n && e.kind === 'request') next.push(e.to);
    }
    level = next;
  }
  return [...depth].map(([n, d]): [number, number] => [index.get(n)!, d]).sort((a, b) => a[0] - b[0]);
}

function storeConfig(v: Values): EventStoreSpec['config'] {
  return {
    snapshotEvery: v['snapshot.every'] as number,
    append: v['append'] as Distribution,
    replayEventUs: Math.round((v['replay.event.ms'] as number) * 1000),
    decideUs: Math.round((v['decide.ms'] as number) * 1000),
    aggregates: v['aggregates'] as number,
    retries: v['conflict.retries'] as number,
  };
}

/**
 * Seed 003's immutable log: a subgraph titled "Event Store ..." holding event nodes, with an edge from one of them
 * to a node outside (`E5 -->|Replay| S1`, the current state derived from them). The events are one aggregate's
 * stream, in the order the text defines them; the stream's key comes from the state's label (`Order #12345` is
 * `order-12345`).
 */
function drawnLogs(ctx: ResolveContext): { group: string; key: string; types: string[]; state: string; edge: string }[] {
  const out: { group: string; key: string; types: string[]; state: string; edge: string }[] = [];
  for (const g of ctx.t.groups) {
    if (!/event\s*store/i.test(g.title)) continue;
    const events = ctx.t.nodes.filter((n) => n.group === g.id && n.kind === 'event');
    if (events.length === 0) continue;
    const inside = new Set(events.map((n) => n.id));
    const replay = ctx.t.edges.find((e) => inside.has(e.from) && !inside.has(e.to) && ctx.nodes.get(e.to)?.kind === 'projection');
    if (!replay) continue;
    const label = ctx.nodes.get(replay.to)!.label;
    const m = /([A-Za-z]+)\s*#\s*(\d+)/.exec(label);
    out.push({
      group: g.id,
      key: m ? `${m[1]!.toLowerCase()}-${m[2]}` : 'aggregate-1',
      types: events.map((n) => n.label.split('\n')[0]!.trim()),
      state: replay.to,
      edge: replay.id,
    });
  }
  return out;
}

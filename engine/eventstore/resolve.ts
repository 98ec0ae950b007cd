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
import type { FamilyResolver, ResolveContext } from '../model/resolveContext.ts';
import { rawSettings, readLayered } from '../model/settings.ts';
import type { EventSourcingSpec, ProjectionSpec, ReaderSpec } from './spec.ts';

export function resolveEventStores(ctx: ResolveContext): FamilyResolver {
  const { t, spec, nodes } = ctx;
  const out: EventSourcingSpec = (spec.eventstore = { stores: [], projections: [], readers: [] });
  const byNode = new Map<string, number>();
  for (const n of t.nodes) {
    if (n.kind !== 'eventstore') continue;
    const v = readLayered([{ target: n.id, raw: rawSettings(t, n.id) }], ['eventstore']);
    const destination = ctx.addDestination('eventstore', n.id);
    byNode.set(n.id, out.stores.length);
    out.stores.push({
      node: n.id,
      destination,
      config: {
        snapshotEvery: v['snapshot.every'] as number,
        append: v['append'] as Distribution,
        replayEventUs: Math.round((v['replay.event.ms'] as number) * 1000),
        decideUs: Math.round((v['decide.ms'] as number) * 1000),
        aggregates: v['aggregates'] as number,
        retries: v['conflict.retries'] as number,
      },
    });
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
        const models = t.edges.filter((m) => m.from === e.to && m.kind === 'write' && isProjection(m.to)).map((m) => m.to);
        const proj: ProjectionSpec = {
          node: e.to,
          service: index.get(e.to)!,
          store: byNode.get(e.from)!,
          handleUs: Math.max(1, Math.round((v['handle.ms'] as number) * 1000)),
          checkpointEvery: v['checkpoint.every'] as number,
          dedupe: v['dedupe'] === 'position',
          readModels: (models.length > 0 ? [...new Set(models)] : [e.to]).map((node) => ({ node, service: index.get(node)! })),
        };
        out.projections.push(proj);
      }
      // Clients reading a read model: each reads back what the command handlers its requests reach append.
      const storeWriters = new Set(spec.services.flatMap((s, i) => (s.writes.some((x) => out.stores.some((st) => st.destination === x.store)) ? [i] : [])));
      const readers: ReaderSpec[] = [];
      for (const e of t.edges) {
        if (e.kind !== 'read' || nodes.get(e.from)?.kind !== 'client') continue;
        if (!out.projections.some((p) => p.readModels.some((m) => m.node === e.to))) continue;
        const writers = reached(ctx, e.from, index).filter(([i]) => storeWriters.has(i));
        if (writers.length === 0) continue;
        const v = readLayered([{ target: e.to, raw: rawSettings(t, e.to) }], ['projection']);
        readers.push({ client: e.from, readModel: e.to, afterUs: Math.round((v['read.after.ms'] as number) * 1000), writers });
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

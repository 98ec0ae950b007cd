/**
 * The outbox family's part of reading a topology, as the seeds draw the two patterns:
 * - dual write: `Orders --> DB[(Orders DB)]` and `Orders -->|publish| Kafka`: two writes that fail independently,
 *   in the order `write.order` says;
 * - transactional outbox: `Orders --> DB[(Orders DB)]`, `DB -->|outbox| Relay[Outbox Relay]`, `Relay --> Kafka`: a
 *   database a relay reads has an outbox table, and every transaction a service writes to it carries an outbox row.
 * A relay (`Relay[Outbox Relay]`, `CDC[Debezium]`) runs as an application (services/resolve.ts made it a service),
 * here given its database and its publishes, and never an origin of requests or events of its own.
 */
import type { FamilyResolver, ResolveContext } from '../model/resolveContext.ts';
import { rawSettings, readLayered } from '../model/settings.ts';
import type { OutboxSpec, RelayMode, RelaySpec } from './spec.ts';

export function resolveOutbox(ctx: ResolveContext): FamilyResolver {
  const { t, d, spec, nodes } = ctx;
  const out: OutboxSpec = (spec.outbox = { relays: [], writers: [], publishFirst: [], inboxes: [] });
  return {
    connect() {
      const index = new Map(spec.services.map((s, i) => [s.node, i]));
      for (const n of t.nodes) {
        if (n.kind !== 'outbox') continue;
        const si = index.get(n.id);
        if (si === undefined) continue;
        const svc = spec.services[si]!;
        let database = -1;
        for (const e of t.edges) {
          if (e.from !== n.id && e.to !== n.id) continue;
          const other = e.from === n.id ? e.to : e.from;
          const store = ctx.storeAt(other);
          if (store >= 0) {
            if (database >= 0 && database !== store) d.add(e.span, `${n.id} relays one database's outbox; it already reads ${spec.destinations[database]!.name}`);
            else database = store;
            continue;
          }
          if (e.from !== n.id || e.kind === 'publish') continue; // publish edges: services/resolve.ts added them
          for (const di of ctx.destinationsAt(other, e, 'one')) {
            if (!svc.publishes.some((p) => p.destination === di)) svc.publishes.push({ destination: di, type: 'OutboxEvent', edge: e.id });
          }
        }
        // It publishes what it reads, never a request's events: no client drives it, it generates nothing.
        svc.origin = null;
        svc.writes = [];
        for (let i = spec.clients.length - 1; i >= 0; i--) if (spec.clients[i]!.implicit && spec.clients[i]!.target === n.id) spec.clients.splice(i, 1);
        if (database < 0) {
          d.add(n.span, `${n.id} is an outbox relay that reads no database: draw DB -->|outbox| ${n.id}`);
          continue;
        }
        if (svc.publishes.length === 0) d.add(n.span, `${n.id} is an outbox relay that publishes nowhere: draw ${n.id} --> Kafka`);
        const v = readLayered([{ target: n.id, raw: rawSettings(t, n.id) }], ['relay']);
        const relay: RelaySpec = {
          node: n.id,
          service: si,
          database,
          mode: v['mode'] as RelayMode,
          pollUs: Math.max(1000, Math.round((v['poll.interval.ms'] as number) * 1000)),
          batch: v['max.batch.size'] as number,
          flushUs: Math.max(1000, Math.round((v['offset.flush.interval.ms'] as number) * 1000)),
        };
        out.relays.push(relay);
      }
      const relayed = new Set(out.relays.map((r) => r.database));
      spec.services.forEach((s, si) => {
        const node = nodes.get(s.node);
        if (!node || node.kind === 'outbox') return;
        for (const wr of s.writes) {
          if (wr.store < 0 || !relayed.has(wr.store)) continue;
          // The event its outbox row carries: its `event` setting, else named as services/resolve.ts names a publish's.
          const type = rawSettings(t, s.node)['event'] || `${s.node.replace(/(Service|Async|Sync)+$/g, '')}Event`;
          out.writers.push({ service: si, database: wr.store, type });
        }
        if (rawSettings(t, s.node)['write.order'] === 'publish-first') out.publishFirst.push(si);
        const inbox = rawSettings(t, s.node)['inbox'];
        if (inbox === 'none' || inbox === 'memory' || inbox === 'table') {
          const wr = s.writes.find((x) => x.store >= 0);
          if (!wr) d.add(d.spanOf(s.node, 'inbox'), `${s.node} has inbox=${inbox} but writes no database to apply its effects in: draw ${s.node} --> DB[(${s.node} DB)]`);
          else if (s.consumes.length === 0) d.add(d.spanOf(s.node, 'inbox'), `${s.node} has inbox=${inbox} but consumes nothing`);
          else out.inboxes.push({ service: si, database: wr.store, mode: inbox, effectType: wr.type });
        }
      });
    },
  };
}

/**
 * Consistency between a database and a stream: for every service that writes its database and sends an event for
 * the same request (a dual write, or a transactional outbox and its relay), each committed row should have its event
 * and each event its committed row, once. The checker pairs them by the request they belong to (the correlation id
 * rows and events carry) and reports, with ids:
 * - lost: a committed row with no event published, none on its way, and none waiting in an outbox (P1);
 * - phantom: an event published for a request whose row was never committed (P1, publish first);
 * - duplicate: the same row's event published more than once to a destination (P3, the relay's duplicate).
 * What each family holds durably is asked of the families (as the loss checker does); an event counts as published
 * once its broker acknowledged or holds it, a row as committed while its database holds it.
 */
import { FAMILIES } from '../components.ts';
import { ACKED, CAUSED_BY_MESSAGE, FAILED, causationOf, flagsOf, partitionOf, typeOf } from '../history/messages.ts';
import { checkEffects, type EffectReport } from './inbox.ts';
import { waitingRows } from './relay.ts';
import type { World } from '../world.ts';

export interface ConsistencyFlow {
  service: string;
  database: string;
  via: 'dual-write' | 'outbox';
  /** The relay publishing the outbox ('' for a dual write). */
  relay: string;
  /** Committed rows, and events published, of this flow. */
  rows: number;
  events: number;
  lost: number;
  phantom: number;
  duplicate: number;
  /** Committed outbox rows not yet published for good (the relay's lag): late, not lost. */
  waiting: number;
}

export interface ConsistencyReport {
  flows: ConsistencyFlow[];
  /** Committed rows with no event: the row, and the request (correlation id) it belongs to. */
  lost: { count: number; examples: { service: string; row: number; correlation: number }[] };
  /** Events with no committed row. */
  phantom: { count: number; examples: { service: string; event: number; correlation: number }[] };
  /** Events published more than once for one row: every copy's id (duplicates counted beyond the first). */
  duplicate: { count: number; examples: { service: string; row: number; correlation: number; events: number[] }[] };
  waiting: number;
  /** Consumers that apply effects in their database (`inbox`): processed twice against applied twice. */
  effects: EffectReport[];
  /** Events whose effect is committed more than once, over every such consumer. */
  effectsAppliedTwice: number;
}

interface Flow {
  report: ConsistencyFlow;
  place: number;
  rowType: number;
  /** Dual write: the destinations and event types it publishes. Outbox: the relay index. */
  destinations: Set<number>;
  types: Set<number>;
  relay: number;
  /** Per correlation: committed and pending business rows, and (dual write) its first row id. */
  rows: Map<number, { committed: number; pending: number; row: number }>;
  /** Per correlation and destination (`corr * 65536 + destination`): published event ids, and events in flight. */
  events: Map<number, { ids: number[]; pending: number; correlation: number; row: number }>;
}

/** The flows of a run: every request handler's write to a store that its events should mirror. */
function flowsOf(w: World): Flow[] {
  const flows: Flow[] = [];
  const o = w.parts.outbox;
  const s = w.parts.stores;
  const a = w.parts.apps;
  for (const svc of a.services) {
    // A consumer's effects are checked as effects (inbox.ts); its reactions are caused by messages, not requests.
    if (!a.clients.some((c) => c.target === svc.id) && !a.services.some((x) => x.calls.includes(svc.id))) continue;
    for (const t of svc.writes) {
      if (t.store < 0 || s.databaseOf[t.destination] === undefined) continue;
      const dbi = s.databaseOf[t.destination]!;
      if (dbi < 0) continue;
      const db = s.databases[dbi]!;
      const viaOutbox = o.writers.get(svc.id)?.has(t.destination) === true;
      if (!viaOutbox && svc.publishes.length === 0) continue;
      const relay = viaOutbox ? o.relays.findIndex((r) => r.db === dbi) : -1;
      flows.push({
        report: { service: svc.node, database: db.node, via: viaOutbox ? 'outbox' : 'dual-write', relay: relay >= 0 ? o.relays[relay]!.node : '', rows: 0, events: 0, lost: 0, phantom: 0, duplicate: 0, waiting: 0 },
        place: db.place, rowType: t.type,
        destinations: new Set(viaOutbox ? [] : svc.publishes.map((p) => p.destination)),
        types: new Set(viaOutbox ? [] : svc.publishes.map((p) => p.type)),
        relay, rows: new Map(), events: new Map(),
      });
    }
  }
  return flows;
}

/** The checker's verdict now; empty (no flows) for a run where no service writes a database and publishes. */
export function checkConsistency(w: World, examples = 20): ConsistencyReport {
  const effects = checkEffects(w, examples);
  const report: ConsistencyReport = {
    flows: [], lost: { count: 0, examples: [] }, phantom: { count: 0, examples: [] }, duplicate: { count: 0, examples: [] }, waiting: 0,
    effects, effectsAppliedTwice: effects.reduce((n, e) => n + e.appliedTwice, 0),
  };
  const flows = flowsOf(w);
  if (flows.length === 0) return report;
  const m = w.messages;
  const held = new Uint8Array(m.count);
  for (const f of FAMILIES) f.holds?.(w, (id) => (held[id] = 1));
  const o = w.parts.outbox;
  // Which flow each outbox row belongs to, and its correlation.
  const outboxFlow = new Map<number, Flow>();
  const byPlace = new Map<number, Flow[]>();
  for (const f of flows) byPlace.set(f.place, [...(byPlace.get(f.place) ?? []), f]);
  const destinationOf = (place: number) => w.msg.places[place]?.destination ?? -1;

  for (let id = 1; id < m.count; id++) {
    const place = partitionOf(m, id);
    const flags = flagsOf(m, id);
    const pending = (flags & (ACKED | FAILED)) === 0 && held[id] === 0;
    const onPlace = byPlace.get(place);
    if (onPlace) {
      if (o.outboxRows.has(id)) {
        const f = onPlace.find((x) => x.relay >= 0);
        if (f) outboxFlow.set(id, f);
        continue;
      }
      for (const f of onPlace) {
        if (typeOf(m, id) !== f.rowType) continue;
        const corr = causationOf(m, id);
        const r = f.rows.get(corr) ?? { committed: 0, pending: 0, row: id };
        if (held[id] === 1) r.committed++;
        else if (pending) r.pending++;
        f.rows.set(corr, r);
      }
      continue;
    }
    const published = (flags & ACKED) !== 0 || held[id] === 1;
    if (!published && !pending) continue;
    const caused = (flags & CAUSED_BY_MESSAGE) !== 0;
    let f: Flow | undefined;
    let corr: number;
    let row: number;
    if (caused) {
      row = causationOf(m, id);
      f = outboxFlow.get(row);
      if (!f) continue;
      corr = causationOf(m, row);
    } else {
      corr = causationOf(m, id);
      const dest = destinationOf(place);
      const type = typeOf(m, id);
      f = flows.find((x) => x.relay < 0 && x.destinations.has(dest) && x.types.has(type));
      if (!f) continue;
      row = -1;
    }
    const k = corr * 65536 + destinationOf(place);
    const e = f.events.get(k) ?? { ids: [], pending: 0, correlation: corr, row };
    if (published) e.ids.push(id);
    else e.pending++;
    f.events.set(k, e);
  }

  for (const f of flows) {
    const waiting = f.relay >= 0 ? waitingRows(w, o.relays[f.relay]!) : new Set<number>();
    const r = f.report;
    r.waiting = waiting.size;
    const eventsOf = new Map<number, { published: number; pending: number }>();
    for (const e of f.events.values()) {
      const x = eventsOf.get(e.correlation) ?? { published: 0, pending: 0 };
      x.published += e.ids.length;
      x.pending += e.pending;
      eventsOf.set(e.correlation, x);
      r.events += e.ids.length;
      if (e.ids.length > 1) {
        r.duplicate += e.ids.length - 1;
        if (report.duplicate.examples.length < examples) report.duplicate.examples.push({ service: r.service, row: e.row >= 0 ? e.row : (f.rows.get(e.correlation)?.row ?? -1), correlation: e.correlation, events: e.ids });
      }
      const rows = f.rows.get(e.correlation);
      if (e.ids.length > 0 && (!rows || (rows.committed === 0 && rows.pending === 0))) {
        r.phantom++;
        if (report.phantom.examples.length < examples) report.phantom.examples.push({ service: r.service, event: e.ids[0]!, correlation: e.correlation });
      }
    }
    const waitingCorr = new Set<number>();
    for (const id of waiting) waitingCorr.add(causationOf(m, id));
    for (const [corr, rows] of f.rows) {
      if (rows.committed === 0) continue;
      r.rows++;
      const ev = eventsOf.get(corr);
      if ((ev && (ev.published > 0 || ev.pending > 0)) || waitingCorr.has(corr)) continue;
      r.lost++;
      if (report.lost.examples.length < examples) report.lost.examples.push({ service: r.service, row: rows.row, correlation: corr });
    }
    report.lost.count += r.lost;
    report.phantom.count += r.phantom;
    report.duplicate.count += r.duplicate;
    report.waiting += r.waiting;
    report.flows.push(r);
  }
  return report;
}

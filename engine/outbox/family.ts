/**
 * Writing a database and publishing, as a component family: the dual write (a service writes its database and
 * publishes, two writes that fail independently, in the order `write.order` says) and the transactional outbox (the
 * event is a row of the business transaction; a relay publishes it). The relay runs as an application (the
 * applications family gives it instances, publishers and crashes); this family gives it its database and its beat,
 * adds the outbox row to writers' transactions, performs `crash-between-writes`, and says what the relays hold.
 */
import type { Family } from '../family.ts';
import { typeId } from '../history/messages.ts';
import type { World } from '../world.ts';
import { consistencyFacts, effectFacts } from './facts.ts';
import { createOutboxPart, type Relay } from './part.ts';
import * as inbox from './inbox.ts';
import * as relay from './relay.ts';
import { relayLag, startRelay } from './relay.ts';
import { resolveOutbox } from './resolve.ts';

export const outbox: Family = {
  name: 'outbox',
  kinds: [],
  modules: [relay, inbox],
  createPart: createOutboxPart,
  resolve: resolveOutbox,
  performs: ['crash-between-writes'],

  build(w, spec) {
    const o = w.parts.outbox;
    const s = w.parts.stores;
    for (const si of spec.outbox.publishFirst) o.publishFirst[si] = true;
    for (const wr of spec.outbox.writers) {
      let m = o.writers.get(wr.service);
      if (!m) o.writers.set(wr.service, (m = new Map()));
      m.set(wr.database, typeId(w.messages, wr.type));
    }
    for (const ib of spec.outbox.inboxes) {
      o.inboxes[ib.service] = {
        mode: ib.mode, db: s.databaseOf[ib.database]!, effectType: typeId(w.messages, ib.effectType), inboxType: typeId(w.messages, 'inbox'),
        effects: new Map(), table: new Map(), memory: new Map(), processed: new Map(), skipped: 0, lost: new Set(), lostSeen: 0,
      };
    }
    for (const rs of spec.outbox.relays) {
      const db = s.databaseOf[rs.database]!;
      if (!o.tables.has(db)) o.tables.set(db, { db, sent: new Set(), scanFrom: 0 });
      const svc = w.parts.apps.services[rs.service]!;
      o.relays.push({
        id: o.relays.length, node: rs.node, service: rs.service, instance: svc.instances[0]!, db, mode: rs.mode, pollUs: rs.pollUs, batch: rs.batch,
        flushUs: rs.flushUs, life: w.parts.apps.instances[svc.instances[0]!]!.life, busy: false, cycle: 0, cycleAt: 0, batchRows: [], outstanding: 0,
        failed: false, armed: false, waiter: -1, offset: 0, readTo: 0, committedOffset: 0, nextFlushAt: 0,
        stats: { cycles: 0, published: 0, republished: 0, marked: 0, failedCycles: 0, flushes: 0 },
      });
    }
  },

  start(w) {
    for (const r of w.parts.outbox.relays) startRelay(w, r);
  },

  perform(w, f) {
    if (f.action !== 'crash-between-writes') return undefined;
    const a = w.parts.apps;
    const ri = w.parts.outbox.relays.findIndex((r) => r.node === f.target);
    if (ri >= 0) {
      // A relay's two writes are its publish and its mark (or stored position): between them is P3's crash.
      w.parts.outbox.relays[ri]!.armed = true;
      return `${f.target} will crash after its next batch is published and before it is marked sent`;
    }
    const si = a.services.findIndex((s) => s.node === f.target);
    if (si < 0) return `!nothing is named '${f.target}' that writes a database and publishes`;
    const svc = a.services[si]!;
    const writesDb = svc.writes.some((t) => t.store >= 0);
    if (!writesDb || svc.publishes.length === 0) {
      const viaOutbox = w.parts.outbox.writers.has(si);
      return viaOutbox
        ? `!${svc.node} writes its event to the outbox in the same transaction as its row: there is no moment between two writes to crash in`
        : `!${svc.node} does not both write a database and publish: there is no moment between two writes to crash in`;
    }
    w.parts.outbox.armed[si] = true;
    const first = w.parts.outbox.publishFirst[si] === true;
    return `${svc.node} will crash on its next request between its ${first ? 'publish and its database write' : 'database commit and its publish'}`;
  },

  summary(w) {
    const rs = w.parts.outbox.relays;
    if (rs.length === 0) return '';
    return `outbox relays: ${rs.map((r) => `${r.node} (${r.mode}, ${r.stats.published} published, ${r.stats.republished} again, lag ${relayLag(w, r).rows} rows)`).join(', ')}`;
  },

  inspect: {
    relay: (w, id) => relayDetail(w, id),
    // For lesson goals (engine/goals/outbox.ts): the consistency checker's verdict, and one consumer's effects.
    consistency: (w) => consistencyFacts(w),
    effects: (w, service) => effectFacts(w, service),
  },

  reconfigure(w, _from, spec) {
    const o = w.parts.outbox;
    if (spec.outbox.relays.length !== o.relays.length) return 'the outbox relays changed';
    spec.outbox.relays.forEach((rs, i) => {
      const r = o.relays[i]!;
      r.pollUs = rs.pollUs;
      r.batch = rs.batch;
      r.flushUs = rs.flushUs;
    });
    o.publishFirst = [];
    for (const si of spec.outbox.publishFirst) o.publishFirst[si] = true;
    return null;
  },

  hash(w, mix) {
    const o = w.parts.outbox;
    for (const r of o.relays) {
      mix(r.busy ? 1 : 0);
      mix(r.cycle);
      mix(r.offset);
      mix(r.committedOffset);
      mix(r.stats.published);
    }
    for (const t of o.tables.values()) mix(t.sent.size);
    for (const ib of o.inboxes) if (ib) mix(ib.effects.size + ib.skipped);
  },
};

export interface RelayDetail {
  node: string;
  mode: Relay['mode'];
  database: string;
  /** Outbox rows committed and not yet published for good, and how old the oldest is (relay lag). */
  lagRows: number;
  lagMs: number;
  busy: boolean;
  /** CDC: its read position in the log, and the one stored durably. */
  offset: number;
  committedOffset: number;
  stats: Relay['stats'];
}

function relayDetail(w: World, id: number): RelayDetail | null {
  const r = w.parts.outbox.relays[id];
  if (!r) return null;
  const lag = relayLag(w, r);
  return {
    node: r.node, mode: r.mode, database: w.parts.stores.databases[r.db]!.node, lagRows: lag.rows, lagMs: lag.oldestAt < 0 ? 0 : (w.now - lag.oldestAt) / 1000,
    busy: r.busy, offset: r.offset, committedOffset: r.committedOffset, stats: { ...r.stats },
  };
}

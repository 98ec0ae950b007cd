/**
 * An outbox relay: it reads committed outbox rows from its database, publishes each as an event, then records that
 * they went out, over and over (microservices.io, Transactional Outbox, "Message relay").
 * - `mode=poll` (a polling publisher): every `poll.interval.ms` it queries the outbox table for rows not marked sent
 *   (at most `max.batch.size`, in commit order), publishes them, waits for the broker's acknowledgements, then marks
 *   them sent in a second statement. A read sees committed rows, flushed or not.
 * - `mode=cdc` (log tailing, as Debezium): it reads the database's log from its position, publishes, and moves the
 *   position on; the position is stored durably only every `offset.flush.interval.ms` (Kafka Connect commits source
 *   offsets on that beat). Logical decoding reads only WAL that is flushed (PostgreSQL's walsender sends up to the
 *   flush position), so with `synchronous_commit=off` it sees a commit only once the WAL writer has flushed it.
 * Either way the record of what went out lags the publish: a relay that crashes after publishing and before marking
 * (or storing its position) publishes those rows again when it comes back (P3: "The Message relay might publish a
 * message more than once"). Its memory (the batch under way, the position read) dies with its instance; the marks
 * and the stored position survive.
 */
import { NONE } from '../history/errors.ts';
import { addMessage, CAUSED_BY_MESSAGE, keyOf, typeOf } from '../history/messages.ts';
import { record } from '../history/trace.ts';
import { route, send } from '../messaging/dispatch.ts';
import { countEdge } from '../metrics/metrics.ts';
import { after, at, on } from '../sim/loop.ts';
import { arrival } from '../sim/network.ts';
import { crashInstanceAndRestart } from '../services/instances.ts';
import type { Database } from '../stores/part.ts';
import { nextId, type World } from '../world.ts';
import { OE } from './events.ts';
import type { Relay } from './part.ts';
import { OT } from './trace.ts';
import { rowCommittedAt, rowId } from '../stores/rows.ts';

const dbOf = (w: World, r: Relay): Database => w.parts.stores.databases[r.db]!;
const instanceOf = (w: World, r: Relay) => w.parts.apps.instances[r.instance]!;

/** Starts a relay's beat (it runs for the whole run; a tick while its instance is down does nothing). */
export function startRelay(w: World, r: Relay): void {
  r.nextFlushAt = w.now + r.flushUs;
  after(w, r.pollUs, OE.relayTick, r.id, 0);
}

on<World>(OE.relayTick, 'outbox relay polls', (w, ri) => {
  const r = w.parts.outbox.relays[ri]!;
  after(w, r.pollUs, OE.relayTick, ri, 0);
  const inst = instanceOf(w, r);
  if (!inst.alive) return;
  if (r.life !== inst.life) forget(w, r, inst.life);
  if (r.mode === 'cdc' && w.now >= r.nextFlushAt) flushOffset(w, r);
  if (r.busy) {
    // A cycle whose database or broker went silent is given up after the service's timeout; the rows stay unsent.
    if (w.now - r.cycleAt < w.parts.apps.services[r.service]!.config.timeoutUs) return;
    endCycle(w, r, false);
  }
  r.busy = true;
  r.cycle++;
  r.cycleAt = w.now;
  r.stats.cycles++;
  const t = arrival(w.net, w.now, inst.host, dbOf(w, r).host);
  if (t < 0) return endCycle(w, r, false);
  at(w, t, OE.relayQuery, ri, r.cycle);
});

/** The query (or log read) at the database: what it returns is what is committed there now. */
on<World>(OE.relayQuery, 'outbox read at the database', (w, ri, cycle) => {
  const r = w.parts.outbox.relays[ri]!;
  const db = dbOf(w, r);
  if (!db.alive || r.cycle !== cycle) return;
  r.batchRows = r.mode === 'poll' ? unsentRows(w, r, r.batch) : logRows(w, r);
  const t = arrival(w.net, w.now, db.host, instanceOf(w, r).host);
  if (t >= 0) at(w, t, OE.relayRows, ri, cycle);
}, { hop: true });

on<World>(OE.relayRows, 'outbox rows reach the relay', (w, ri, cycle) => {
  const r = w.parts.outbox.relays[ri]!;
  if (r.cycle !== cycle || !current(w, r)) return;
  if (r.batchRows.length === 0) return endCycle(w, r, true);
  const o = w.parts.outbox;
  const svc = w.parts.apps.services[r.service]!;
  const inst = instanceOf(w, r);
  r.waiter = nextId(w);
  o.waiters.set(r.waiter, ri);
  r.outstanding = 0;
  r.failed = false;
  for (const row of r.batchRows) {
    const before = o.publishedRows.get(row) ?? 0;
    o.publishedRows.set(row, before + 1);
    r.stats.published++;
    if (before > 0) r.stats.republished++;
    for (let i = 0; i < svc.publishes.length; i++) {
      const target = svc.publishes[i]!;
      const key = keyOf(w.messages, row);
      const place = route(w, target.broker, inst.publishers[i]!, target.destination, key);
      // The event is caused by its outbox row: its correlation is the request that wrote the row.
      const id = addMessage(w.messages, key, typeOf(w.messages, row), place, w.now, row, CAUSED_BY_MESSAGE);
      record(w.trace, w.now, OT.relayPublish, inst.host, place, id, row, before);
      countEdge(w.metrics, target.edge, 1);
      r.outstanding++;
      send(w, target.broker, inst.publishers[i]!, place, id, r.waiter);
    }
  }
  if (r.outstanding === 0) endCycle(w, r, false);
}, { hop: true });

/** A broker settled a publish of a relay's cycle; returns false when `waiter` is not a relay's. */
export function relayPublished(w: World, waiter: number, code: number): boolean {
  const o = w.parts.outbox;
  const ri = o.waiters.get(waiter);
  if (ri === undefined) return false;
  const r = o.relays[ri]!;
  if (r.waiter !== waiter || !r.busy || !current(w, r)) {
    o.waiters.delete(waiter);
    return true;
  }
  if (code !== NONE) r.failed = true;
  if (--r.outstanding > 0) return true;
  o.waiters.delete(waiter);
  // Some publish failed: nothing is marked, and the next cycle publishes the whole batch again.
  if (r.failed) {
    r.stats.failedCycles++;
    endCycle(w, r, false);
    return true;
  }
  if (r.armed) {
    // P3: published, not yet marked; the restarted relay reads these rows again.
    r.armed = false;
    const inst = instanceOf(w, r);
    record(w.trace, w.now, OT.crashBetweenWrites, inst.host, -1, 2, r.batchRows.length, 0);
    crashInstanceAndRestart(w, r.instance);
    return true;
  }
  if (r.mode === 'cdc') {
    record(w.trace, w.now, OT.relayMark, instanceOf(w, r).host, -1, r.batchRows[0]!, r.batchRows.length, 2);
    r.offset = r.readTo;
    endCycle(w, r, true);
    return true;
  }
  // Poll: a second statement marks the rows sent. Until it commits, a crash of either side loses the mark.
  const t = arrival(w.net, w.now, instanceOf(w, r).host, dbOf(w, r).host);
  if (t < 0) endCycle(w, r, false);
  else at(w, t, OE.relayMark, ri, r.cycle);
  return true;
}

on<World>(OE.relayMark, 'outbox rows marked sent', (w, ri, cycle) => {
  const r = w.parts.outbox.relays[ri]!;
  const db = dbOf(w, r);
  if (!db.alive || r.cycle !== cycle) return;
  const table = w.parts.outbox.tables.get(r.db)!;
  for (const row of r.batchRows) table.sent.add(row);
  r.stats.marked += r.batchRows.length;
  const t = arrival(w.net, w.now, db.host, instanceOf(w, r).host);
  if (t >= 0) at(w, t, OE.relayMarked, ri, cycle);
}, { hop: true });

on<World>(OE.relayMarked, 'outbox mark answered', (w, ri, cycle) => {
  const r = w.parts.outbox.relays[ri]!;
  if (r.cycle !== cycle || !current(w, r)) return;
  record(w.trace, w.now, OT.relayMark, instanceOf(w, r).host, -1, r.batchRows[0]!, r.batchRows.length, 1);
  endCycle(w, r, true);
}, { hop: true });

/** The relay's instance is up and has not crashed since the relay last looked. */
function current(w: World, r: Relay): boolean {
  const inst = instanceOf(w, r);
  return inst.alive && inst.life === r.life;
}

function endCycle(_w: World, r: Relay, _ok: boolean): void {
  r.busy = false;
  r.batchRows = [];
  r.outstanding = 0;
}

/** The instance crashed since the relay last ran: what it held in memory is gone; CDC reads from its stored position. */
function forget(w: World, r: Relay, life: number): void {
  r.life = life;
  r.cycle++;
  endCycle(w, r, false);
  if (r.mode === 'cdc' && r.offset !== r.committedOffset) {
    const again = outboxRowsBetween(w, r, r.committedOffset, r.offset);
    record(w.trace, w.now, OT.relayRewind, instanceOf(w, r).host, -1, r.committedOffset, again, 0);
    r.offset = r.committedOffset;
  }
  r.nextFlushAt = w.now + r.flushUs;
}

function flushOffset(w: World, r: Relay): void {
  r.nextFlushAt = w.now + r.flushUs;
  if (r.offset === r.committedOffset) return;
  record(w.trace, w.now, OT.relayOffsetFlush, instanceOf(w, r).host, -1, r.offset, outboxRowsBetween(w, r, r.committedOffset, r.offset), 0);
  r.committedOffset = r.offset;
  r.stats.flushes++;
}

function outboxRowsBetween(w: World, r: Relay, from: number, to: number): number {
  const rows = dbOf(w, r).rows;
  const outbox = w.parts.outbox.outboxRows;
  let n = 0;
  for (let i = from; i < to; i++) if (outbox.has(rowId(rows, i))) n++;
  return n;
}

/** Poll: committed outbox rows not marked sent, oldest first, at most `limit` (flushed rows, then those in memory). */
export function unsentRows(w: World, r: Relay, limit: number): number[] {
  const db = dbOf(w, r);
  const table = w.parts.outbox.tables.get(r.db)!;
  const outbox = w.parts.outbox.outboxRows;
  const out: number[] = [];
  for (let i = skipSent(w, r); i < db.rows.count && out.length < limit; i++) {
    const id = rowId(db.rows, i);
    if (outbox.has(id) && !table.sent.has(id)) out.push(id);
  }
  for (let i = 0; i < db.unflushed.length && out.length < limit; i++) {
    const id = db.unflushed[i]!;
    if (outbox.has(id) && !table.sent.has(id)) out.push(id);
  }
  return out;
}

/** Poll: the first index of the table's flushed rows that may hold an unsent outbox row (the rows never shrink). */
function skipSent(w: World, r: Relay): number {
  const rows = dbOf(w, r).rows;
  const table = w.parts.outbox.tables.get(r.db)!;
  const outbox = w.parts.outbox.outboxRows;
  while (table.scanFrom < rows.count && (!outbox.has(rowId(rows, table.scanFrom)) || table.sent.has(rowId(rows, table.scanFrom)))) table.scanFrom++;
  return table.scanFrom;
}

/** CDC: the outbox rows of the flushed log from the relay's position, at most a batch; notes where the read ended. */
function logRows(w: World, r: Relay): number[] {
  const rows = dbOf(w, r).rows;
  const outbox = w.parts.outbox.outboxRows;
  const out: number[] = [];
  let i = r.offset;
  for (; i < rows.count && out.length < r.batch; i++) if (outbox.has(rowId(rows, i))) out.push(rowId(rows, i));
  r.readTo = i;
  return out;
}

/** Outbox rows committed and not yet published for good (poll: not marked; cdc: past the read position), and the oldest's commit time. */
export function relayLag(w: World, r: Relay): { rows: number; oldestAt: number } {
  const db = dbOf(w, r);
  const outbox = w.parts.outbox.outboxRows;
  let rows = 0;
  let oldestAt = -1;
  if (r.mode === 'cdc') {
    for (let i = r.offset; i < db.rows.count; i++) {
      if (!outbox.has(rowId(db.rows, i))) continue;
      if (rows++ === 0) oldestAt = rowCommittedAt(db.rows, i);
    }
    for (let i = 0; i < db.unflushed.length; i++) {
      if (!outbox.has(db.unflushed[i]!)) continue;
      if (rows++ === 0) oldestAt = db.unflushedAt[i]!;
    }
    return { rows, oldestAt };
  }
  const sent = w.parts.outbox.tables.get(r.db)!.sent;
  const scan = (count: number, id: (i: number) => number, at: (i: number) => number, from: number) => {
    for (let i = from; i < count; i++) {
      if (!outbox.has(id(i)) || sent.has(id(i))) continue;
      if (rows++ === 0) oldestAt = at(i);
    }
  };
  scan(db.rows.count, (i) => rowId(db.rows, i), (i) => rowCommittedAt(db.rows, i), skipSent(w, r));
  scan(db.unflushed.length, (i) => db.unflushed[i]!, (i) => db.unflushedAt[i]!, 0);
  return { rows, oldestAt };
}

/** The outbox rows waiting for the relay now (committed, not yet published for good). */
export function waitingRows(w: World, r: Relay): Set<number> {
  const db = dbOf(w, r);
  const outbox = w.parts.outbox.outboxRows;
  const out = new Set<number>();
  const sent = w.parts.outbox.tables.get(r.db)!.sent;
  const from = r.mode === 'cdc' ? r.offset : skipSent(w, r);
  for (let i = from; i < db.rows.count; i++) {
    const id = rowId(db.rows, i);
    if (outbox.has(id) && (r.mode === 'cdc' || !sent.has(id))) out.add(id);
  }
  for (const id of db.unflushed) if (outbox.has(id) && (r.mode === 'cdc' || !sent.has(id))) out.add(id);
  return out;
}

/**
 * The consumer client: join the group, fetch from partition leaders (prefetching while the application works),
 * hand out at most max.poll.records per poll, and commit: automatically every auto.commit.interval.ms inside poll,
 * or synchronously before or after processing. Where the commit sits decides what a crash costs: records processed
 * but not committed come again (at-least-once, C8, C11); records committed but not processed never do
 * (at-most-once, C10).
 */
import { T } from '../history/kinds.ts';
import { KE } from './events.ts';
import { record } from '../history/trace.ts';
import { after, on } from '../sim/loop.ts';
import type { World } from '../world.ts';
import type { Delivery } from '../messaging/port.ts';
import type { Consumer, Group } from './clientTypes.ts';
import { ILLEGAL_GENERATION, NONE, OFFSET_OUT_OF_RANGE, REBALANCE_IN_PROGRESS, UNKNOWN_MEMBER_ID } from './errors.ts';
import { reserve } from './build.ts';
import { fetchMore, refreshConsumerMetadata } from './consumerFetch.ts';
import { toCoordinator } from './group.ts';
import { unknownTo } from './metadata.ts';
import { deliver } from '../messaging/dispatch.ts';

/** Marker positions: reset to the log end (latest) or start (earliest) on the next fetch. */
export const LATEST = -1;
export const EARLIEST = -2;

export const REQUEST_TIMEOUT_US = 30_000_000; // request.timeout.ms

export function startConsumer(w: World, c: Consumer): void {
  c.alive = true;
  c.lastPollAt = w.now;
  if (c.metaVersion === 0) refreshConsumerMetadata(w, c);
  join(w, c);
  after(w, c.config.heartbeatUs, KE.consumerHeartbeat, c.id, c.life);
  if (c.config.autoCommit) after(w, c.config.autoCommitUs, KE.autoCommit, c.id, c.life);
}

function group(w: World, c: Consumer): Group {
  return w.parts.kafka.groups[c.group]!;
}

/** Sends JoinGroup; eager members give up their partitions first (stop-the-world, semantics C4). */
export function join(w: World, c: Consumer): void {
  if (!c.alive || c.joining) return;
  const eager = c.config.strategy !== 'cooperative-sticky';
  if (eager && c.assigned.length > 0) {
    if (c.config.autoCommit) commit(w, c, false);
    revoke(w, c, c.assigned);
  }
  c.joining = true;
  const id = toCoordinator(w, group(w, c), c.host, {
    type: 'join',
    consumer: c.id,
    life: c.life,
    memberId: c.memberId,
    instanceId: c.config.instanceId,
    owned: eager ? [] : [...c.assigned],
    sessionUs: c.config.sessionUs,
    rebalanceUs: c.config.maxPollUs,
  }, KE.joinArrive);
  // No answer (coordinator unreachable, or lost): try again later.
  c.joinSeq++;
  after(w, id < 0 ? 1_000_000 : c.config.maxPollUs + REQUEST_TIMEOUT_US, KE.joinTimeout, c.id, c.joinSeq);
}

on<World>(KE.joinTimeout, 'JoinGroup unanswered', (w, cid, seq) => {
  const c = w.parts.kafka.consumers[cid]!;
  if (!c.alive || !c.joining || c.joinSeq !== seq) return;
  c.joining = false;
  join(w, c);
});

on<World>(KE.joinResponse, 'JoinGroup answer', (w, cid, id) => {
  const c = w.parts.kafka.consumers[cid]!;
  const a = w.parts.kafka.groupAnswers.get(id);
  w.parts.kafka.groupAnswers.delete(id);
  if (!a || !c.alive) return;
  c.joining = false;
  c.memberId = a.memberId;
  c.generation = a.generation;
  const next = new Set(a.partitions);
  const revoked = c.assigned.filter((p) => !next.has(p));
  if (revoked.length > 0) {
    if (c.config.autoCommit) commit(w, c, false, revoked);
    revoke(w, c, revoked);
  }
  a.partitions.forEach((p, i) => {
    if (c.assigned.includes(p)) return;
    c.assigned.push(p);
    const committed = a.committed[i]!;
    const start = committed >= 0 ? committed : c.config.reset === 'earliest' ? EARLIEST : LATEST;
    if (committed < 0 && c.config.reset === 'none') {
      // auto.offset.reset=none with nothing committed: the consumer throws (semantics C14).
      record(w.trace, w.now, T.error, c.host, p, OFFSET_OUT_OF_RANGE, 0, c.group);
      c.blockedUntil.set(p, Infinity);
    }
    c.position.set(p, start);
    c.fetchPosition.set(p, start);
  });
  // Cooperative: partitions given up must be assigned to their new owner in a follow-up round (KIP-429).
  if (revoked.length > 0 && c.config.strategy === 'cooperative-sticky') join(w, c);
  // A partition its metadata has never seen (added to the topic since: semantics C16) has no leader to fetch from
  // until it refreshes: the Java consumer asks for metadata when a fetchable partition has no known leader.
  if (a.partitions.some((p) => unknownTo(w.parts.kafka.partitions[p]!, c.metaVersion))) refreshConsumerMetadata(w, c);
  fetchMore(w, c);
  poll(w, c);
});

function revoke(w: World, c: Consumer, parts: number[]): void {
  const gone = new Set(parts);
  c.assigned = c.assigned.filter((p) => !gone.has(p));
  for (const p of parts) {
    c.position.delete(p);
    c.fetchPosition.delete(p);
    c.buffer.delete(p);
    c.blockedUntil.delete(p);
  }
}

on<World>(KE.consumerHeartbeat, 'consumer heartbeat', (w, cid, life) => {
  const c = w.parts.kafka.consumers[cid]!;
  if (!c.alive || c.life !== life) return;
  after(w, c.config.heartbeatUs, KE.consumerHeartbeat, c.id, life);
  // The heartbeat thread leaves the group when the application has not polled for max.poll.interval.ms (C3). A
  // static member (group.instance.id) sends no LeaveGroup: it only forgets its generation and stops heartbeating, so
  // its partitions move after session.timeout.ms, unless it polls and rejoins first (the max.poll.interval.ms
  // documentation; AbstractCoordinator.maybeLeaveGroup leaves only as a dynamic member).
  if (c.work && w.now - c.lastPollAt > c.config.maxPollUs && c.memberId !== '') {
    if (c.config.instanceId === '') toCoordinator(w, group(w, c), c.host, { type: 'leave', consumer: c.id, memberId: c.memberId }, KE.leaveArrive);
    c.memberId = '';
    c.generation = -1;
    return;
  }
  if (c.memberId === '' || c.joining) return;
  toCoordinator(w, group(w, c), c.host, { type: 'heartbeat', consumer: c.id, life, memberId: c.memberId, generation: c.generation }, KE.groupHeartbeatArrive);
});

on<World>(KE.heartbeatResponse, 'heartbeat answer', (w, cid, id) => {
  const c = w.parts.kafka.consumers[cid]!;
  const a = w.parts.kafka.groupAnswers.get(id);
  w.parts.kafka.groupAnswers.delete(id);
  if (!a || !c.alive || c.joining) return;
  if (a.code === REBALANCE_IN_PROGRESS || a.code === ILLEGAL_GENERATION) join(w, c);
  else if (a.code === UNKNOWN_MEMBER_ID) {
    c.memberId = '';
    revoke(w, c, c.assigned);
    join(w, c);
  }
});

on<World>(KE.autoCommit, 'auto-commit interval', (w, cid, life) => {
  const c = w.parts.kafka.consumers[cid]!;
  if (!c.alive || c.life !== life) return;
  after(w, c.config.autoCommitUs, KE.autoCommit, c.id, life);
  // Auto-commit runs inside poll(): it commits what earlier polls returned, all of it processed by now in a
  // single-threaded loop. While the application is busy it waits for the next poll.
  if (!c.work) commit(w, c, false);
  else c.autoCommitDue = true;
});

/** Commits the consumed positions (of `only` partitions, or all); `sync` blocks the poll loop until answered. */
export function commit(w: World, c: Consumer, sync: boolean, only?: number[]): void {
  const offsets: number[] = [];
  for (const p of only ?? c.assigned) {
    const pos = c.position.get(p);
    if (pos !== undefined && pos >= 0) offsets.push(p, pos);
  }
  if (offsets.length === 0 || c.memberId === '') {
    // commitSync outside the group throws CommitFailedException: the member was removed (C3).
    if (sync && offsets.length > 0) record(w.trace, w.now, T.error, c.host, -1, UNKNOWN_MEMBER_ID, 0, c.group);
    if (sync) afterCommit(w, c);
    return;
  }
  const id = toCoordinator(w, group(w, c), c.host, { type: 'commit', consumer: c.id, life: c.life, memberId: c.memberId, generation: c.generation, offsets, sync }, KE.commitArrive);
  if (sync) {
    c.committing = true;
    c.commitId = id;
    // commitSync gives up after the request timeout and throws; the loop carries on.
    after(w, id < 0 ? 1_000_000 : REQUEST_TIMEOUT_US, KE.commitTimeout, c.id, id);
  }
}

on<World>(KE.commitResponse, 'OffsetCommit answer', (w, cid, id) => {
  const c = w.parts.kafka.consumers[cid]!;
  const a = w.parts.kafka.groupAnswers.get(id);
  w.parts.kafka.groupAnswers.delete(id);
  if (!a || !c.alive) return;
  if (a.code !== NONE) {
    // CommitFailedException: this member was removed from the group; what it processed will be redelivered.
    record(w.trace, w.now, T.error, c.host, -1, a.code, 0, c.group);
    if (a.code === UNKNOWN_MEMBER_ID || a.code === ILLEGAL_GENERATION) {
      c.memberId = a.code === UNKNOWN_MEMBER_ID ? '' : c.memberId;
      revoke(w, c, c.assigned);
      join(w, c);
    }
  }
  if (c.committing && c.commitId === id) afterCommit(w, c);
});

/** The synchronous commit is over (answered, timed out, or the transaction it rode in ended): the loop goes on. */
export function afterCommit(w: World, c: Consumer): void {
  c.committing = false;
  c.commitId = -1;
  if (c.pendingStart) {
    const work = c.pendingStart;
    c.pendingStart = null;
    startDelivery(w, c, work);
  } else poll(w, c);
}

on<World>(KE.commitTimeout, 'commitSync times out', (w, cid, id) => {
  const c = w.parts.kafka.consumers[cid]!;
  if (c.alive && c.committing && c.commitId === id) afterCommit(w, c);
});

on<World>(KE.poll, 'poll', (w, cid, life) => {
  const c = w.parts.kafka.consumers[cid]!;
  if (c.alive && life === c.life) poll(w, c);
});

/**
 * The application's poll loop: commit if due, take up to max.poll.records buffered records, and process them.
 * Does nothing while a batch is being processed or a synchronous commit is in flight.
 */
export function poll(w: World, c: Consumer): void {
  if (!c.alive || c.work || c.committing) return;
  c.lastPollAt = w.now;
  if (c.autoCommitDue) {
    c.autoCommitDue = false;
    commit(w, c, false);
  }
  if (c.memberId === '' && !c.joining) {
    join(w, c);
    return;
  }
  const work = take(w, c);
  fetchMore(w, c);
  if (!work) return;
  if (c.config.commit === 'before') {
    // At-most-once: commit the positions after this batch before touching it (semantics C10).
    c.pendingStart = work;
    commit(w, c, true);
    return;
  }
  startDelivery(w, c, work);
}

/** Hands a poll's records to the application (through the messaging port); it settles them when it is done. */
function startDelivery(w: World, c: Consumer, work: Delivery): void {
  c.work = work;
  deliver(w, c.reader, work, c.rng);
}

/** Takes up to max.poll.records buffered records, advancing the consumed positions. */
function take(w: World, c: Consumer): Delivery | null {
  const max = c.config.maxPollRecords;
  const work = c.workBuffer;
  let n = 0;
  const k = c.assigned.length;
  for (let i = 0; i < k && n < max; i++) {
    const p = c.assigned[(i + c.workSeq) % k]!;
    if ((c.blockedUntil.get(p) ?? 0) > w.now) continue;
    const buf = c.buffer.get(p);
    if (!buf) continue;
    const take = Math.min(buf.ids.length - buf.head, max - n);
    reserve(work, n + take, max);
    const offs = buf.offsets;
    for (let j = 0; j < take; j++) {
      const k = buf.head + j;
      work.places[n] = p;
      work.ids[n] = buf.ids[k]!;
      work.offsets[n] = offs ? offs[k]! : buf.base + k;
      n++;
    }
    buf.head += take;
    c.position.set(p, (offs ? offs[buf.head - 1]! : buf.base + buf.head - 1) + 1);
    if (buf.head >= buf.ids.length) c.buffer.delete(p);
  }
  if (n === 0) return null;
  work.count = n;
  work.seq = ++c.workSeq;
  return work;
}

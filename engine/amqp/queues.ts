/**
 * Queues: taking a message in (with its length limit, Q24-Q25), keeping it in order (a requeued message goes back to
 * its original position, Q13, Q34), expiring it at the head (Q23), dead-lettering it with its x-death record and
 * cycle detection (Q19-Q22), and syncing persistent messages to disk before their confirms (Q26, Q28-Q29).
 */
import { ACKED, CAUSED_BY_MESSAGE, EXPIRED, addFlags, addMessage, flagsOf, keyOf, typeOf } from '../history/messages.ts';
import { record } from '../history/trace.ts';
import { after, at, on } from '../sim/loop.ts';
import type { World } from '../world.ts';
import { RE } from './events.ts';
import { dispatch } from './consumers.ts';
import { settle } from './part.ts';
import { confirmLater } from './publishers.ts';
import { routeMessage } from './routing.ts';
import { QT, reasonIndex } from './trace.ts';
import type { DeathReason, QMsg, Queue } from './types.ts';

/**
 * How often a classic queue syncs its persistent messages to disk, and so how long a confirm may wait for it
 * (rabbit_amqqueue_process_utils SYNC_INTERVAL, 25 ms).
 */
const SYNC_US = 25_000;

export const readyCount = (q: Queue) => q.ready.length - q.head;

/** Whether the queue can take and serve messages now: its node is up (a quorum queue: it has a leader). */
export function available(w: World, q: Queue): boolean {
  return !q.deleted && q.leader >= 0 && w.parts.amqp.nodes[q.leader]!.alive && w.now >= q.availableFrom;
}

/** The queue has no consumers from now: with a queue TTL it is deleted if it stays so (Q19). */
export function unused(w: World, q: Queue): void {
  q.lastUsed = w.now;
  if (q.config.expiresUs >= 0 && q.consumers.length === 0) after(w, q.config.expiresUs, RE.queueExpire, q.id, 0);
}

on<World>(RE.queueExpire, 'queue expires', (w, qi) => {
  const q = w.parts.amqp.queues[qi]!;
  if (q.deleted || q.consumers.length > 0 || w.now - q.lastUsed < q.config.expiresUs) return;
  deleteQueue(w, q);
});

/** Deletes the queue: its messages go with it, on purpose (not dead-lettered: Q19), and nothing routes to it. */
export function deleteQueue(w: World, q: Queue): void {
  for (let i = q.head; i < q.ready.length; i++) addFlags(w.messages, q.ready[i]!.id, EXPIRED);
  q.ready = [];
  q.head = 0;
  q.bytes = 0;
  q.recovered = [];
  q.deleted = true;
  w.parts.amqp.routeCache.clear();
}

/** The network host of the node serving the queue (its first replica's when unavailable). */
export function queueHost(w: World, q: Queue): number {
  return w.parts.amqp.nodes[q.leader >= 0 ? q.leader : q.replicas[0]!]!.host;
}

export function newMessage(id: number, key: string, persistent: boolean, bytes: number, headers: Record<string, string> | null, expires: number): QMsg {
  return { id, seq: 0, expires, key, persistent, bytes, headers, redelivered: false, returns: 0, deaths: null, synced: false, deliveredAt: 0 };
}

/**
 * Takes a message in. Returns false when the queue refuses it (full, with `x-overflow=reject-publish`); with
 * `reject-publish-dlx` the refused message is dead-lettered. A full queue that drops its head makes room first.
 * `confirm` asks for the publisher's confirm once the message is safe here.
 */
export function enqueue(w: World, q: Queue, m: QMsg, confirm: { publisher: number; message: number } | null): boolean {
  const c = q.config;
  // Q24-Q25: the limits count ready messages.
  const full = () => (c.maxLength >= 0 && readyCount(q) >= c.maxLength) || (c.maxBytes >= 0 && q.bytes + m.bytes > c.maxBytes);
  if (full()) {
    if (c.overflow !== 'drop-head') {
      q.stats.refused++;
      record(w.trace, w.now, QT.amqpDrop, queueHost(w, q), q.place, m.id, 0, 0);
      if (c.overflow === 'reject-publish-dlx') deadLetter(w, q, m, 'maxlen');
      return false;
    }
    while (readyCount(q) > 0 && full()) deadLetter(w, q, takeHead(q), 'maxlen');
    if (full()) {
      // A message bigger than the whole limit: it is dropped itself at once.
      deadLetter(w, q, m, 'maxlen');
      return true;
    }
  }
  // A message's TTL is the lower of the queue's and its own; it counts from entering this queue.
  const ttl = c.ttlUs >= 0 && (m.expires === Infinity || c.ttlUs < m.expires) ? c.ttlUs : m.expires;
  m.expires = ttl === Infinity || ttl < 0 ? Infinity : w.now + ttl;
  m.seq = q.nextSeq++;
  m.synced = false;
  q.ready.push(m);
  q.bytes += m.bytes;
  q.stats.published++;
  const durable = m.persistent && c.durable;
  if (confirm) {
    if (durable || c.type === 'quorum') q.confirmsAfterSync.push(confirm);
    else confirmLater(w, confirm.publisher, confirm.message, 0);
  }
  if (durable || c.type === 'quorum') scheduleSync(w, q);
  scheduleExpiry(w, q);
  return true;
}

/** A persistent message waits for the queue's next sync; a quorum queue's for its replicas (one round trip). */
function scheduleSync(w: World, q: Queue): void {
  if (q.syncing) return;
  q.syncing = true;
  const delay = q.config.type === 'quorum' ? replicationUs(w, q) : SYNC_US;
  after(w, delay, RE.queueSync, q.id, 0);
}

/** A quorum queue's write is safe once a majority of its replicas has it: a round trip to the nearest follower. */
function replicationUs(w: World, q: Queue): number {
  const a = w.parts.amqp;
  const followers = q.replicas.filter((r) => r !== q.leader && a.nodes[r]!.alive).length;
  return followers > 0 ? 2 * w.net.latencyInZoneUs : SYNC_US;
}

on<World>(RE.queueSync, 'queue synced', (w, qi) => {
  const q = w.parts.amqp.queues[qi]!;
  q.syncing = false;
  if (!available(w, q)) return;
  for (let i = q.head; i < q.ready.length; i++) q.ready[i]!.synced = true;
  for (const cid of q.consumers) for (const m of w.parts.amqp.consumers[cid]!.unacked) m.synced = true;
  const confirms = q.confirmsAfterSync;
  q.confirmsAfterSync = [];
  for (const c of confirms) confirmLater(w, c.publisher, c.message, 0);
});

/** Removes and returns the head message. */
export function takeHead(q: Queue): QMsg {
  const m = q.ready[q.head]!;
  q.ready[q.head++] = undefined as unknown as QMsg;
  q.bytes -= m.bytes;
  if (q.head > 1024 && q.head * 2 > q.ready.length) {
    q.ready = q.ready.slice(q.head);
    q.head = 0;
  }
  return m;
}

/**
 * Puts a delivered message back (nack or reject with requeue, a channel closing): at its original position, marked
 * redelivered (Q13). A quorum queue counts the return and dead-letters or drops the message past its delivery limit
 * (Q33).
 */
export function requeue(w: World, q: Queue, m: QMsg, consumer: number): void {
  m.redelivered = true;
  m.returns++;
  q.stats.requeued++;
  record(w.trace, w.now, QT.requeue, queueHost(w, q), q.place, m.id, consumer, m.returns);
  if (q.config.type === 'quorum' && q.config.deliveryLimit >= 0 && m.returns > q.config.deliveryLimit) {
    deadLetter(w, q, m, 'delivery_limit');
    return;
  }
  // Binary search for its place among the ready messages, by the order they entered.
  let lo = q.head;
  let hi = q.ready.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (q.ready[mid]!.seq < m.seq) lo = mid + 1;
    else hi = mid;
  }
  if (lo === q.head && q.head > 0) q.ready[--q.head] = m;
  else q.ready.splice(lo, 0, m);
  q.bytes += m.bytes;
  scheduleExpiry(w, q);
}

/** Drops expired messages at the head (only there: Q23), and sets the timer for the next head. */
export function expireHead(w: World, q: Queue): void {
  while (readyCount(q) > 0 && q.ready[q.head]!.expires <= w.now) {
    const m = takeHead(q);
    q.stats.expired++;
    deadLetter(w, q, m, 'expired');
  }
  scheduleExpiry(w, q);
}

export function scheduleExpiry(w: World, q: Queue): void {
  const head = readyCount(q) > 0 ? q.ready[q.head]!.expires : Infinity;
  if (head === Infinity || head >= q.expiryAt) return;
  q.expiryAt = head;
  at(w, Math.max(head, w.now), RE.expire, q.id, 0);
}

on<World>(RE.expire, 'messages expire', (w, qi) => {
  const q = w.parts.amqp.queues[qi]!;
  if (q.expiryAt > w.now) return; // an earlier timer, overtaken
  q.expiryAt = Infinity;
  if (!available(w, q)) return;
  expireHead(w, q);
  dispatch(w, q);
});

/**
 * A message leaves the queue for `reason`: republished to the dead-letter exchange with an x-death record (the
 * routing key replaced by x-dead-letter-routing-key if set, its own TTL removed: Q20), or dropped when there is none
 * or when it would go round a cycle with no rejection in it (Q22). A dead-lettered copy is a new message caused by
 * this one; a message that expired is counted expired, not lost; one dropped for the length limit is lost.
 */
export function deadLetter(w: World, q: Queue, m: QMsg, reason: DeathReason): void {
  const a = w.parts.amqp;
  const host = queueHost(w, q);
  if (reason === 'expired') addFlags(w.messages, m.id, EXPIRED);
  else if (reason !== 'maxlen') settle(a, m.id);
  const x = q.config.dlx === null ? -1 : a.exchanges.findIndex((e) => e.cluster === q.cluster && e.name === q.config.dlx);
  if (x < 0) {
    q.stats.dropped++;
    record(w.trace, w.now, QT.deadLetter, host, q.place, m.id, reasonIndex(reason), 0);
    return;
  }
  // The entry for this queue and reason counts up and moves to the front; the most recent death comes first.
  const deaths = (m.deaths ?? []).map((d) => ({ ...d }));
  const mine = deaths.findIndex((d) => d.queue === q.name && d.reason === reason);
  const entry = mine >= 0 ? deaths.splice(mine, 1)[0]! : { queue: q.name, reason, count: 0 };
  entry.count++;
  deaths.unshift(entry);
  const key = q.config.dlrk || m.key;
  const targets = routeMessage(w, x, key, m.headers).queues.filter((t) => !isCycle(deaths, a.queues[t]!.name));
  let first = 0;
  const flags = (flagsOf(w.messages, m.id) & ACKED) | CAUSED_BY_MESSAGE;
  for (const t of targets) {
    const target = a.queues[t]!;
    if (!available(w, target) || target.deleted) continue;
    const id = addMessage(w.messages, keyOf(w.messages, m.id), typeOf(w.messages, m.id), target.place, w.now, m.id, flags);
    const copy = newMessage(id, key, m.persistent, m.bytes, m.headers, Infinity);
    copy.deaths = deaths;
    if (enqueue(w, target, copy, null)) {
      if (first === 0) first = id;
      dispatch(w, target);
    }
  }
  q.stats.deadLettered++;
  if (targets.length > 0) settle(a, m.id);
  record(w.trace, w.now, QT.deadLetter, host, q.place, m.id, reasonIndex(reason), first);
}

/**
 * RabbitMQ drops a dead-lettered message that would come back to a queue it already died in, unless a rejection
 * happened somewhere on the way (a consumer chose it: rabbit_dead_letter's cycle detection, Q22).
 */
function isCycle(deaths: NonNullable<QMsg['deaths']>, target: string): boolean {
  return deaths.some((d) => d.queue === target) && !deaths.some((d) => d.reason === 'rejected');
}

/**
 * Consumers: a channel consuming one queue. The queue pushes its ready messages to its consumers in turn, each up
 * to its prefetch window (Q16-Q18; round-robin and blind to load without one); a manual-ack consumer's deliveries
 * stay unacked until its ack arrives, and come back, redelivered, when it nacks them with requeue or its channel
 * closes (Q10, Q13); an auto-ack consumer's deliveries are done once sent, so whatever it had not processed when it
 * dies is gone (Q9). The broker closes a channel it stops hearing from after the heartbeat timeout, and one that
 * holds a delivery past consumer_timeout (Q11).
 */
import { record } from '../history/trace.ts';
import { deliver } from '../messaging/dispatch.ts';
import type { Delivery } from '../messaging/port.ts';
import { after, at, on } from '../sim/loop.ts';
import { arrival, reachable } from '../sim/network.ts';
import type { World } from '../world.ts';
import { RE } from './events.ts';
import { settle } from './part.ts';
import { available, deadLetter, expireHead, queueHost, readyCount, requeue, takeHead, unused } from './queues.ts';
import { QT } from './trace.ts';
import type { Consumer, QMsg, Queue } from './types.ts';

/** How long a client waits before connecting again (the Java client's networkRecoveryInterval, 5 s). */
export const RECOVERY_US = 5_000_000;

/**
 * basic.consume: the consumer joins its queue's consumers, or tries again later while the queue is unavailable or
 * its node cannot be reached (no connection opens over a cut link).
 */
export function consume(w: World, c: Consumer): void {
  if (!c.alive || c.consuming) return;
  const q = w.parts.amqp.queues[c.queue]!;
  if (!available(w, q) || !reachable(w.net, c.host, queueHost(w, q))) {
    after(w, RECOVERY_US, RE.reconnect, c.id, 1);
    return;
  }
  c.consuming = true;
  c.node = q.leader;
  c.lastHeard = w.now;
  q.consumers.push(c.id);
  if (q.config.singleActiveConsumer && q.active < 0) q.active = c.id;
  after(w, heartbeatCheckUs(w, q), RE.heartbeat, c.id, c.life);
  dispatch(w, q);
}

/** How often the broker looks at a consumer: twice per heartbeat, and often enough for its consumer_timeout. */
const heartbeatCheckUs = (w: World, q: Queue) => {
  const c = w.parts.amqp.clusters[q.cluster]!.config;
  return Math.min(c.heartbeatUs / 2, Math.max(1000, c.consumerTimeoutUs / 4));
};

/** Whether `c` may take one more delivery. */
function hasRoom(c: Consumer): boolean {
  return c.consuming && (c.config.ack === 'auto' || c.config.prefetch === 0 || c.unacked.length < c.config.prefetch);
}

/**
 * Pushes the queue's ready messages to its consumers: each message to the next consumer in turn that has room
 * (only the active one with single active consumer), expired heads dropped on the way. One network event per
 * consumer per push.
 */
export function dispatch(w: World, q: Queue): void {
  if (!available(w, q) || readyCount(q) === 0 || q.consumers.length === 0) return;
  const a = w.parts.amqp;
  const batches = new Map<number, QMsg[]>();
  const n = q.consumers.length;
  let idle = 0;
  while (readyCount(q) > 0 && idle < n) {
    const cid = q.config.singleActiveConsumer ? q.active : q.consumers[q.nextConsumer % n]!;
    if (!q.config.singleActiveConsumer) q.nextConsumer = (q.nextConsumer + 1) % n;
    const c = a.consumers[cid];
    if (!c || !hasRoom(c)) {
      idle = q.config.singleActiveConsumer ? n : idle + 1;
      continue;
    }
    idle = 0;
    // A message expires once its time is past; one whose time is now (a TTL of 0) still goes to a consumer that can
    // take it at once (Q23).
    if (q.ready[q.head]!.expires < w.now) {
      expireHead(w, q);
      continue;
    }
    const m = takeHead(q);
    m.deliveredAt = w.now;
    q.stats.delivered++;
    if (c.config.ack === 'manual') c.unacked.push(m);
    (batches.get(cid) ?? batches.set(cid, []).get(cid)!).push(m);
  }
  const host = queueHost(w, q);
  for (const [cid, ms] of batches) {
    const c = a.consumers[cid]!;
    const t = arrival(w.net, w.now, host, c.host);
    const push = c.nextPush++;
    c.inFlight.set(push, ms);
    // A push over a cut link waits in the connection for the link to come back (flushed at the next heartbeat check);
    // if the connection dies first, manual-ack deliveries go back to the queue and auto-ack ones are gone.
    if (t < 0) c.stalled.push(push);
    else at(w, t, RE.deliverArrive, cid, push);
  }
}

on<World>(RE.deliverArrive, 'deliveries arrive', (w, cid, push) => {
  const c = w.parts.amqp.consumers[cid]!;
  const ms = c.inFlight.get(push);
  if (!ms) return;
  c.inFlight.delete(push);
  const q = w.parts.amqp.queues[c.queue]!;
  for (const m of ms) {
    record(w.trace, w.now, QT.amqpDeliver, c.host, q.place, m.id, c.id, m.redelivered ? 1 : 0);
    c.script?.seen.push({ id: m.id, redelivered: m.redelivered, key: m.key, deaths: m.deaths });
    c.buffer.push(m);
  }
  handOver(w, c);
}, { hop: true });

/**
 * Hands the next received messages to the application: one at a time within a prefetch window (so each is acked as
 * soon as it is processed), everything received at once without one.
 */
export function handOver(w: World, c: Consumer): void {
  if (!c.alive || c.working.length > 0 || c.buffer.length === 0) return;
  if (c.script) return scriptHandOver(w, c);
  const take = c.config.ack === 'manual' && c.config.prefetch > 0 ? 1 : c.buffer.length;
  c.working = c.buffer.splice(0, take);
  const q = w.parts.amqp.queues[c.queue]!;
  const count = c.working.length;
  const d: Delivery = { seq: ++c.deliverySeq, count, places: new Int32Array(count).fill(q.place), ids: new Uint32Array(count), offsets: new Float64Array(count) };
  for (let i = 0; i < count; i++) {
    d.ids[i] = c.working[i]!.id;
    d.offsets[i] = c.working[i]!.seq;
  }
  deliver(w, c.reader, d, c.rng);
}

/** The application failed the message at `seq` (and stopped at it): it and the rest of the delivery go back. */
export function failFrom(c: Consumer, seq: number, requeueIt: boolean): void {
  for (const m of c.working) if (m.seq >= seq && !c.failing.includes(m)) c.failing.push(m);
  if (!requeueIt) c.dropping.push(...c.working.filter((m) => m.seq === seq));
}

/**
 * The application is done with its delivery: what it processed is acked (basic.ack), what it failed goes back
 * (basic.nack with requeue) or, when it gave up on it, is rejected (dead-lettered or dropped by the queue). With
 * auto-ack there is nothing to send: the broker forgot them when it sent them.
 */
export function settleDelivery(w: World, c: Consumer): void {
  const q = w.parts.amqp.queues[c.queue]!;
  const a = w.parts.amqp;
  const ack: QMsg[] = [];
  const back: QMsg[] = [];
  const drop: QMsg[] = [];
  if (c.failing.length === 0) ack.push(...c.working);
  else {
    for (const m of c.working) {
      if (c.dropping.includes(m)) drop.push(m);
      else if (c.failing.includes(m)) back.push(m);
      else ack.push(m);
    }
  }
  for (const m of ack) {
    settle(a, m.id);
    c.processed++;
    record(w.trace, w.now, QT.amqpAck, c.host, q.place, m.id, c.id, c.config.ack === 'auto' ? 1 : 0);
  }
  // Rejected by the application: it was delivered, the application decided (Q14).
  for (const m of drop) settle(a, m.id);
  c.working = [];
  c.failing = [];
  c.dropping = [];
  if (c.config.ack === 'manual') sendAcks(w, c, ack, back, drop);
  else for (const m of back) settle(a, m.id); // auto-ack: a failed message cannot go back
  handOver(w, c);
}

/**
 * Sends acks, requeues and rejects to the queue; lost on the way, the deliveries stay unacked until the channel
 * closes. Returns the batch's number while it is on its way (-1: nothing sent).
 */
export function sendAcks(w: World, c: Consumer, ack: QMsg[], requeueIt: QMsg[], drop: QMsg[]): number {
  if (ack.length + requeueIt.length + drop.length === 0) return -1;
  const q = w.parts.amqp.queues[c.queue]!;
  const t = arrival(w.net, w.now, c.host, queueHost(w, q));
  const n = c.nextPush++;
  c.acksInFlight.set(n, { ack, requeue: requeueIt, drop });
  if (t < 0) c.stalledAcks.push(n); // sent when the link is back, like a push
  else at(w, t, RE.ackArrive, c.id, n);
  return n;
}

on<World>(RE.ackArrive, 'acks arrive', (w, cid, n) => {
  const c = w.parts.amqp.consumers[cid]!;
  const batch = c.acksInFlight.get(n);
  if (!batch) return;
  c.acksInFlight.delete(n);
  const q = w.parts.amqp.queues[c.queue]!;
  if (!available(w, q)) return;
  c.lastHeard = w.now;
  // Deliveries the channel no longer holds (it closed meanwhile, and they went back) are not acked again. One pass
  // over the unacked list, which is in delivery order as acks usually are.
  const settled = new Set<QMsg>([...batch.ack, ...batch.requeue, ...batch.drop]);
  const held = new Set<QMsg>();
  c.unacked = c.unacked.filter((m) => {
    if (!settled.has(m)) return true;
    held.add(m);
    return false;
  });
  for (const m of batch.ack) if (held.has(m)) q.stats.acked++;
  for (const m of batch.requeue) if (held.has(m)) requeue(w, q, m, c.id);
  for (const m of batch.drop) if (held.has(m)) deadLetter(w, q, m, 'rejected');
  dispatch(w, q);
}, { hop: true });

/**
 * The broker closes the consumer's channel: its unacked deliveries go back to the queue, redelivered (Q10), and the
 * queue's other consumers get them.
 */
export function closeChannel(w: World, c: Consumer): void {
  const q = w.parts.amqp.queues[c.queue]!;
  if (c.consuming) {
    c.consuming = false;
    q.consumers = q.consumers.filter((x) => x !== c.id);
    q.nextConsumer = 0;
    if (q.active === c.id) q.active = q.consumers[0] ?? -1;
  }
  const unacked = c.unacked;
  c.unacked = [];
  if (q.consumers.length === 0) unused(w, q);
  if (available(w, q)) {
    for (const m of unacked) requeue(w, q, m, c.id);
    if (unacked.length > 0 || c.id >= 0) record(w.trace, w.now, QT.channelClosed, c.host, q.place, unacked.length, c.id, q.id);
    dispatch(w, q);
  }
}

/**
 * The consumer's process dies: what it had received and not finished dies with it (gone for good with auto-ack),
 * and the broker, seeing the connection drop, closes its channel.
 */
export function crashConsumer(w: World, c: Consumer): void {
  if (!c.alive) return;
  c.alive = false;
  c.life++;
  c.buffer = [];
  c.working = [];
  c.failing = [];
  c.dropping = [];
  c.inFlight.clear();
  c.acksInFlight.clear();
  c.stalled.length = 0;
  c.stalledAcks.length = 0;
  closeChannel(w, c);
}

/** The link is back: what the connection held while it was cut goes out now, both ways. */
function flushStalled(w: World, c: Consumer, host: number): void {
  for (const push of c.stalled) {
    const t = arrival(w.net, w.now, host, c.host);
    if (t >= 0 && c.inFlight.has(push)) at(w, t, RE.deliverArrive, c.id, push);
  }
  for (const n of c.stalledAcks) {
    const t = arrival(w.net, w.now, c.host, host);
    if (t >= 0 && c.acksInFlight.has(n)) at(w, t, RE.ackArrive, c.id, n);
  }
  c.stalled.length = 0;
  c.stalledAcks.length = 0;
}

export function restartConsumer(w: World, c: Consumer): void {
  if (c.alive) return;
  c.alive = true;
  c.life++;
  consume(w, c);
}

on<World>(RE.heartbeat, 'heartbeat check', (w, cid, life) => {
  const c = w.parts.amqp.consumers[cid]!;
  if (c.life !== life || !c.consuming) return;
  const q = w.parts.amqp.queues[c.queue]!;
  const cfg = w.parts.amqp.clusters[q.cluster]!.config;
  const host = queueHost(w, q);
  if (reachable(w.net, c.host, host)) {
    c.lastHeard = w.now;
    flushStalled(w, c, host);
  }
  const silent = w.now - c.lastHeard >= cfg.heartbeatUs;
  const stuck = c.unacked.length > 0 && w.now - c.unacked[0]!.deliveredAt >= cfg.consumerTimeoutUs;
  if (silent || stuck) {
    // Heartbeats missed (a cut link): both ends give up on the connection; or a delivery held past consumer_timeout
    // (the channel is closed with 406 PRECONDITION_FAILED). Either way the deliveries go back, and the client
    // connects and consumes again after its recovery interval (a scenario's consumer does not).
    c.buffer = [];
    c.inFlight.clear();
    c.stalled.length = 0;
    c.stalledAcks.length = 0;
    closeChannel(w, c);
    c.life++;
    if (c.script) {
      c.alive = false;
      if (stuck) c.script.closedWith = 406;
    } else after(w, RECOVERY_US, RE.reconnect, c.id, 1);
    return;
  }
  after(w, heartbeatCheckUs(w, q), RE.heartbeat, c.id, c.life);
});

/** A scenario consumer (engine/amqp/driver.ts): it works on one delivery at a time for `workUs`, then acks or rejects. */
function scriptHandOver(w: World, c: Consumer): void {
  const s = c.script!;
  if (c.config.ack === 'auto') {
    for (const m of c.buffer) settle(w.parts.amqp, m.id);
    c.buffer = [];
    return;
  }
  if (s.workUs < 0) return; // it holds its deliveries until the scenario acks them
  c.working = c.buffer.splice(0, 1);
  after(w, s.workUs, RE.scriptWork, c.id, c.life);
}

on<World>(RE.scriptWork, 'scripted work done', (w, cid, life) => {
  const c = w.parts.amqp.consumers[cid]!;
  if (c.life !== life || c.working.length === 0) return;
  const s = c.script!;
  const m = c.working[0]!;
  if (s.reject) {
    c.failing.push(m);
    if (s.reject === 'drop') c.dropping.push(m);
  }
  settleDelivery(w, c);
});

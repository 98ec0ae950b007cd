/**
 * Publishers: a channel publishing to one destination (an exchange with a routing key). What it is handed in one
 * instant goes out as one batch; the node routes each message (Q1-Q8) into its queues, and with publisher confirms
 * answers basic.ack once every queue has it safe (on disk for a persistent message in a durable queue, on a quorum
 * for a quorum queue: Q26), basic.nack when a full queue refused it (Q25), and basic.return first for an unroutable
 * mandatory message (Q7). Without confirms a message counts as sent once written to the socket: what a crash takes
 * then is lost without a word (Q28).
 */
import { CHANNEL_CLOSED, PUBLISH_NACKED, UNROUTABLE } from './errors.ts';
import { checkoutAnswered, checkoutFailed, type Metrics } from '../metrics/metrics.ts';
import { ACKED, FAILED, FROM_SOURCE, addFlags, addMessage, keyOf, partitionOf, producedAtOf, typeOf } from '../history/messages.ts';
import { record } from '../history/trace.ts';
import { published } from '../messaging/dispatch.ts';
import { recordValue } from '../metrics/histogram.ts';
import { after, at, on } from '../sim/loop.ts';
import { arrival } from '../sim/network.ts';
import type { World } from '../world.ts';
import { RECOVERY_US, dispatch } from './consumers.ts';
import { RE } from './events.ts';
import { settle } from './part.ts';
import { available, enqueue, newMessage } from './queues.ts';
import { routeMessage } from './routing.ts';
import { QT } from './trace.ts';
import type { Publisher } from './types.ts';

/** Hands a message to the publisher; it goes out with the others handed over this instant. */
export function publish(w: World, p: Publisher, message: number, waiter: number): void {
  w.metrics.produced++;
  p.outbox.push(message);
  p.outboxWaiters.push(waiter);
  if (!p.flushing) {
    p.flushing = true;
    at(w, w.now, RE.flush, p.id, p.life);
  }
}

on<World>(RE.flush, 'publishes sent', (w, pid, life) => {
  const p = w.parts.amqp.publishers[pid]!;
  if (p.life !== life) return;
  p.flushing = false;
  const ids = p.outbox;
  const waiters = p.outboxWaiters;
  p.outbox = [];
  p.outboxWaiters = [];
  const node = p.node >= 0 ? w.parts.amqp.nodes[p.node]! : null;
  const t = node && node.alive ? arrival(w.net, w.now, p.host, node.host) : -1;
  if (t < 0) {
    // The connection is gone (its node down, the link cut): the client library refuses the publish.
    if (node) closeConnection(w, p);
    for (let i = 0; i < ids.length; i++) failed(w, p, ids[i]!, waiters[i]!, CHANNEL_CLOSED);
    return;
  }
  const batch = p.nextBatch++;
  p.inFlight.set(batch, { ids, waiters });
  for (let i = 0; i < ids.length; i++) {
    p.sent++;
    record(w.trace, w.now, QT.amqpPublish, p.host, placeOf(w, ids[i]!), ids[i]!, exchangeOf(w, p, ids[i]!), 0);
    if (p.config.confirm) p.pending.set(ids[i]!, waiters[i]!);
    else acknowledged(w, p, ids[i]!, waiters[i]!); // fire and forget: sent is done
  }
  at(w, t, RE.publishArrive, p.id, batch);
});

const placeOf = (w: World, id: number) => partitionOf(w.messages, id);

function exchangeOf(w: World, p: Publisher, id: number): number {
  return (p.script?.props.get(id) ?? w.parts.amqp.routes[p.destination]!).exchange;
}

on<World>(RE.publishArrive, 'publishes arrive', (w, pid, batch) => {
  const a = w.parts.amqp;
  const p = a.publishers[pid]!;
  const b = p.inFlight.get(batch);
  if (!b) return;
  p.inFlight.delete(batch);
  const node = a.nodes[p.node]!;
  const touched = new Set<number>();
  // An application's channel publishes every message of the batch the same way: routed once.
  const fixed = p.script ? null : a.routes[p.destination]!;
  let first: ReturnType<typeof routeMessage> | undefined;
  for (let i = 0; i < b.ids.length; i++) {
    const id = b.ids[i]!;
    // A scenario's publisher sets each message's route and properties; an application's has its channel's.
    const own = p.script?.props.get(id);
    const route = own ?? fixed!;
    const cfg = own ?? p.config;
    const ttl = own ? own.expirationUs : p.config.expirationUs;
    const routed = own || i === 0 ? routeMessage(w, route.exchange, route.key, route.headers) : first!;
    if (i === 0) first = routed;
    const x = a.exchanges[route.exchange]!;
    const queues = routed.queues;
    if (queues.length === 0) {
      x.stats.unroutable++;
      const returned = cfg.mandatory;
      record(w.trace, w.now, QT.unroutable, node.host, x.place, id, returned ? 1 : 0, 0);
      if (returned) {
        // basic.return, then (with confirms) basic.ack: the publisher hears it went nowhere (Q7).
        x.stats.returned++;
        sendConfirm(w, p, id, UNROUTABLE);
      } else if (p.config.confirm) sendConfirm(w, p, id, 0); // Q6: acked all the same
      continue;
    }
    x.stats.routed++;
    if (p.config.confirm) p.awaiting.set(id, { left: queues.length, code: 0 });
    const copies: number[] = [];
    for (let k = 0; k < queues.length; k++) {
      const q = a.queues[queues[k]!]!;
      const copy = k === 0 ? id : addMessage(w.messages, keyOf(w.messages, id), typeOf(w.messages, id), q.place, producedAtOf(w.messages, id), id, 0);
      if (k > 0) copies.push(copy);
      const m = newMessage(copy, route.key, cfg.persistent, cfg.bytes, route.headers, ttl >= 0 ? ttl : Infinity);
      if (k > 0 && !p.config.confirm) addFlags(w.messages, copy, ACKED);
      if (!available(w, q)) {
        // Its node is down: the queue cannot take it (a confirm says no).
        if (p.config.confirm) confirmLater(w, p.id, id, PUBLISH_NACKED);
        continue;
      }
      const ok = enqueue(w, q, m, p.config.confirm ? { publisher: p.id, message: id } : null);
      if (!ok && p.config.confirm) confirmLater(w, p.id, id, PUBLISH_NACKED);
      if (ok) {
        record(w.trace, w.now, QT.enqueue, node.host, q.place, copy, q.ready.length - q.head, k > 0 ? 1 : 0);
        touched.add(q.id);
      }
    }
    if (copies.length > 0) a.copies.set(id, copies);
  }
  for (const qi of touched) dispatch(w, a.queues[qi]!);
}, { hop: true });

/** One of a message's queues has it safe (code 0) or refused it; the confirm goes once every queue has answered. */
export function confirmLater(w: World, pid: number, id: number, code: number): void {
  const p = w.parts.amqp.publishers[pid];
  if (!p) return;
  const wait = p.awaiting.get(id);
  if (!wait) return;
  if (code !== 0) wait.code = code;
  if (--wait.left > 0) return;
  p.awaiting.delete(id);
  sendConfirm(w, p, id, wait.code);
}

function sendConfirm(w: World, p: Publisher, id: number, code: number): void {
  if (!p.config.confirm && code !== UNROUTABLE) return;
  if (p.confirmOut.ids.length === 0) at(w, w.now, RE.confirmSend, p.id, p.life);
  p.confirmOut.ids.push(id);
  p.confirmOut.codes.push(code);
}

on<World>(RE.confirmSend, 'confirms sent', (w, pid, life) => {
  const p = w.parts.amqp.publishers[pid]!;
  const out = p.confirmOut;
  p.confirmOut = { ids: [], codes: [] };
  if (p.life !== life || p.node < 0 || out.ids.length === 0) return;
  const t = arrival(w.net, w.now, w.parts.amqp.nodes[p.node]!.host, p.host);
  if (t < 0) return;
  const n = p.nextBatch++;
  p.confirmsInFlight.set(n, out);
  at(w, t, RE.confirmArrive, p.id, n);
});

on<World>(RE.confirmArrive, 'confirms arrive', (w, pid, n) => {
  const p = w.parts.amqp.publishers[pid]!;
  const c = p.confirmsInFlight.get(n);
  if (!c) return;
  p.confirmsInFlight.delete(n);
  for (let i = 0; i < c.ids.length; i++) {
    const id = c.ids[i]!;
    const code = c.codes[i]!;
    record(w.trace, w.now, QT.confirm, p.host, placeOf(w, id), id, code, 0);
    if (code === UNROUTABLE) {
      // A return: the publisher knows it went nowhere, whatever the confirm says after it.
      p.script?.returned.push(id);
      settle(w.parts.amqp, id); // back with its publisher: not lost, whatever it makes of it
      const waiter = p.config.confirm ? (p.pending.get(id) ?? -1) : -1;
      p.pending.delete(id);
      if (p.config.confirm && p.script) p.script.confirms.push([id, true]);
      failed(w, p, id, waiter, UNROUTABLE);
      continue;
    }
    if (!p.pending.has(id)) continue;
    const waiter = p.pending.get(id)!;
    p.pending.delete(id);
    p.script?.confirms.push([id, code === 0]);
    if (code === 0) acknowledged(w, p, id, waiter);
    else failed(w, p, id, waiter, code);
  }
}, { hop: true });

/** The publisher counts the message sent: acknowledged (and its copies in other queues with it). */
function acknowledged(w: World, p: Publisher, id: number, waiter: number): void {
  const f = addFlags(w.messages, id, ACKED);
  const copies = w.parts.amqp.copies;
  if (copies.size > 0) for (const copy of copies.get(id) ?? []) addFlags(w.messages, copy, ACKED);
  if ((f & ACKED) !== 0) return;
  p.acked++;
  countAcknowledged(w.metrics, p.host, w.now - producedAtOf(w.messages, id), (f & FROM_SOURCE) !== 0, id, w.now);
  if (waiter >= 0) published(w, waiter, id, 0);
}

/** The publisher learns the message failed: nacked, returned, or its channel closed first. */
function failed(w: World, p: Publisher, id: number, waiter: number, code: number): void {
  const f = addFlags(w.messages, id, FAILED);
  p.failed++;
  w.metrics.sendFailed++;
  if ((f & (FROM_SOURCE | ACKED)) === FROM_SOURCE) {
    checkoutFailed(w.metrics, { message: id, at: w.now, code, service: p.name });
    w.metrics.originFailed.set(p.host, (w.metrics.originFailed.get(p.host) ?? 0) + 1);
  }
  if (waiter >= 0) published(w, waiter, id, code);
}

/** An acknowledged message in the metrics: an event a publish-only service originated is a checkout that succeeded. */
function countAcknowledged(m: Metrics, host: number, latency: number, fromSource: boolean, id: number, now: number): void {
  m.acknowledged++;
  if (fromSource) {
    m.checkoutsOk++;
    m.originOk.set(host, (m.originOk.get(host) ?? 0) + 1);
    recordValue(m.sourceAckLatency, latency);
    checkoutAnswered(m, latency, now, { message: id });
  } else recordValue(m.ackLatency, latency);
}

/** Connects (again) to a live node of its cluster, or tries later. */
export function connect(w: World, p: Publisher): void {
  if (!p.alive || p.node >= 0) return;
  const cluster = w.parts.amqp.clusters[p.cluster]!;
  const live = cluster.nodes.filter((n) => w.parts.amqp.nodes[n]!.alive);
  if (live.length === 0) {
    after(w, RECOVERY_US, RE.reconnect, p.id, 0);
    return;
  }
  p.node = live[(p.app + p.instance) % live.length]!;
}

/** Its connection is gone: unconfirmed messages fail (the channel closed first), and it connects again later. */
export function closeConnection(w: World, p: Publisher): void {
  p.node = -1;
  for (const [, b] of p.inFlight) for (let i = 0; i < b.ids.length; i++) if (p.config.confirm) failed(w, p, b.ids[i]!, b.waiters[i]!, CHANNEL_CLOSED);
  p.inFlight.clear();
  p.confirmsInFlight.clear();
  p.awaiting.clear();
  for (const [id, waiter] of [...p.pending].sort((x, y) => x[0] - y[0])) failed(w, p, id, waiter, CHANNEL_CLOSED);
  p.pending.clear();
  p.life++;
  p.flushing = false;
  if (p.outbox.length > 0) {
    p.flushing = true;
    at(w, w.now, RE.flush, p.id, p.life);
  }
  if (p.alive) after(w, RECOVERY_US, RE.reconnect, p.id, 0);
}

export function crashPublisher(p: Publisher): void {
  p.alive = false;
  p.life++;
  p.outbox = [];
  p.outboxWaiters = [];
  p.flushing = false;
  // What it had written to the socket still arrives; the confirms find nobody waiting.
  p.pending.clear();
  p.awaiting.clear();
  p.confirmsInFlight.clear();
}

export function restartPublisher(w: World, p: Publisher): void {
  p.alive = true;
  p.life++;
  p.node = -1;
  connect(w, p);
}

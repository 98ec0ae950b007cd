/**
 * RabbitMQ nodes going down and coming back. A classic queue lives on one node: while it is down the queue is
 * unavailable, and when it returns only a durable queue's persistent messages that reached the disk are there
 * (Q29-Q30). A quorum queue lives on three nodes: it keeps everything while a majority lives, elects a new leader
 * when its leader's node fails, and is unavailable without a majority (Q31-Q32). Either way every channel on the
 * failed node closes: publishers' unconfirmed messages fail, consumers' unacked deliveries go back.
 */
import { record } from '../history/trace.ts';
import { after, on } from '../sim/loop.ts';
import type { World } from '../world.ts';
import { RECOVERY_US, dispatch } from './consumers.ts';
import { RE } from './events.ts';
import { closeConnection, connect } from './publishers.ts';
import { deleteQueue, scheduleExpiry } from './queues.ts';
import { QT } from './trace.ts';
import type { QMsg, Queue, RabbitNode } from './types.ts';

const majority = (w: World, q: Queue) => q.replicas.filter((r) => w.parts.amqp.nodes[r]!.alive).length * 2 > q.replicas.length;

/**
 * A node stops cleanly and starts again (rabbitmqctl stop_app, start_app): what was written is flushed first, so every
 * persistent message of a durable queue is on disk; the rest is as after a crash.
 */
export function restartCleanly(w: World, n: RabbitNode): void {
  for (const q of w.parts.amqp.queues) {
    if (!q.replicas.includes(n.id) || !q.config.durable) continue;
    for (let i = q.head; i < q.ready.length; i++) q.ready[i]!.synced = true;
    for (const cid of q.consumers) for (const m of w.parts.amqp.consumers[cid]!.unacked) m.synced = true;
  }
  crashNode(w, n);
  restartNode(w, n);
}

export function crashNode(w: World, n: RabbitNode): void {
  if (!n.alive) return;
  const a = w.parts.amqp;
  n.alive = false;
  n.life++;
  w.net.up[n.host] = 0;
  for (const q of a.queues) {
    if (!q.replicas.includes(n.id)) continue;
    const served = q.leader === n.id;
    if (served && q.downSince < 0) q.downSince = w.now;
    if (q.config.type === 'quorum') {
      // A follower's failure changes nothing while a majority lives; the leader's starts an election.
      if (!served && majority(w, q)) continue;
      q.leader = -1;
      takeBack(w, q, n, () => true);
      record(w.trace, w.now, QT.queueLeader, n.host, -1, q.id, 0, 0);
      if (majority(w, q)) {
        q.availableFrom = w.now + a.clusters[q.cluster]!.config.electionUs;
        after(w, a.clusters[q.cluster]!.config.electionUs, RE.election, q.id, 0);
      }
      continue;
    }
    // A classic queue: what was not on disk is gone.
    const keeps = (m: QMsg) => q.config.durable && m.persistent && m.synced;
    takeBack(w, q, n, keeps);
    const ready = q.ready.slice(q.head);
    q.ready = [];
    q.head = 0;
    q.bytes = 0;
    for (const m of ready) {
      if (keeps(m)) q.recovered.push(m);
      else lose(w, q, n, m);
    }
    q.confirmsAfterSync = [];
    // A transient queue does not survive its node; clients that reconnect declare it again, empty.
    if (!q.config.durable && !a.redeclare) deleteQueue(w, q);
  }
  for (const p of a.publishers) if (p.node === n.id) closeConnection(w, p);
}

/** The queue's consumers lose their channels: unacked deliveries come back if `keeps` says they survived. */
function takeBack(w: World, q: Queue, n: RabbitNode, keeps: (m: QMsg) => boolean): void {
  const a = w.parts.amqp;
  for (const cid of q.consumers) {
    const c = a.consumers[cid]!;
    c.consuming = false;
    c.buffer = [];
    c.inFlight.clear();
    c.stalled.length = 0;
    c.stalledAcks.length = 0;
    for (const m of c.unacked) {
      if (keeps(m)) {
        m.redelivered = true;
        q.recovered.push(m);
      } else lose(w, q, n, m);
    }
    c.unacked = [];
    c.life++;
    // Clients reconnect and consume again; a scenario's consumer waits to be told.
    if (c.script) c.alive = false;
    else if (c.alive) after(w, RECOVERY_US, RE.reconnect, c.id, 1);
  }
  q.consumers = [];
  q.active = -1;
  q.nextConsumer = 0;
}

function lose(w: World, q: Queue, n: RabbitNode, m: QMsg): void {
  record(w.trace, w.now, QT.amqpDrop, n.host, q.place, m.id, 1, 0);
  q.stats.dropped++;
}

export function restartNode(w: World, n: RabbitNode): void {
  if (n.alive) return;
  const a = w.parts.amqp;
  n.alive = true;
  n.life++;
  w.net.up[n.host] = 1;
  for (const q of a.queues) {
    if (!q.replicas.includes(n.id)) continue;
    if (q.config.type === 'quorum') {
      if (q.leader < 0 && majority(w, q) && q.availableFrom <= w.now) elect(w, q);
      continue;
    }
    q.leader = n.id;
    restore(w, q);
  }
  for (const p of a.publishers) if (p.node < 0 && p.cluster === n.cluster) connect(w, p);
}

/** Messages that survived come back in their original order, redelivered, before what came after them. */
function restore(w: World, q: Queue): void {
  if (q.downSince >= 0) {
    w.checks.unavailable.push({ what: 'partition', id: q.place, from: q.downSince, to: w.now });
    q.downSince = -1;
  }
  const back = q.recovered.sort((x, y) => x.seq - y.seq);
  q.recovered = [];
  const rest = q.ready.slice(q.head);
  q.ready = [...back, ...rest].sort((x, y) => x.seq - y.seq);
  q.head = 0;
  q.bytes = q.ready.reduce((s, m) => s + m.bytes, 0);
  q.expiryAt = Infinity;
  scheduleExpiry(w, q);
  dispatch(w, q);
}

function elect(w: World, q: Queue): void {
  const a = w.parts.amqp;
  const leader = q.replicas.find((r) => a.nodes[r]!.alive);
  if (leader === undefined) return;
  q.leader = leader;
  q.availableFrom = w.now;
  record(w.trace, w.now, QT.queueLeader, a.nodes[leader]!.host, -1, q.id, a.nodes[leader]!.number, 0);
  restore(w, q);
}

on<World>(RE.election, 'quorum queue election', (w, qi) => {
  const q = w.parts.amqp.queues[qi]!;
  if (q.leader >= 0 || !majority(w, q)) return;
  elect(w, q);
});


/**
 * The spacetime diagram as data: a lane per host (client, producers, brokers, consumers), and for every message the
 * hops between lanes (request, produce, replicate, acknowledge, deliver, response), what happens on a lane (processing,
 * commit, a replica dropping it), and what caused what. Pure: the SVG only draws this.
 *
 * A RabbitMQ message has a lane for each exchange and queue it went through instead of brokers: published to its
 * exchange, routed into its queue, delivered from there, back in it (requeued), and dead-lettered through a
 * dead-letter exchange into the next queue, where its copy goes on.
 */
import type { MessageLife } from '../../../engine/index.ts';

export type HopKind = 'request' | 'produce' | 'replicate' | 'ack' | 'deliver' | 'response' | 'caused' | 'route' | 'dead-letter' | SagaHopKind;
export type MarkKind = 'produced' | 'processed' | 'committed' | 'dropped' | 'lost' | 'requeued' | 'dead-lettered' | SagaMarkKind;
/** A saga's moves (sagaSpacetime.ts): a command, a compensation, a choreography's event or compensating event, a reply. */
export type SagaHopKind = 'command' | 'compensate' | 'event' | 'compensating' | 'reply';
/** What a step's service did, and the coordinator's moments: started, a timeout, the end (completed or compensated). */
export type SagaMarkKind = 'done' | 'rejected' | 'undone' | 'failed' | 'started' | 'timeout' | 'ended';

export interface Hop {
  message: number;
  kind: HopKind;
  from: number;
  to: number;
  t0: number;
  t1: number;
}

export interface Mark {
  message: number;
  kind: MarkKind;
  lane: number;
  t: number;
  /** A word for the tooltip: the group, the broker. */
  note: string;
}

export interface Span {
  message: number;
  /** Processing on a consumer, or a lost write held by its leader alone until it was dropped. */
  kind: 'processing' | 'held';
  lane: number;
  t0: number;
  t1: number;
  /** The group processing it, or the broker holding it. */
  group: string;
}

export interface Spacetime {
  lanes: { host: string; role: Role }[];
  /** The groups are one saga's moves, not messages: tooltips name it `saga #12`, not `#12`. */
  saga?: boolean;
  hops: Hop[];
  marks: Mark[];
  spans: Span[];
  /** Every moment something happens, sorted, distinct: the stops of the time axis. */
  times: number[];
}

export type Role = 'client' | 'producer' | 'broker' | 'exchange' | 'queue' | 'consumer' | 'orchestrator' | 'service';
// Exchanges and queues sit among the brokers, in the order the story meets them: a dead-lettered message reads down.
// (A saga's lanes, orchestrator and services, are laid out in its own order: sagaSpacetime.ts.)
const ROLE_RANK: Record<Role, number> = { client: 0, producer: 1, broker: 2, exchange: 2, queue: 2, consumer: 3, orchestrator: 1, service: 3 };

function laneOrder(roles: Map<string, Role>, first: Map<string, number>): string[] {
  return [...roles.keys()].sort((a, b) => {
    const r = ROLE_RANK[roles.get(a)!] - ROLE_RANK[roles.get(b)!];
    if (r !== 0) return r;
    // Brokers by name (Kafka/1, Kafka/2...), the rest in the order the story meets them.
    if (roles.get(a) === 'broker' && roles.get(b) === 'broker') return a.localeCompare(b, 'en', { numeric: true });
    return first.get(a)! - first.get(b)! || a.localeCompare(b);
  });
}

/**
 * Lays out the lives of a key or a story. `brokers` adds lanes for brokers the messages never reached, so a write
 * that no follower copied shows the followers' empty lanes.
 */
export function layoutSpacetime(lives: readonly MessageLife[], brokers: readonly string[] = []): Spacetime {
  const roles = new Map<string, Role>();
  const first = new Map<string, number>();
  const role = (host: string | undefined, r: Role, at: number) => {
    if (!host) return;
    const had = roles.get(host);
    // A service that consumes and publishes in turn is drawn with the consumers, where its reactions start.
    if (had === undefined || ROLE_RANK[r] > ROLE_RANK[had]) roles.set(host, r);
    if (!first.has(host) || at < first.get(host)!) first.set(host, at);
  };
  if (lives.length > 0) for (const b of brokers) role(b, 'broker', Infinity);
  for (const l of lives) {
    role(l.origin?.node, 'client', l.origin?.startAt ?? l.producedAt);
    role(l.producer, 'producer', l.producedAt);
    if (l.amqp) {
      const q = l.amqp;
      if (q.deadFrom) role(queueLane(q.deadFrom.queue), 'queue', l.producedAt);
      role(exchangeLane(q.exchange), 'exchange', l.sentAt ?? l.producedAt);
      role(queueLane(q.queue), 'queue', l.appendedAt ?? l.producedAt);
    } else role(l.leader, 'broker', l.appendedAt ?? l.producedAt);
    for (const r of l.replicatedAt) role(r.broker, 'broker', r.at);
    if (l.droppedAt) role(l.droppedAt.broker, 'broker', l.droppedAt.at);
    for (const d of l.deliveredAt) role(d.node, 'consumer', d.at);
    for (const p of l.processedAt) role(p.node, 'consumer', p.at);
  }
  const order = laneOrder(roles, first);
  const laneOf = new Map(order.map((h, i) => [h, i]));
  const lane = (h: string | undefined) => (h === undefined ? -1 : (laneOf.get(h) ?? -1));

  const hops: Hop[] = [];
  const marks: Mark[] = [];
  const spans: Span[] = [];
  const hop = (message: number, kind: HopKind, from: number, to: number, t0: number, t1: number) => {
    if (from >= 0 && to >= 0 && t1 >= t0) hops.push({ message, kind, from, to, t0, t1 });
  };
  const processedWhere = new Map<number, { lane: number; t: number }>();

  for (const l of lives) {
    const m = l.id;
    if (l.amqp) {
      amqpParts(l, l.amqp, lane, hop, marks, spans, processedWhere);
      continue;
    }
    const producer = lane(l.producer);
    const leader = lane(l.leader);
    if (l.origin) hop(m, 'request', lane(l.origin.node), producer, l.origin.startAt, l.producedAt);
    if (producer >= 0) marks.push({ message: m, kind: 'produced', lane: producer, t: l.producedAt, note: l.type });
    if (l.appendedAt !== undefined) hop(m, 'produce', producer, leader, l.sentAt ?? l.producedAt, l.appendedAt);
    for (const r of l.replicatedAt) hop(m, 'replicate', leader, lane(r.broker), l.appendedAt ?? l.producedAt, r.at);
    if (l.acknowledgedAt !== undefined && l.appendedAt !== undefined) {
      // The acknowledgement leaves once the replicas it waits for have the record (none more for acks=1).
      const copies = l.replicatedAt.filter((r) => r.at <= l.acknowledgedAt!).map((r) => r.at);
      hop(m, 'ack', leader, producer, Math.max(l.appendedAt, ...copies), l.acknowledgedAt);
    }
    if (l.origin) hop(m, 'response', producer, lane(l.origin.node), Math.min(l.origin.endAt, l.acknowledgedAt ?? l.producedAt), l.origin.endAt);
    for (const d of l.deliveredAt) {
      // Visible to consumers from the moment the followers had it (the high watermark), at the earliest.
      const copies = l.replicatedAt.filter((r) => r.at <= d.at).map((r) => r.at);
      const from = Math.min(d.at, Math.max(l.appendedAt ?? l.producedAt, ...copies));
      hop(m, 'deliver', leader, lane(d.node), from, d.at);
    }
    for (const p of l.processedAt) {
      const at = lane(p.node);
      const got = l.deliveredAt.find((d) => d.group === p.group && d.at <= p.at);
      if (got) spans.push({ message: m, kind: 'processing', lane: at, t0: got.at, t1: p.at, group: p.group });
      marks.push({ message: m, kind: 'processed', lane: at, t: p.at, note: p.group });
      if (!processedWhere.has(m)) processedWhere.set(m, { lane: at, t: p.at });
    }
    for (const c of l.committedAt) {
      const at = lane(c.node ?? l.processedAt.find((p) => p.group === c.group)?.node);
      if (at >= 0) marks.push({ message: m, kind: 'committed', lane: at, t: c.at, note: c.group });
    }
    if (l.droppedAt) {
      marks.push({ message: m, kind: 'dropped', lane: lane(l.droppedAt.broker), t: l.droppedAt.at, note: l.droppedAt.broker });
      if (l.appendedAt !== undefined && l.replicatedAt.length === 0 && l.droppedAt.broker === l.leader) {
        spans.push({ message: m, kind: 'held', lane: leader, t0: l.appendedAt, t1: l.droppedAt.at, group: l.leader });
      }
    }
    else if (l.lost && leader >= 0) marks.push({ message: m, kind: 'lost', lane: leader, t: l.appendedAt ?? l.producedAt, note: l.leader ?? '' });
  }
  // What caused what: a reaction starts where its cause was processed.
  for (const l of lives) {
    // A queue's copy of a publish, or a dead-lettered one, is not a reaction: its hops show where it came from.
    if (!l.causedByMessage || l.amqp?.copyOf !== undefined || l.amqp?.deadFrom) continue;
    const cause = processedWhere.get(l.causation);
    if (cause) hop(l.id, 'caused', cause.lane, lane(l.producer), cause.t, l.producedAt);
  }

  const times = new Set<number>();
  for (const h of hops) times.add(h.t0).add(h.t1);
  for (const k of marks) times.add(k.t);
  for (const s of spans) times.add(s.t0).add(s.t1);
  return { lanes: order.map((host) => ({ host, role: roles.get(host)! })), hops, marks, spans, times: [...times].sort((a, b) => a - b) };
}

/** The lane of an exchange or a queue: named so no host name can take it. */
export function exchangeLane(x: { name: string } | null): string | undefined {
  return x ? (x.name === '' ? 'default exchange' : `exchange ${x.name}`) : undefined;
}

export function queueLane(q: { name: string } | null): string | undefined {
  return q ? `queue ${q.name}` : undefined;
}

/** A RabbitMQ message's hops and marks: published, routed, confirmed, delivered, requeued, processed, acked, dead. */
function amqpParts(
  l: MessageLife,
  q: NonNullable<MessageLife['amqp']>,
  lane: (h: string | undefined) => number,
  hop: (message: number, kind: HopKind, from: number, to: number, t0: number, t1: number) => void,
  marks: Mark[],
  spans: Span[],
  processedWhere: Map<number, { lane: number; t: number }>,
): void {
  const m = l.id;
  const producer = lane(l.producer);
  const exchange = lane(exchangeLane(q.exchange));
  const queue = lane(queueLane(q.queue));
  const queued = l.appendedAt;
  if (l.origin) hop(m, 'request', lane(l.origin.node), producer, l.origin.startAt, l.producedAt);
  if (producer >= 0) marks.push({ message: m, kind: 'produced', lane: producer, t: l.producedAt, note: l.type });
  if (q.deadFrom) {
    // Republished by the queue it died in, through the dead-letter exchange, in the same instant.
    marks.push({ message: m, kind: 'produced', lane: exchange, t: l.producedAt, note: `${l.type}, dead-lettered` });
    hop(m, 'dead-letter', lane(queueLane(q.deadFrom.queue)), exchange, l.producedAt, l.producedAt);
  }
  const reached = queued ?? q.unroutableAt?.at;
  if (reached !== undefined && producer >= 0) hop(m, 'produce', producer, exchange, l.sentAt ?? l.producedAt, reached);
  if (queued !== undefined) hop(m, 'route', exchange, queue, queued, queued);
  if (l.acknowledgedAt !== undefined && queued !== undefined && q.copyOf === undefined) hop(m, 'ack', queue, producer, queued, l.acknowledgedAt);
  if (l.origin) hop(m, 'response', producer, lane(l.origin.node), Math.min(l.origin.endAt, l.acknowledgedAt ?? l.producedAt), l.origin.endAt);
  for (const d of l.deliveredAt) {
    // From when it was last put in the queue: taken in, or back after a requeue.
    const back = q.requeuedAt.filter((r) => r.at <= d.at).map((r) => r.at);
    hop(m, 'deliver', queue, lane(d.node), Math.min(d.at, Math.max(queued ?? l.producedAt, ...back)), d.at);
  }
  for (const r of q.requeuedAt) marks.push({ message: m, kind: 'requeued', lane: queue, t: r.at, note: r.consumer ? `from ${r.consumer}` : '' });
  for (const p of l.processedAt) {
    const at = lane(p.node);
    const got = [...l.deliveredAt].reverse().find((d) => d.node === p.node && d.at <= p.at);
    if (got) spans.push({ message: m, kind: 'processing', lane: at, t0: got.at, t1: p.at, group: p.group });
    marks.push({ message: m, kind: 'processed', lane: at, t: p.at, note: p.node });
    if (!processedWhere.has(m)) processedWhere.set(m, { lane: at, t: p.at });
  }
  for (const c of l.committedAt) marks.push({ message: m, kind: 'committed', lane: lane(c.node), t: c.at, note: `acked on ${c.group}` });
  if (q.deadLetteredAt) {
    const d = q.deadLetteredAt;
    marks.push({ message: m, kind: d.as > 0 ? 'dead-lettered' : 'dropped', lane: queue, t: d.at, note: d.as > 0 ? `${d.reason}, as #${d.as}` : `${d.reason}, no dead-letter exchange` });
  }
  if (q.unroutableAt) marks.push({ message: m, kind: 'dropped', lane: exchange, t: q.unroutableAt.at, note: q.unroutableAt.returned ? 'unroutable: returned' : 'unroutable' });
  if (q.refusedAt !== undefined) marks.push({ message: m, kind: 'dropped', lane: queue, t: q.refusedAt, note: 'refused: the queue is full' });
  if (l.droppedAt) marks.push({ message: m, kind: 'dropped', lane: queue, t: l.droppedAt.at, note: `lost when ${l.droppedAt.broker} went down` });
  else if (l.lost && !q.unroutableAt) {
    const last = l.deliveredAt[l.deliveredAt.length - 1];
    marks.push({ message: m, kind: 'lost', lane: last ? lane(last.node) : queue, t: last?.at ?? queued ?? l.producedAt, note: last ? 'auto-acked, never processed' : '' });
  }
}

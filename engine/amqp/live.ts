/**
 * RabbitMQ's live state for the frame, per topology node: a RabbitMQ node's cluster members, an exchange's routing
 * counts, a queue's depth (ready and unacked), its consumers with their unacked deliveries, and what it expired,
 * dead-lettered or dropped; and the fault targets a run adds (each node of a cluster).
 */
import type { NodeLiveBase } from '../live/types.ts';
import type { World } from '../world.ts';
import { available, readyCount } from './queues.ts';
import type { Consumer } from './types.ts';

export interface RabbitNodeLive extends NodeLiveBase {
  type: 'rabbitmq';
  nodes: { number: number; alive: boolean }[];
  queues: number;
}

export interface ExchangeNodeLive extends NodeLiveBase {
  type: 'exchange';
  /** Its number among the exchanges (what the inspector asks about). */
  id: number;
  /** The RabbitMQ node (cluster) hosting it, as a fault names it (for link faults on its edges). */
  host: string;
  exchangeType: string;
  routed: number;
  unroutable: number;
  returned: number;
  /** Messages queues dead-lettered into it (its routed count is of publishes only). */
  deadLettered: number;
}

export interface QueueNodeLive extends NodeLiveBase {
  type: 'queue';
  /** Its number among the queues (what the inspector asks about). */
  id: number;
  /** The RabbitMQ node (cluster) hosting it, as a fault names it (for link faults on its edges). */
  host: string;
  queueType: 'classic' | 'quorum';
  ready: number;
  unacked: number;
  /** Each consumer of the queue and the deliveries it holds unacked; `up` false while it is not consuming (crashed, reconnecting). */
  consumers: { name: string; unacked: number; up: boolean }[];
  published: number;
  delivered: number;
  acked: number;
  requeued: number;
  deadLettered: number;
  expired: number;
  dropped: number;
  refused: number;
  /** The node serving it (1-based), 0 while unavailable. */
  leader: number;
}

declare module '../live/types.ts' {
  interface NodeLives {
    rabbitmq: RabbitNodeLive;
    exchange: ExchangeNodeLive;
    queue: QueueNodeLive;
  }
}

export function amqpLive(w: World, out: Record<string, unknown>): void {
  const a = w.parts.amqp;
  for (const c of a.clusters) {
    const nodes = c.nodes.map((id) => ({ number: a.nodes[id]!.number, alive: a.nodes[id]!.alive }));
    out[c.name] = { type: 'rabbitmq', up: nodes.filter((n) => n.alive).length, of: nodes.length, nodes, queues: a.queues.filter((q) => q.cluster === c.id).length } satisfies RabbitNodeLive;
  }
  // What each queue dead-lettered, by the exchange it names (a DLX routes those beside its publishes).
  const dead = new Map<string, number>();
  for (const q of a.queues) if (q.config.dlx !== null && q.stats.deadLettered > 0) dead.set(`${q.cluster}/${q.config.dlx}`, (dead.get(`${q.cluster}/${q.config.dlx}`) ?? 0) + q.stats.deadLettered);
  for (const x of a.exchanges) {
    if (!x.node) continue;
    const up = a.clusters[x.cluster]!.nodes.some((id) => a.nodes[id]!.alive) ? 1 : 0;
    out[x.node] = { type: 'exchange', id: x.id, host: a.clusters[x.cluster]!.name, up, of: 1, exchangeType: x.type, routed: x.stats.routed, unroutable: x.stats.unroutable, returned: x.stats.returned, deadLettered: dead.get(`${x.cluster}/${x.name}`) ?? 0 } satisfies ExchangeNodeLive;
  }
  // Every consumer of each queue, consuming or not, in the order they were built.
  const of = new Map<number, Consumer[]>();
  for (const c of a.consumers) if (!c.script) (of.get(c.queue) ?? of.set(c.queue, []).get(c.queue)!).push(c);
  for (const q of a.queues) {
    if (!q.node) continue;
    const cs = of.get(q.id) ?? [];
    const ok = available(w, q);
    out[q.node] = {
      type: 'queue', id: q.id, host: a.clusters[q.cluster]!.name, up: ok ? 1 : 0, of: 1, queueType: q.config.type, ready: readyCount(q), unacked: cs.reduce((n, c) => n + c.unacked.length, 0),
      consumers: cs.map((c) => ({ name: c.name, unacked: c.unacked.length, up: c.consuming })), ...q.stats, leader: ok ? a.nodes[q.leader]!.number : 0,
    } satisfies QueueNodeLive;
  }
}

/** Each node of a cluster of several, as a fault can name it (`RabbitMQ/2`). */
export function amqpTargetNames(w: World): string[] {
  const a = w.parts.amqp;
  return a.clusters.flatMap((c) => (c.nodes.length > 1 ? c.nodes.map((id) => `${c.name}/${a.nodes[id]!.number}`) : []));
}

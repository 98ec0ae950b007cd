/**
 * RabbitMQ's inspector answers: a queue's messages (head first, with their TTL and x-death) and its consumers; an
 * exchange's bindings and what it routed.
 */
import { keyText } from '../history/keys.ts';
import { keyOf, typeOf } from '../history/messages.ts';
import type { World } from '../world.ts';
import { available } from './queues.ts';
import type { QMsg } from './types.ts';

export interface QueueMessageView {
  id: number;
  key: string | null;
  type: string;
  routingKey: string;
  redelivered: boolean;
  /** Time left before it expires (µs), or null for none; negative: expired, waiting to reach the head. */
  expiresInUs: number | null;
  deaths: QMsg['deaths'];
  persistent: boolean;
  /** Held unacked by this consumer, '' when ready. */
  heldBy: string;
}

export interface QueueDetail {
  name: string;
  type: 'classic' | 'quorum';
  available: boolean;
  /** Its node(s), the serving one first. */
  nodes: string[];
  ready: number;
  unacked: number;
  settings: Record<string, string>;
  /** The first messages, head first: the ready ones, then those held unacked. */
  messages: QueueMessageView[];
  consumers: { name: string; ack: string; prefetch: number; unacked: number; alive: boolean }[];
  stats: Record<string, number>;
}

const SHOWN = 50;

export function queueDetail(w: World, id: number): QueueDetail | null {
  const a = w.parts.amqp;
  const q = a.queues[id];
  if (!q) return null;
  const view = (m: QMsg, heldBy: string): QueueMessageView => ({
    id: m.id, key: keyText(w.keys, keyOf(w.messages, m.id)), type: w.messages.types[typeOf(w.messages, m.id)] ?? '', routingKey: m.key, redelivered: m.redelivered,
    expiresInUs: m.expires === Infinity ? null : m.expires - w.now, deaths: m.deaths, persistent: m.persistent, heldBy,
  });
  const messages: QueueMessageView[] = [];
  for (let i = q.head; i < q.ready.length && messages.length < SHOWN; i++) messages.push(view(q.ready[i]!, ''));
  const consumers = q.consumers.map((c) => a.consumers[c]!);
  for (const c of consumers) for (const m of c.unacked) if (messages.length < SHOWN) messages.push(view(m, c.name));
  const c = q.config;
  const settings: Record<string, string> = { durable: String(c.durable) };
  if (c.ttlUs >= 0) settings['x-message-ttl'] = String(c.ttlUs / 1000);
  if (c.maxLength >= 0) settings['x-max-length'] = String(c.maxLength);
  if (c.maxBytes >= 0) settings['x-max-length-bytes'] = String(c.maxBytes);
  if (c.maxLength >= 0 || c.maxBytes >= 0) settings['x-overflow'] = c.overflow;
  if (c.dlx !== null) settings['x-dead-letter-exchange'] = c.dlx || '(default exchange)';
  if (c.dlrk) settings['x-dead-letter-routing-key'] = c.dlrk;
  if (c.type === 'quorum') settings['x-delivery-limit'] = String(c.deliveryLimit);
  if (c.singleActiveConsumer) settings['x-single-active-consumer'] = 'true';
  return {
    name: q.name, type: c.type, available: available(w, q), nodes: (q.leader >= 0 ? [q.leader, ...q.replicas.filter((r) => r !== q.leader)] : q.replicas).map((n) => w.net.names[a.nodes[n]!.host]!),
    ready: q.ready.length - q.head, unacked: consumers.reduce((n, x) => n + x.unacked.length, 0), settings, messages,
    consumers: consumers.map((x) => ({ name: x.name, ack: x.config.ack, prefetch: x.config.prefetch, unacked: x.unacked.length, alive: x.alive })),
    stats: { ...q.stats },
  };
}

export interface ExchangeDetail {
  name: string;
  type: string;
  alternate: string;
  bindings: { to: string; key: string; headers: Record<string, string> | null; matchAll: boolean }[];
  stats: Record<string, number>;
}

export function exchangeDetail(w: World, id: number): ExchangeDetail | null {
  const a = w.parts.amqp;
  const x = a.exchanges[id];
  if (!x) return null;
  return {
    name: x.name, type: x.type, alternate: x.alternate >= 0 ? a.exchanges[x.alternate]!.name : '',
    bindings: x.bindings.map((b) => ({ to: 'queue' in b.to ? `queue ${a.queues[b.to.queue]!.name}` : `exchange ${a.exchanges[b.to.exchange]!.name}`, key: b.key, headers: b.headers, matchAll: b.matchAll })),
    stats: { ...x.stats },
  };
}

/**
 * RabbitMQ's inspector answers: a queue's messages (head first, with their TTL and x-death) and its consumers; an
 * exchange's bindings and what it routed.
 */
import { keyText } from '../history/keys.ts';
import { causationOf, keyOf, partitionOf, producedAtOf, typeOf } from '../history/messages.ts';
import { oldestHeld } from '../history/trace.ts';
import type { World } from '../world.ts';
import { available } from './queues.ts';
import { QT, REASONS } from './trace.ts';
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
  /** What its bindings matched lately, newest first: each message, its routing key, and the queues it went into. */
  matched: ExchangeMatch[];
}

export interface ExchangeMatch {
  id: number;
  at: number;
  /** The routing key it was published with; for a dead-lettered message, the queue it died in and why. */
  routingKey: string;
  deadFrom?: string;
  /** The queues that took it (empty: unroutable). */
  queues: string[];
  /** Unroutable: returned to its publisher (mandatory) rather than dropped. */
  returned?: boolean;
  /** No queue has taken it yet, and it was not found unroutable: on its way, or its queue's node is down. */
  pending?: boolean;
}

/** Trace entries an exchange's inspector reads back at most, and messages it lists. */
const MATCH_SCAN_MAX = 20_000;
const MATCHES_MAX = 12;

/** The newest messages exchange `id` routed, from the trace: published to it, or dead-lettered through it. */
function recentMatches(w: World, id: number): ExchangeMatch[] {
  const a = w.parts.amqp;
  const x = a.exchanges[id]!;
  const t = w.trace;
  const queueName = new Map(a.queues.map((q) => [q.place, q.name]));
  // Reading back, a message's queues come before its publish: gather them by message until the publish names it.
  const took = new Map<number, string[]>();
  const nowhere = new Map<number, boolean>();
  const out: ExchangeMatch[] = [];
  // The routing key: the publishing host's channel to this exchange says it (two channels with two keys: both).
  const keys = new Map<number, string>();
  const keysFrom = (host: number) => {
    let k = keys.get(host);
    if (k === undefined) {
      const mine = a.publishers.filter((p) => p.host === host && a.routes[p.destination]?.exchange === id).map((p) => a.routes[p.destination]!.key);
      keys.set(host, (k = [...new Set(mine)].join(' or ')));
    }
    return k;
  };
  const into = (m: number) => [m, ...(a.copies.get(m) ?? [])].flatMap((c) => took.get(c) ?? []);
  const stop = Math.max(oldestHeld(t), t.written - MATCH_SCAN_MAX);
  for (let s = t.written - 1; s >= stop && out.length < MATCHES_MAX; s--) {
    const i = s % t.capacity;
    const kind = t.kind[i]!;
    const m = t.a[i]!;
    if (kind === QT.enqueue) (took.get(m) ?? took.set(m, []).get(m)!).unshift(queueName.get(t.part[i]!) ?? '');
    else if (kind === QT.unroutable) nowhere.set(m, t.b[i] === 1);
    else if (kind === QT.amqpPublish && t.b[i] === id) {
      const returned = nowhere.get(m);
      const queues = into(m);
      const fate = returned !== undefined ? { returned } : queues.length === 0 ? { pending: true } : {};
      out.push({ id: m, at: t.time[i]!, routingKey: keysFrom(t.node[i]!), queues, ...fate });
    } else if (kind === QT.deadLetter && t.c[i]! > 0) {
      const died = a.queues.find((q) => q.place === t.part[i]);
      if (died && died.cluster === x.cluster && died.config.dlx === x.name) {
        // Its copies in the queues the dead-letter exchange routed it to, made in that instant one after another.
        const queues: string[] = [];
        for (let c = t.c[i]!; c < w.messages.count && causationOf(w.messages, c) === m && producedAtOf(w.messages, c) === t.time[i]; c++) queues.push(queueName.get(partitionOf(w.messages, c)) ?? '');
        out.push({ id: t.c[i]!, at: t.time[i]!, routingKey: died.config.dlrk, deadFrom: `${died.name} (${REASONS[t.b[i]!] ?? 'rejected'})`, queues });
      }
    }
  }
  return out;
}

export function exchangeDetail(w: World, id: number): ExchangeDetail | null {
  const a = w.parts.amqp;
  const x = a.exchanges[id];
  if (!x) return null;
  return {
    name: x.name, type: x.type, alternate: x.alternate >= 0 ? a.exchanges[x.alternate]!.name : '',
    bindings: x.bindings.map((b) => ({ to: 'queue' in b.to ? `queue ${a.queues[b.to.queue]!.name}` : `exchange ${a.exchanges[b.to.exchange]!.name}`, key: b.key, headers: b.headers, matchAll: b.matchAll })),
    stats: { ...x.stats },
    matched: recentMatches(w, id),
  };
}

/**
 * Message lives on RabbitMQ, from the trace: one pass over the ring serves every message asked for. A message's
 * stages are its own entries (published, taken by a queue, confirmed, delivered, acked, requeued, dead-lettered,
 * dropped), and the applications' processing of it. The kernel's fields carry what Kafka and RabbitMQ share
 * (`sentAt` published, `appendedAt` taken by its queue, `acknowledgedAt` confirmed, `committedAt` acked); `amqp` the
 * rest: the exchange and queue it went through, its returns to the queue, and its dead-lettering.
 */
import { lostMessages } from '../check/checks.ts';
import { keyText } from '../history/keys.ts';
import { T } from '../history/kinds.ts';
import { ACKED, CAUSED_BY_MESSAGE, FAILED, causationOf, flagsOf, keyOf, partitionOf, producedAtOf, typeOf } from '../history/messages.ts';
import { oldestHeld } from '../history/trace.ts';
import type { MessageLife } from '../live/types.ts';
import { placeName, subscriptionName } from '../messaging/state.ts';
import type { World } from '../world.ts';
import { QT, REASONS } from './trace.ts';
import type { DeathReason } from './types.ts';

/** An exchange or a queue a message went through: its name and the topology node drawn for it ('' none). */
export interface AmqpPlace {
  name: string;
  node: string;
}

/** What a message's life on RabbitMQ adds to the kernel's stages. */
export interface AmqpLife {
  /** The exchange that routed it into its queue ('' name: the default exchange); for a dead-lettered copy, the DLX. */
  exchange: AmqpPlace | null;
  /** The queue that holds (or held) it; null when its exchange routed it nowhere. */
  queue: AmqpPlace | null;
  /** A copy of another queue's message from the same publish (a fanout, several matching bindings): that message. */
  copyOf?: number;
  /** It came here dead-lettered: the queue it died in, and why. */
  deadFrom?: { queue: AmqpPlace; reason: DeathReason };
  /** Each return to its queue (a nack or reject with requeue, or its consumer's channel closing), by whom. */
  requeuedAt: { at: number; consumer: string }[];
  /** It left its queue dead: why, and its id where the dead-letter exchange routed it (0: dropped, nowhere to go). */
  deadLetteredAt?: { at: number; reason: DeathReason; as: number };
  /** Its exchange could not route it: returned to the publisher (mandatory) or dropped. */
  unroutableAt?: { at: number; returned: boolean };
  /** A full queue refused it (x-overflow reject-publish). */
  refusedAt?: number;
}

declare module '../live/types.ts' {
  interface MessageLife {
    /** RabbitMQ messages only (engine/amqp/lives.ts). */
    amqp?: AmqpLife;
  }
}

interface Seen {
  sentAt?: number;
  producer?: string;
  exchange?: number;
  confirmedAt?: number;
  death?: { at: number; place: number; reason: DeathReason; as: number };
}

/**
 * The message `id` copies from the same publish, or 0: a message routed to several queues is one message per queue,
 * the first queue's the publish itself, the others copies whose causation names it (without CAUSED_BY_MESSAGE).
 */
export function amqpCopyOf(w: World, id: number): number {
  const copies = w.parts.amqp.copies;
  if (copies.size === 0 || (flagsOf(w.messages, id) & CAUSED_BY_MESSAGE) !== 0) return 0;
  const original = causationOf(w.messages, id);
  return copies.get(original)?.includes(id) ? original : 0;
}

/** The request that started a message's chain, through copies as through the messages that caused it. */
function correlationThrough(w: World, id: number): number {
  const m = w.messages;
  let cur = id;
  for (let hops = 0; hops < 1000; hops++) {
    const next = (flagsOf(m, cur) & CAUSED_BY_MESSAGE) !== 0 ? causationOf(m, cur) : amqpCopyOf(w, cur);
    if (next <= 0) break;
    cur = next;
  }
  return (flagsOf(m, cur) & CAUSED_BY_MESSAGE) !== 0 ? 0 : causationOf(m, cur);
}

export function amqpLives(w: World, ids: readonly number[]): MessageLife[] {
  const m = w.messages;
  const a = w.parts.amqp;
  const lost = new Set(lostMessages(w).examples.map((x) => x.message));
  const host = (h: number) => (h >= 0 ? (w.net.names[h] ?? '') : '');
  const queueAt = new Map(a.queues.map((q) => [q.place, q]));
  const queuePlace = (place: number): AmqpPlace | null => {
    const q = queueAt.get(place);
    return q ? { name: q.name, node: q.node } : null;
  };
  const exchangePlace = (x: number): AmqpPlace | null => (a.exchanges[x] ? { name: a.exchanges[x].name, node: a.exchanges[x].node } : null);

  const lives = new Map<number, MessageLife>();
  // Copies (another queue's, or dead-lettered) have no publish of their own: the message they come from tells it.
  const seen = new Map<number, Seen>();
  for (const id of ids) {
    const flags = flagsOf(m, id);
    const place = partitionOf(m, id);
    // A copy is caused by the message it copies (its causation names it, as a message).
    const copied = amqpCopyOf(w, id) > 0;
    lives.set(id, {
      id, key: keyText(w.keys, keyOf(m, id)), type: m.types[typeOf(m, id)] ?? '', partition: placeName(w.msg, place), offset: null,
      correlation: correlationThrough(w, id), causation: causationOf(m, id), causedByMessage: copied || (flags & CAUSED_BY_MESSAGE) !== 0, producedAt: producedAtOf(m, id),
      replicatedAt: [], deliveredAt: [], processedAt: [], committedAt: [], lost: lost.has(id) && (flags & ACKED) !== 0, failed: (flags & FAILED) !== 0, traceIncomplete: false,
      amqp: { exchange: null, queue: queuePlace(place), requeuedAt: [] },
    });
    seen.set(id, {});
    if ((copied || (flags & CAUSED_BY_MESSAGE) !== 0) && !seen.has(causationOf(m, id))) seen.set(causationOf(m, id), {});
  }
  const t = w.trace;
  const from = oldestHeld(t);
  for (const life of lives.values()) if (life.producedAt < (t.written > from ? t.time[from % t.capacity]! : 0)) life.traceIncomplete = true;
  for (let s = from; s < t.written; s++) {
    const i = s % t.capacity;
    const id = t.a[i]!;
    const mine = seen.get(id);
    if (!mine) continue;
    const kind = t.kind[i]!;
    const at = t.time[i]!;
    if (kind === QT.amqpPublish) {
      mine.sentAt = at;
      mine.producer = host(t.node[i]!);
      mine.exchange = t.b[i]!;
    } else if (kind === QT.confirm && t.b[i] === 0) mine.confirmedAt = at;
    else if (kind === QT.deadLetter) mine.death = { at, place: t.part[i]!, reason: REASONS[t.b[i]!] ?? 'rejected', as: t.c[i]! };
    const life = lives.get(id);
    if (!life) continue;
    const q = life.amqp!;
    const node = host(t.node[i]!);
    const place = placeName(w.msg, t.part[i]!);
    if (kind === QT.enqueue) {
      life.appendedAt ??= at;
      life.leader = place;
    } else if (kind === QT.amqpDeliver) life.deliveredAt.push({ group: place, at, node });
    else if (kind === QT.amqpAck) life.committedAt.push({ group: place, at, node });
    else if (kind === T.process) life.processedAt.push({ group: subscriptionName(w.msg, t.c[i]!), at, node });
    else if (kind === QT.requeue) q.requeuedAt.push({ at, consumer: a.consumers[t.b[i]!]?.name ?? '' });
    else if (kind === QT.deadLetter) q.deadLetteredAt = { at, reason: REASONS[t.b[i]!] ?? 'rejected', as: t.c[i]! };
    else if (kind === QT.unroutable) q.unroutableAt = { at, returned: t.b[i] === 1 };
    else if (kind === QT.amqpDrop) {
      if (t.b[i] === 1) life.droppedAt = { broker: node, at, offset: -1 };
      else q.refusedAt = at;
    }
  }
  for (const life of lives.values()) {
    const q = life.amqp!;
    const own = seen.get(life.id)!;
    const cause = life.causedByMessage ? seen.get(life.causation) : undefined;
    if (cause && amqpCopyOf(w, life.id) === life.causation) {
      // The same publish as its original: published, routed and confirmed with it.
      q.copyOf = life.causation;
      Object.assign(own, { sentAt: cause.sentAt, producer: cause.producer, exchange: cause.exchange, confirmedAt: cause.confirmedAt });
    } else if (cause?.death && cause.death.at === life.producedAt && own.sentAt === undefined) {
      // Dead-lettered here: republished by the queue it died in, through its dead-letter exchange, at that instant.
      const died = queueAt.get(cause.death.place);
      const dlx = died ? a.exchanges.findIndex((x) => x.cluster === died.cluster && x.name === died.config.dlx) : -1;
      q.deadFrom = { queue: queuePlace(cause.death.place) ?? { name: placeName(w.msg, cause.death.place), node: '' }, reason: cause.death.reason };
      q.exchange = exchangePlace(dlx);
      life.appendedAt ??= life.producedAt;
      life.leader ??= life.partition;
    }
    if (own.sentAt !== undefined) {
      life.sentAt = own.sentAt;
      life.producer = own.producer;
      q.exchange = exchangePlace(own.exchange!);
    }
    if (own.confirmedAt !== undefined) life.acknowledgedAt = own.confirmedAt;
    // Routed nowhere: it sits at its exchange, in no queue.
    if (q.unroutableAt) q.queue = null;
  }
  return ids.flatMap((id) => lives.get(id) ?? []);
}

/**
 * Message lives on RabbitMQ, from the trace: one pass over the ring serves every message asked for. A message's
 * stages are its own entries (published, taken by a queue, confirmed, delivered, acked, requeued, dead-lettered,
 * dropped), and the applications' processing of it.
 */
import { lostMessages } from '../check/checks.ts';
import { keyText } from '../history/keys.ts';
import { T } from '../history/kinds.ts';
import { ACKED, CAUSED_BY_MESSAGE, FAILED, causationOf, correlationOf, flagsOf, keyOf, partitionOf, producedAtOf, typeOf } from '../history/messages.ts';
import { oldestHeld } from '../history/trace.ts';
import type { MessageLife } from '../live/types.ts';
import { placeName, subscriptionName } from '../messaging/state.ts';
import type { World } from '../world.ts';
import { QT } from './trace.ts';

export function amqpLives(w: World, ids: readonly number[]): MessageLife[] {
  const m = w.messages;
  const lost = new Set(lostMessages(w).examples.map((x) => x.message));
  const host = (h: number) => (h >= 0 ? (w.net.names[h] ?? '') : '');
  const lives = new Map<number, MessageLife>();
  for (const id of ids) {
    const flags = flagsOf(m, id);
    lives.set(id, {
      id, key: keyText(w.keys, keyOf(m, id)), type: m.types[typeOf(m, id)] ?? '', partition: placeName(w.msg, partitionOf(m, id)), offset: null,
      correlation: correlationOf(m, id), causation: causationOf(m, id), causedByMessage: (flags & CAUSED_BY_MESSAGE) !== 0, producedAt: producedAtOf(m, id),
      replicatedAt: [], deliveredAt: [], processedAt: [], committedAt: [], lost: lost.has(id) && (flags & ACKED) !== 0, failed: (flags & FAILED) !== 0, traceIncomplete: false,
    });
  }
  const t = w.trace;
  const from = oldestHeld(t);
  for (const life of lives.values()) if (life.producedAt < (t.written > from ? t.time[from % t.capacity]! : 0)) life.traceIncomplete = true;
  for (let s = from; s < t.written; s++) {
    const i = s % t.capacity;
    const life = lives.get(t.a[i]!);
    if (!life) continue;
    const kind = t.kind[i]!;
    const at = t.time[i]!;
    const node = host(t.node[i]!);
    const place = placeName(w.msg, t.part[i]!);
    if (kind === QT.amqpPublish) {
      life.sentAt = at;
      life.producer = node;
    } else if (kind === QT.enqueue) {
      life.appendedAt ??= at;
      life.leader = place;
    } else if (kind === QT.confirm && t.b[i] === 0) life.acknowledgedAt = at;
    else if (kind === QT.amqpDeliver) life.deliveredAt.push({ group: place, at, node });
    else if (kind === QT.amqpAck) life.committedAt.push({ group: place, at, node });
    else if (kind === T.process) life.processedAt.push({ group: subscriptionName(w.msg, t.c[i]!), at, node });
    else if (kind === QT.amqpDrop && t.b[i] === 1) life.droppedAt = { broker: node, at, offset: -1 };
  }
  return ids.flatMap((id) => lives.get(id) ?? []);
}

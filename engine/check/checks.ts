/**
 * The history checkers. Duplicates and reorderings are found as records are processed (O(1) each); lost messages
 * are found on demand by marking what the logs still hold. Each finding carries the message ids, partitions,
 * offsets and times that prove it.
 */
import { ACKED, CAUSED_BY_MESSAGE, EXPIRED, causationOf, flagsOf, keyOf, partitionOf, producedAtOf } from '../history/messages.ts';
import { APPLICATION, BROKERS, FAMILIES } from '../components.ts';
import { subscriptionName } from '../messaging/state.ts';
import type { World } from '../world.ts';
import { markSeen, seenHas, type Example, type Window } from './state.ts';

/**
 * Records that group `g` processed message `id`; returns false when it had already (a duplicate). With an inbox
 * (`idempotent`), a repeat is counted as skipped, not as a duplicate side effect.
 */
export function processedByGroup(w: World, g: number, id: number, partition: number, offset: number, at: number, idempotent: boolean): boolean {
  const gc = w.checks.groups[g]!;
  if (seenHas(gc, id)) {
    if (idempotent) gc.skipped++;
    else {
      gc.duplicates++;
      if (gc.duplicateExamples.length < w.checks.examplesLimit) gc.duplicateExamples.push({ message: id, partition, offset, at });
    }
    return false;
  }
  markSeen(gc, id);
  const key = keyOf(w.messages, id);
  if (key !== 0) {
    if (key >= gc.lastByKey.length) {
      const grown = new Uint32Array(Math.max(key + 1, gc.lastByKey.length * 2));
      grown.set(gc.lastByKey);
      gc.lastByKey = grown;
    }
    const last = gc.lastByKey[key]!;
    // A copy on a retry topic takes its original's place in the key's sequence (it was sent when the original was).
    const original = w.checks.retryOf.get(id);
    const order = original ?? id;
    if (order < last) {
      // A message of this key processed after one sent later than it: per-key order broken (semantics C19, K12).
      gc.reordered++;
      if (gc.reorderExamples.length < w.checks.examplesLimit) {
        gc.reorderExamples.push(original === undefined ? { message: id, partition, offset, at, other: last } : { message: id, partition, offset, at, other: last, retryOf: original });
      }
    } else gc.lastByKey[key] = order;
  }
  return true;
}

/**
 * Records that group `g` set message `id` aside on purpose (a consumer's inbox recognised it as a repeat of an event
 * it applied): handled, so its position moving past it is no consumer-side loss, and not counted as processed.
 */
export function handledByGroup(w: World, g: number, id: number): void {
  markSeen(w.checks.groups[g]!, id);
}

export interface LostMessage {
  message: number;
  partition: number;
  producedAt: number;
}

/**
 * Messages a producer was told were written (acknowledged) that no log holds any more, and that retention or
 * compaction did not remove on purpose: they can never be delivered.
 */
export function lostMessages(w: World, limit = Infinity): { count: number; examples: LostMessage[] } {
  const m = w.messages;
  const present = new Uint8Array(m.count);
  // Every family says what it holds durably: a broker's logs and queues, a database's rows.
  for (const f of FAMILIES) f.holds?.(w, (id) => (present[id] = 1));
  let count = 0;
  const examples: LostMessage[] = [];
  for (let id = 1; id < m.count; id++) {
    const f = flagsOf(m, id);
    if ((f & ACKED) === 0 || (f & EXPIRED) !== 0 || present[id] === 1) continue;
    count++;
    if (examples.length < limit) examples.push({ message: id, partition: partitionOf(m, id), producedAt: producedAtOf(m, id) });
  }
  return { count, examples };
}

export interface MissedFinding {
  message: number;
  /** The consumer group (subscription) that will never process it. */
  group: string;
  partition: number;
  /** Its offset, -1 when retention deleted it. */
  offset: number;
  why: 'passed' | 'deleted' | 'added' | 'reset';
  producedAt: number;
}

/**
 * Messages a subscribed group will never process though no broker lost them: consumer-side loss (its position moved
 * past them unprocessed, or retention deleted them unread). A message the group's service dead-lettered was handled.
 */
export function missedMessages(w: World, limit = Infinity): { count: number; examples: MissedFinding[] } {
  const m = w.messages;
  const dlqs = new Set(APPLICATION.services(w).map((s) => s.dlq).filter((d) => d >= 0));
  let deadLettered: Uint8Array | null = null;
  if (dlqs.size > 0) {
    deadLettered = new Uint8Array(m.count);
    for (let id = 1; id < m.count; id++) {
      if ((flagsOf(m, id) & CAUSED_BY_MESSAGE) !== 0 && dlqs.has(w.msg.places[partitionOf(m, id)]?.destination ?? -1)) deadLettered[causationOf(m, id)] = 1;
    }
  }
  const handled = (sub: number, id: number) => {
    const gc = w.checks.groups[sub];
    return (gc !== undefined && seenHas(gc, id)) || deadLettered?.[id] === 1;
  };
  let count = 0;
  const examples: MissedFinding[] = [];
  for (const b of BROKERS) {
    b.missed?.(w, handled, (x) => {
      count++;
      if (examples.length < limit) {
        examples.push({ message: x.message, group: subscriptionName(w.msg, x.subscription), partition: x.place, offset: x.offset, why: x.why, producedAt: producedAtOf(m, x.message) });
      }
    });
  }
  return { count, examples };
}

export interface CheckReport {
  lost: { count: number; examples: LostMessage[] };
  /** Consumer-side loss: kept by the brokers, never to be processed by a group that reads them. */
  missed: { count: number; examples: MissedFinding[] };
  duplicated: { count: number; examples: (Example & { group: string })[] };
  reordered: { count: number; examples: (Example & { group: string })[] };
  skippedDuplicates: number;
  unavailable: Window[];
}

/** Every checker's verdict at this moment, with counterexamples. */
export function checkHistory(w: World, examples = 20): CheckReport {
  const dupEx: (Example & { group: string })[] = [];
  const reoEx: (Example & { group: string })[] = [];
  let dup = 0, reo = 0, skipped = 0;
  w.checks.groups.forEach((gc, i) => {
    const group = subscriptionName(w.msg, i);
    dup += gc.duplicates;
    reo += gc.reordered;
    skipped += gc.skipped;
    for (const e of gc.duplicateExamples) if (dupEx.length < examples) dupEx.push({ ...e, group });
    for (const e of gc.reorderExamples) if (reoEx.length < examples) reoEx.push({ ...e, group });
  });
  const open: Window[] = [];
  for (const b of BROKERS) open.push(...b.openWindows(w));
  return {
    lost: lostMessages(w, examples),
    missed: missedMessages(w, examples),
    duplicated: { count: dup, examples: dupEx },
    reordered: { count: reo, examples: reoEx },
    skippedDuplicates: skipped,
    unavailable: [...w.checks.unavailable, ...open].sort((a, b) => a.from - b.from),
  };
}

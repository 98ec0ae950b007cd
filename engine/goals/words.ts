/**
 * Writing findings the way a learner reads them: `1,204 checkouts`, `10.4 s`, `#88 (customer-7, orders-topic-3
 * offset 120)`. Explanations are built from these so every goal speaks the same way.
 */
import { keyText } from '../history/keys.ts';
import { keyOf } from '../history/messages.ts';
import { placeName } from '../messaging/state.ts';
import type { World } from '../world.ts';
import type { MessageRef } from './types.ts';

/**
 * A whole number with thousands separators, independent of the locale.
 * @example count(1204) // '1,204'
 */
export function count(n: number): string {
  const s = String(Math.round(Math.abs(n)));
  return (n < 0 ? '-' : '') + s.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * `n` and a noun, plural when n is not 1.
 * @example plural(3, 'event') // '3 events'
 */
export function plural(n: number, noun: string, nouns = `${noun}s`): string {
  return `${count(n)} ${n === 1 ? noun : nouns}`;
}

/** Simulated microseconds as seconds with one decimal: `10.4 s`. */
export function seconds(us: number): string {
  return `${(Math.round(us / 100_000) / 10).toFixed(1)} s`;
}

/** Seconds as a time of the run: `40 s`, `2.5 s`. */
export function at(s: number): string {
  return `${Number.isInteger(s) ? s : s.toFixed(1)} s`;
}

/** A share as a percentage with one decimal: `95.5%`. */
export function percent(fraction: number): string {
  return `${(Math.floor(fraction * 1000) / 10).toFixed(1)}%`;
}

/** Joins names as prose: `A`, `A and B`, `A, B and C`. */
export function list(items: string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** `orders-topic-3`: a global partition id as Kafka prints it. */
export function partitionName(w: World, pid: number): string {
  return placeName(w.msg, pid) || `partition ${pid}`;
}

/** A message as the event log names it, with where it sat and when. */
export function messageRef(w: World, id: number, partition?: number, offset?: number, atUs?: number): MessageRef {
  const ref: MessageRef = { id, key: keyText(w.keys, keyOf(w.messages, id)) };
  if (partition !== undefined && partition >= 0) ref.partition = partitionName(w, partition);
  if (offset !== undefined && offset >= 0) ref.offset = offset;
  if (atUs !== undefined) ref.atS = Math.round(atUs / 1000) / 1000;
  return ref;
}

/**
 * A message in words.
 * @example describe({ id: 88, key: 'customer-7', partition: 'orders-topic-3', offset: 120 }) // '#88 (customer-7, orders-topic-3 offset 120)'
 */
export function describe(m: MessageRef): string {
  const parts = [m.key ?? 'no key'];
  if (m.partition) parts.push(m.offset !== undefined ? `${m.partition} offset ${count(m.offset)}` : m.partition);
  return `#${m.id} (${parts.join(', ')})`;
}

/** The text with its first letter capitalised, to start a sentence. */
export function sentence(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * Behavioural checks about events arriving: none lost by the brokers, every one processed by the services that read
 * it, and every one processed again after an offset reset (a replay).
 */
import { lostMessages } from '../check/checks.ts';
import { seenBits } from '../check/state.ts';
import { ACKED, CAUSED_BY_MESSAGE, EXPIRED, causationOf, flagsOf, partitionOf, producedAtOf } from '../history/messages.ts';
import type { ServiceView as Service } from '../messaging/port.ts';
import { destinationNamed } from '../messaging/queries.ts';
import type { World } from '../world.ts';
import type { BehaviouralCheck, MessageRef } from './types.ts';
import { consumingServices, no, offsetOf, refusedFaults, seenBy, yes, type RunView, type Verdict } from './view.ts';
import { at, count, describe, list, messageRef, plural, seconds, sentence } from './words.ts';

/** No acknowledged event is missing from every replica. */
export function noLoss(v: RunView): Verdict {
  const { w } = v;
  const lost = lostMessages(w, 5);
  if (lost.count === 0) return yes(`All ${plural(w.metrics.acknowledged, 'acknowledged event')} are still in the log: none was lost.`);
  const refs = lost.examples.map((e) => messageRef(w, e.message, e.partition, undefined, e.producedAt));
  const first = lost.examples[0]!;
  const times = lost.examples.map((e) => e.producedAt);
  return no(
    `${plural(lost.count, 'acknowledged event')} ${lost.count === 1 ? 'is' : 'are'} gone from every replica: the first, ${describe(refs[0]!)}, ` +
      `was sent at ${seconds(first.producedAt)} and acknowledged to its producer, and no broker holds it now.`,
    { messages: refs, window: { fromS: Math.min(...times) / 1e6, toS: Math.max(...times) / 1e6 } },
  );
}

/** The service's dead-letter topic id, -1 when it has none. */
function dlqOf(_w: World, svc: Service): number {
  return svc.dlq;
}

function dlqName(w: World, svc: Service): string {
  return w.msg.destinations[dlqOf(w, svc)]?.name ?? '';
}

/** Messages on the service's dead-letter topic name the originals they stand for. */
function deadLettered(w: World, svc: Service): Set<number> {
  const out = new Set<number>();
  const dlq = dlqOf(w, svc);
  if (dlq < 0) return out;
  const m = w.messages;
  for (let id = 1; id < m.count; id++) {
    const f = flagsOf(m, id);
    if ((f & CAUSED_BY_MESSAGE) !== 0 && (f & ACKED) !== 0 && w.msg.places[partitionOf(m, id)]!.destination === dlq) out.add(causationOf(m, id));
  }
  return out;
}

/**
 * Events with a dead-lettered copy on the destination named `name` (put there by the broker, say a queue's
 * dead-letter exchange, or by the service giving up on them): the copy names the original as its cause.
 */
function deadLetteredTo(w: World, name: string): Set<number> {
  const out = new Set<number>();
  const d = destinationNamed(w, name);
  if (d < 0) return out;
  const places = new Set(w.msg.destinations[d]!.places);
  const m = w.messages;
  for (let id = 1; id < m.count; id++) {
    if ((flagsOf(m, id) & CAUSED_BY_MESSAGE) !== 0 && places.has(partitionOf(m, id))) out.add(causationOf(m, id));
  }
  return out;
}

/** `sent to orders between 5 s and 40 s`: the events a delivery check counts. */
function sentWhen(c: Extract<BehaviouralCheck, { kind: 'delivered' }>, topics: string[]): string {
  const when = c.sentFromS ? `between ${at(c.sentFromS)} and ${at(c.sentBeforeS)}` : `before ${at(c.sentBeforeS)}`;
  return `sent to ${list(topics)} ${when}`;
}

/** Every acknowledged event sent in a window has been processed (or dead-lettered) by each reading service. */
export function delivered(c: Extract<BehaviouralCheck, { kind: 'delivered' }>, v: RunView): Verdict {
  const services = consumingServices(v, c.to, c.topic);
  if (typeof services === 'string') return no(services);
  const { w } = v;
  const from = (c.sentFromS ?? 0) * 1e6;
  const before = c.sentBeforeS * 1e6;
  const failures: string[] = [];
  const passes: string[] = [];
  const missingRefs: MessageRef[] = [];
  for (const svc of services) {
    const g = svc.group;
    const topics = c.topic ? [destinationNamed(w, c.topic)] : w.msg.subscriptions[g]!.destinations;
    const dlq = c.orDeadLettered ? deadLettered(w, svc) : new Set<number>();
    if (c.deadLetters !== undefined) for (const id of deadLetteredTo(w, c.deadLetters)) dlq.add(id);
    let total = 0, dead = 0, missing = 0, expired = 0;
    const firstMissing: number[] = [];
    for (let id = 1; id < w.messages.count; id++) {
      const t = producedAtOf(w.messages, id);
      if ((flagsOf(w.messages, id) & ACKED) === 0 || t < from || t >= before) continue;
      if (!topics.includes(w.msg.places[partitionOf(w.messages, id)]!.destination)) continue;
      total++;
      if (seenBy(w, g, id)) continue;
      if (dlq.has(id)) dead++;
      else {
        if ((flagsOf(w.messages, id) & EXPIRED) !== 0) expired++;
        if (missing++ < 5) firstMissing.push(id);
      }
    }
    const what = sentWhen(c, topics.map((ti) => w.msg.destinations[ti]!.name));
    if (total === 0) {
      failures.push(`No event was ${what}, so ${svc.node} had nothing to process`);
      continue;
    }
    if (missing > 0) {
      const refs = firstMissing.map((id) => {
        const pid = partitionOf(w.messages, id);
        return messageRef(w, id, pid, offsetOf(w, pid, id), producedAtOf(w.messages, id));
      });
      missingRefs.push(...refs);
      const head = c.deadLetters === undefined ? `${svc.node} has not processed ${count(missing)} of the ${plural(total, 'event')} ${what}` :
        `${count(missing)} of the ${plural(total, 'event')} ${what} ${missing === 1 ? 'was' : 'were'} neither processed by ${svc.node} nor kept in ${c.deadLetters}`;
      const gone = expired === 0 ? '' : `; ${expired === missing ? (missing === 1 ? 'it' : 'all of them') : count(expired)} expired before anyone processed ${expired === 1 ? 'it' : 'them'}`;
      const none = c.deadLetters !== undefined && destinationNamed(w, c.deadLetters) < 0 ? `; there is no queue or topic ${c.deadLetters} to keep them` : '';
      failures.push(`${head}: the first is ${describe(refs[0]!)}, sent at ${seconds(producedAtOf(w.messages, firstMissing[0]!))}${gone}${none}`);
      continue;
    }
    const where = c.deadLetters !== undefined && !(c.orDeadLettered && dlqOf(w, svc) >= 0) ? `in ${c.deadLetters}` : `on its dead-letter topic ${dlqName(w, svc)}`;
    const handled = dead === 0 ? `processed all ${plural(total, 'event')} ${what}` :
      `processed ${count(total - dead)} of the ${plural(total, 'event')} ${what} and kept the other ${count(dead)} ${where}`;
    passes.push(`${svc.node} ${handled}.${extras(w, svc)}`);
  }
  if (failures.length > 0) {
    const notes = refusedFaults(v);
    return no(`${[...failures, ...notes].join('; ')} (checked at ${at(c.byS)}).`, { messages: missingRefs, nodes: services.map((s) => s.node) });
  }
  return yes(`By ${at(c.byS)}, ${passes.join(' ')}`);
}

/** What else happened on the way, as a sentence: redeliveries, an inbox at work. */
function extras(w: World, svc: Service): string {
  const gc = w.checks.groups[svc.group]!;
  const out: string[] = [];
  if (gc.duplicates > 0) out.push(`it processed ${plural(gc.duplicates, 'event')} a second time, redelivered after a crash: at-least-once delivery`);
  if (gc.skipped > 0) out.push(`its inbox skipped ${plural(gc.skipped, 'redelivery', 'redeliveries')}`);
  return out.length === 0 ? '' : ` ${sentence(list(out))}.`;
}

/** Events processed so far (distinct), which ones, and repeats so far, per group. */
export interface ReplayMark {
  processed: number;
  repeats: number;
  /** The group's processed-message bits at the mark (a copy). */
  seen: Uint8Array;
}

const BITS = Uint8Array.from({ length: 256 }, (_, i) => {
  let n = 0;
  for (let x = i; x; x >>= 1) n += x & 1;
  return n;
});

/** Reads, before the reset, how much each service had processed. */
export function markReplay(v: RunView, services: Service[]): Map<number, ReplayMark> {
  const out = new Map<number, ReplayMark>();
  for (const s of services) {
    const gc = v.w.checks.groups[s.group]!;
    let processed = 0;
    const seen = seenBits(gc);
    for (let i = 0; i < seen.length; i++) processed += BITS[seen[i]!]!;
    out.set(s.group, { processed, repeats: gc.duplicates + gc.skipped, seen });
  }
  return out;
}

/**
 * After the reset, each service processed again at least as many events as it had processed before it; with
 * `replayers` (the services `c.by` names), each of them did: counted as repeats in the same group, or event by event
 * in a group of its own.
 */
export function replayed(c: Extract<BehaviouralCheck, { kind: 'replayed' }>, v: RunView, services: Service[], marks: Map<number, ReplayMark>, replayers?: Service[]): Verdict {
  const failures: string[] = [];
  const passes: string[] = [];
  const messages: MessageRef[] = [];
  for (const s of services) {
    const mark = marks.get(s.group)!;
    if (mark.processed === 0) {
      failures.push(`${s.node} had processed no event by ${at(c.afterS)}, so there was nothing to replay`);
      continue;
    }
    for (const r of replayers ?? [s]) {
      const who = r === s ? 'it' : r.node;
      if (r.group === s.group) {
        const gc = v.w.checks.groups[s.group]!;
        const again = gc.duplicates + gc.skipped - mark.repeats;
        const done = `by ${at(c.afterS)} ${s.node} had processed ${plural(mark.processed, 'event')}`;
        const queue = v.w.msg.subscriptions[s.group]!.family === 'amqp';
        if (again < mark.processed && queue && r !== s) failures.push(`${done}, but after that the queue it read, which ${r.node} reads too, handed out only ${count(again)} again: a queue deletes a message once it is acknowledged`);
        else if (again < mark.processed) failures.push(`${done}, but after that ${r === s ? 'it' : `its group, which ${r.node} joined,`} processed only ${count(again)} again`);
        else passes.push(`${done}, and after the reset ${who} processed ${count(again)} again: the log still held them all`);
        continue;
      }
      let missing = 0;
      let first = -1;
      for (let id = 1; id < v.w.messages.count; id++) {
        const byte = id >>> 3;
        const had = byte < mark.seen.length && (mark.seen[byte]! & (1 << (id & 7))) !== 0;
        if (!had || seenBy(v.w, r.group, id)) continue;
        if (missing++ === 0) first = id;
      }
      const what = `${plural(mark.processed, 'event')} ${s.node} had processed by ${at(c.afterS)}`;
      if (missing === 0) {
        passes.push(`${r.node}, in a group of its own, processed all ${what}: the log still held them all`);
        continue;
      }
      const pid = partitionOf(v.w.messages, first);
      const ref = messageRef(v.w, first, pid, offsetOf(v.w, pid, first), producedAtOf(v.w.messages, first));
      messages.push(ref);
      const gone = v.w.msg.places[pid]!.family === 'amqp' ? `; it was on a queue, which deleted it once ${s.node} acknowledged it` : '';
      failures.push(`${r.node} has not processed ${count(missing)} of the ${what}: the first is ${describe(ref)}${gone}`);
    }
  }
  const nodes = [...services, ...(replayers ?? [])].map((s) => s.node);
  if (failures.length > 0) return no(`${sentence([...failures, ...refusedFaults(v)].join('; '))}.`, { nodes, ...(messages.length > 0 ? { messages } : {}) });
  return yes(`${sentence(passes.join('; '))}.`);
}

/**
 * What an application does with a delivery's messages: process them one after another (each taking a draw from the
 * `processing` distribution), fail some (`failure`, or a poison message), retry or dead-letter failures, then settle
 * the delivery with its broker (which commits, or polls again, as its settings say). The work is one event: each
 * message's completion time is computed up front, and a crash part-way through applies exactly the messages
 * finished before it.
 */
import { handledByGroup, processedByGroup } from '../check/checks.ts';
import { POISON_FAILED, PROCESS_FAILED, SERVICE_UNAVAILABLE } from '../history/errors.ts';
import { keyText } from '../history/keys.ts';
import { T } from '../history/kinds.ts';
import { keyOf, producedAtOf, typeOf } from '../history/messages.ts';
import { record } from '../history/trace.ts';
import { giveUp, retryLater, settle } from '../messaging/dispatch.ts';
import type { Delivery } from '../messaging/port.ts';
import { recordValue } from '../metrics/histogram.ts';
import { sample } from '../sim/distribution.ts';
import { at, on } from '../sim/loop.ts';
import { chance } from '../sim/random.ts';
import type { World } from '../world.ts';
import { AE } from './events.ts';
import { crashAtWorstMoment } from './instances.ts';
import { applyEffect, EFFECT_FAILED, EFFECT_SKIPPED, hasEffects } from '../outbox/inbox.ts';
import { deadLetter, react, toRetryTopic } from './reactions.ts';
import { handOff } from './pool.ts';
import type { Reader, Service } from './types.ts';

const FAILED = 1;
const POISONED = 2;
/** Its effect could not be written: the consumer's database is down or cut off (engine/outbox/inbox.ts). */
const NO_DATABASE = 3;
/** Pause before a failing message is tried again, so a poison message costs time but not every event. */
const RETRY_BACKOFF_US = 100_000;
/**
 * A long delivery is applied in steps at least this often, so each message's side effects happen at its own
 * completion time (to within this step): what another member does meanwhile, or a crash, sees the right state.
 */
const PROGRESS_US = 100_000;

/** Starts processing a delivery: draws each message's duration and outcome, schedules the end. */
export function startProcessing(w: World, r: Reader, d: Delivery, rng: Uint32Array): void {
  r.rng = rng;
  if (r.crashTrigger === 'before-processing') {
    // Its offsets may already be committed (commit=before): these messages will never be processed (C10).
    crashAtWorstMoment(w, r);
    return;
  }
  const a = w.parts.apps;
  const svc = a.services[r.service]!;
  if (svc.handling.threads > 1) {
    handOff(w, r, d, rng);
    return;
  }
  if (r.doneAt.length < d.count) {
    r.doneAt = new Float64Array(d.ids.length);
    r.outcome = new Uint8Array(d.ids.length);
  }
  let t = w.now;
  const proc = svc.handling.processing;
  const slow = svc.faults.slowUs + a.instances[svc.instances[r.instance]!]!.slowUs;
  const fixed = proc.type === 'constant' ? proc.us + slow : -1;
  for (let i = 0; i < d.count; i++) {
    t += fixed >= 0 ? fixed : sample(proc, rng) + slow;
    r.doneAt[i] = t;
    r.outcome[i] = outcomeOf(w, svc, d.ids[i]!, rng);
  }
  r.delivery = d;
  r.next = 0;
  r.stopped.length = 0;
  r.skippedUs = 0;
  r.endsAt = t;
  at(w, Math.min(t, w.now + PROGRESS_US), AE.processDone, r.id, d.seq);
}

/** How processing message `id` will end: 0, or the failure (a poison message, or a `failure` draw). */
export function outcomeOf(w: World, svc: Service, id: number, rng: Uint32Array): number {
  if (isPoison(w, svc, id)) return POISONED;
  return svc.handling.failure > 0 && chance(rng, svc.handling.failure) ? FAILED : 0;
}

function isPoison(w: World, svc: { faults: { poisonKeys: number[]; poisonTypes: number[] } }, id: number): boolean {
  const f = svc.faults;
  if (f.poisonKeys.length === 0 && f.poisonTypes.length === 0) return false;
  return f.poisonKeys.includes(keyOf(w.messages, id)) || f.poisonTypes.includes(typeOf(w.messages, id));
}

on<World>(AE.processDone, 'records processed', (w, rid, seq) => {
  const r = w.parts.apps.readers[rid]!;
  const d = r.delivery;
  if (!w.parts.apps.instances[w.parts.apps.services[r.service]!.instances[r.instance]!]!.alive || !d || d.seq !== seq) return;
  finish(w, r, w.now);
  if (r.next < d.count) {
    at(w, Math.min(r.endsAt - r.skippedUs, w.now + PROGRESS_US), AE.processDone, r.id, seq);
    return;
  }
  r.delivery = null;
  if (r.crashTrigger === 'after-processing') {
    // Processed, not yet committed: these messages will be processed again after the restart (C8, C11).
    crashAtWorstMoment(w, r);
    return;
  }
  settle(w, r.broker, r.subscriber);
}, { hop: true });

/**
 * Applies the messages of the reader's delivery finished by `until`. A failure stops its place: later messages of
 * that place in the same delivery are not processed, and the broker delivers from the failed one again later,
 * unless the retry budget is spent, in which case the message goes to the dead-letter destination (or is skipped)
 * and the place moves on.
 */
export function finish(w: World, r: Reader, until: number): void {
  const d = r.delivery;
  if (!d) return;
  const stopped = r.stopped;
  for (; r.next < d.count; r.next++) {
    const i = r.next;
    const p = d.places[i]!;
    if (stopped.includes(p)) {
      // Skipped, not processed: it comes again with its place's redelivery, and takes no time now (the first
      // message of a delivery is never skipped, so i > 0).
      r.skippedUs += r.doneAt[i]! - r.doneAt[i - 1]!;
      continue;
    }
    const doneAt = r.doneAt[i]! - r.skippedUs;
    if (doneAt > until) break;
    const id = d.ids[i]!;
    const off = d.offsets[i]!;
    const stage = retryStage(w, r, p);
    if (stage >= 0) {
      // A retried copy is not tried before its delay has passed: its place pauses until then (Spring Kafka's retry
      // topic consumer pauses the partition and seeks back), which holds up only that retry topic's partition.
      const due = producedAtOf(w.messages, id) + w.parts.apps.services[r.service]!.handling.retryDelaysUs[stage]!;
      if (doneAt < due) {
        stopped.push(p);
        retryLater(w, r.broker, r.subscriber, p, off, due);
        continue;
      }
    }
    if (handleMessage(w, r, id, p, off, r.outcome[i]!, doneAt)) stopped.push(p);
  }
}

/**
 * One message's processing ended at `t` with `outcome` (0, or the failure): applies it, or retries it, dead-letters
 * it or gives up on it. True when it will be retried, so the rest of its place must wait for the redelivery.
 */
export function handleMessage(w: World, r: Reader, id: number, p: number, off: number, outcome: number, t: number): boolean {
  const h = w.parts.apps.services[r.service]!.handling;
  if (outcome === 0 && hasEffects(w, r.service)) {
    // Its effect (and inbox row) in the consumer's database, or a repeat its inbox recognises.
    const effect = applyEffect(w, r.service, w.parts.apps.services[r.service]!.instances[r.instance]!, id);
    if (effect === EFFECT_FAILED) outcome = NO_DATABASE;
    else if (effect === EFFECT_SKIPPED) {
      r.attempts.delete(id);
      // Handled, though not processed: the group moving past it has missed nothing.
      handledByGroup(w, r.subscription, id);
      return false;
    }
  }
  if (outcome !== 0) {
    const tries = (r.attempts.get(id) ?? 0) + 1;
    r.attempts.set(id, tries);
    w.metrics.processFailed++;
    const code = outcome === POISONED ? POISON_FAILED : outcome === NO_DATABASE ? SERVICE_UNAVAILABLE : PROCESS_FAILED;
    record(w.trace, t, T.error, r.host, p, code, id, r.subscription);
    const stage = retryStage(w, r, p);
    if (h.retryTopics.length > 0 && stage + 1 < h.retryTopics.length) {
      // Non-blocking retry: the record moves on to the next retry topic and its place moves on at once, so later
      // records of its key are processed before it (a reorder the checker names).
      r.attempts.delete(id);
      toRetryTopic(w, r, id, p, stage + 1);
      handledByGroup(w, r.subscription, id);
      return false;
    }
    if (h.retryTopics.length === 0 && (h.retry < 0 || tries < h.retry)) {
      retryLater(w, r.broker, r.subscriber, p, off, t + RETRY_BACKOFF_US);
      return true;
    }
    r.attempts.delete(id);
    if (h.dlq >= 0) {
      deadLetter(w, r, id, p);
      w.metrics.deadLettered++;
    } else giveUp(w, r.broker, r.subscriber, p, off);
    return false;
  }
  r.attempts.delete(id);
  apply(w, r, id, p, off, t);
  return false;
}

/** Which retry topic (its index in `retry.topics`) a place belongs to, or -1 for the topics the service reads first. */
function retryStage(w: World, r: Reader, p: number): number {
  const h = w.parts.apps.services[r.service]!.handling;
  return h.retryTopics.length > 0 ? h.retryTopics.indexOf(w.msg.places[p]!.destination) : -1;
}

/** One message processed: checks, metrics, trace, and the service's reaction (events it publishes in turn). */
function apply(w: World, r: Reader, id: number, p: number, off: number, t: number): void {
  const idempotent = w.parts.apps.services[r.service]!.handling.idempotent;
  const fresh = processedByGroup(w, r.subscription, id, p, off, t, idempotent);
  if (!fresh && idempotent) {
    record(w.trace, t, T.duplicate, r.host, p, id, off, r.subscription);
    return; // the inbox already has this id: no second side effect
  }
  r.processed++;
  w.metrics.processed++;
  // A copy from a retry topic is the original event, late: its latency counts from when the original was sent.
  recordValue(w.metrics.groupLatency[r.subscription]!, t - producedAtOf(w.messages, w.checks.retryOf.get(id) ?? id));
  record(w.trace, t, T.process, r.host, p, id, off, r.subscription);
  react(w, r, id);
}

/** Describes a message for error texts: `customer-7 (OrderCreatedEvent #12)`. */
export function describe(w: World, id: number): string {
  const key = keyText(w.keys, keyOf(w.messages, id));
  return `${key ?? 'no key'} (${w.messages.types[typeOf(w.messages, id)] ?? 'event'} #${id})`;
}

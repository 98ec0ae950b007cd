/**
 * A consumer that hands its records to a pool of worker threads (`processing.threads=N`), as the KafkaConsumer
 * javadoc's "Multi-threaded Processing" describes: the poll loop queues a poll's records and polls again at once,
 * the workers process them in parallel. Auto-commit then commits the positions the poll loop has reached, records
 * still queued or in progress included, so a crash loses them: the group resumes after the committed offset and
 * never processes them (semantics C9: "the committed offset [gets] ahead of the consumed position, which results in
 * missing records"). Records of one partition processed by two workers can also finish out of order.
 */
import { POISON_FAILED, PROCESS_FAILED } from '../history/errors.ts';
import { T } from '../history/kinds.ts';
import { keyOf, typeOf } from '../history/messages.ts';
import { record } from '../history/trace.ts';
import { giveUp, settle } from '../messaging/dispatch.ts';
import type { Delivery } from '../messaging/port.ts';
import { applyEffect, EFFECT_FAILED, EFFECT_SKIPPED, hasEffects } from '../outbox/inbox.ts';
import { sample } from '../sim/distribution.ts';
import { at, on } from '../sim/loop.ts';
import { chance } from '../sim/random.ts';
import type { World } from '../world.ts';
import { handledByGroup } from '../check/checks.ts';
import { AE } from './events.ts';
import { applyProcessed } from './processing.ts';
import { deadLetter } from './reactions.ts';
import type { Pool, Reader } from './types.ts';

/** Records a pool queues per thread before the poll loop waits for it (a bounded hand-off, as real pools have). */
const QUEUE_PER_THREAD = 100;
/** Pause before a failed record is tried again. */
const RETRY_BACKOFF_US = 100_000;

export function createPool(threads: number): Pool {
  return {
    threads, ids: [], places: [], offsets: [], head: 0, working: new Int32Array(threads), workingPlace: new Int32Array(threads),
    workingOffset: new Float64Array(threads), token: new Int32Array(threads), held: false,
  };
}

const waiting = (p: Pool) => p.ids.length - p.head;

/** A poll's records join the queue; the delivery is settled at once (the poll loop moves on) unless the queue is full. */
export function poolDeliver(w: World, r: Reader, d: Delivery, rng: Uint32Array): void {
  const p = r.pool!;
  r.rng = rng;
  for (let i = 0; i < d.count; i++) {
    p.ids.push(d.ids[i]!);
    p.places.push(d.places[i]!);
    p.offsets.push(d.offsets[i]!);
  }
  for (let k = 0; k < p.threads; k++) if (p.working[k] === 0) next(w, r, k);
  if (waiting(p) > p.threads * QUEUE_PER_THREAD) p.held = true;
  else settle(w, r.broker, r.subscriber);
}

/** Worker `k` takes the next waiting record, if any. */
function next(w: World, r: Reader, k: number): void {
  const p = r.pool!;
  if (p.head >= p.ids.length) {
    p.working[k] = 0;
    if (p.head > 4096) compact(p);
    return;
  }
  const a = w.parts.apps;
  const svc = a.services[r.service]!;
  p.working[k] = p.ids[p.head]!;
  p.workingPlace[k] = p.places[p.head]!;
  p.workingOffset[k] = p.offsets[p.head]!;
  p.head++;
  p.token[k] = p.token[k]! + 1;
  const slow = svc.faults.slowUs + a.instances[svc.instances[r.instance]!]!.slowUs;
  at(w, w.now + sample(svc.handling.processing, r.rng!) + slow, AE.poolDone, r.id, k * 65536 + (p.token[k]! & 0xffff));
}

function compact(p: Pool): void {
  p.ids = p.ids.slice(p.head);
  p.places = p.places.slice(p.head);
  p.offsets = p.offsets.slice(p.head);
  p.head = 0;
}

on<World>(AE.poolDone, 'a pool worker finished its record', (w, rid, slot) => {
  const r = w.parts.apps.readers[rid]!;
  const p = r.pool;
  const k = Math.floor(slot / 65536);
  // A crash emptied the pool: this worker's record died with it.
  if (!p || p.working[k] === 0 || (p.token[k]! & 0xffff) !== slot % 65536) return;
  // A worker that backed off after a failure takes the next record.
  if (p.working[k] === -1) return void next(w, r, k);
  const svc = w.parts.apps.services[r.service]!;
  const id = p.working[k]!;
  const place = p.workingPlace[k]!;
  const off = p.workingOffset[k]!;
  let failed = 0;
  const f = svc.faults;
  if (f.poisonKeys.includes(keyOf(w.messages, id)) || f.poisonTypes.includes(typeOf(w.messages, id))) failed = POISON_FAILED;
  else if (svc.handling.failure > 0 && chance(r.rng!, svc.handling.failure)) failed = PROCESS_FAILED;
  let done = true;
  if (failed === 0 && hasEffects(w, r.service)) {
    const effect = applyEffect(w, r.service, svc.instances[r.instance]!, id);
    if (effect === EFFECT_FAILED) failed = PROCESS_FAILED;
    else if (effect === EFFECT_SKIPPED) {
      handledByGroup(w, r.subscription, id);
      done = false;
    }
  }
  if (failed !== 0) {
    const tries = (r.attempts.get(id) ?? 0) + 1;
    r.attempts.set(id, tries);
    w.metrics.processFailed++;
    record(w.trace, w.now, T.error, r.host, place, failed, id, r.subscription);
    const h = svc.handling;
    if (h.retry < 0 || tries < h.retry) {
      // Tried again by the pool, later: the partition does not wait for it (its offset may be committed already).
      p.ids.push(id);
      p.places.push(place);
      p.offsets.push(off);
      p.working[k] = -1;
      p.token[k] = p.token[k]! + 1;
      at(w, w.now + RETRY_BACKOFF_US, AE.poolDone, r.id, k * 65536 + (p.token[k]! & 0xffff));
      return;
    } else {
      r.attempts.delete(id);
      if (h.dlq >= 0) {
        deadLetter(w, r, id, place);
        w.metrics.deadLettered++;
      } else giveUp(w, r.broker, r.subscriber, place, off);
    }
  } else if (done) {
    r.attempts.delete(id);
    applyProcessed(w, r, id, place, off, w.now);
  }
  next(w, r, k);
  if (p.held && waiting(p) <= p.threads * QUEUE_PER_THREAD) {
    p.held = false;
    settle(w, r.broker, r.subscriber);
  }
});

/** A crash: what waited in the queue and what the workers held is gone. */
export function dropPool(r: Reader): void {
  const p = r.pool;
  if (!p) return;
  p.ids.length = 0;
  p.places.length = 0;
  p.offsets.length = 0;
  p.head = 0;
  p.working.fill(0);
  for (let k = 0; k < p.threads; k++) p.token[k] = p.token[k]! + 1;
  p.held = false;
}

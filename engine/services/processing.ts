/**
 * What the application does with a poll's records: process them one after another (each taking a draw from the
 * `processing` distribution), fail some (`failure`, or a poison message), retry or dead-letter failures, and
 * commit afterwards when the policy says so. The work is one event: each record's completion time is computed up
 * front, and a crash part-way through applies exactly the records finished before it.
 */
import { T } from '../history/kinds.ts';
import { KE } from './events.ts';
import { processedByGroup } from '../check/checks.ts';
import { keyText } from '../history/keys.ts';
import { keyOf, producedAtOf, typeOf } from '../history/messages.ts';
import { record } from '../history/trace.ts';
import { recordValue } from '../metrics/histogram.ts';
import { sample } from '../sim/distribution.ts';
import { at, on } from '../sim/loop.ts';
import { chance } from '../sim/random.ts';
import type { World } from '../world.ts';
import type { Consumer, Work } from './clientTypes.ts';
import { commit, poll } from './consumer.ts';
import { fetchMore } from './consumerFetch.ts';
import { hooks } from './hooks.ts';

const FAILED = 1;
const POISONED = 2;
/** Pause before a failing record is tried again, so a poison message costs time but not every event. */
const RETRY_BACKOFF_US = 100_000;
/**
 * A long poll batch is applied in steps at least this often, so each record's side effects happen at its own
 * completion time (to within this step): what another member does meanwhile, or a crash, sees the right state.
 */
const PROGRESS_US = 100_000;

/** Starts processing a poll's records: draws each one's duration and outcome, schedules the end. */
export function startWork(w: World, c: Consumer, work: Work): void {
  if (c.crashTrigger === 'before-processing') {
    // Its offsets may already be committed (commit=before): these records will never be processed (C10).
    hooks.crashWorstMoment(w, c.id);
    return;
  }
  const svc = w.parts.apps.services[c.service]!;
  let t = w.now;
  const proc = c.config.processing;
  const slow = svc.faults.slowUs + w.parts.apps.instances[svc.instances[c.instance]!]!.slowUs;
  const fixed = proc.type === 'constant' ? proc.us + slow : -1;
  for (let i = 0; i < work.count; i++) {
    t += fixed >= 0 ? fixed : sample(proc, c.rng) + slow;
    work.doneAt[i] = t;
    const id = work.ids[i]!;
    let outcome = 0;
    if (isPoison(w, svc, id)) outcome = POISONED;
    else if (c.config.failure > 0 && chance(c.rng, c.config.failure)) outcome = FAILED;
    work.outcome[i] = outcome;
  }
  c.work = work;
  work.next = 0;
  work.stopped.length = 0;
  work.endsAt = t;
  at(w, Math.min(t, w.now + PROGRESS_US), KE.processDone, c.id, work.seq);
}

function isPoison(w: World, svc: { faults: { poisonKeys: number[]; poisonTypes: number[] } }, id: number): boolean {
  const f = svc.faults;
  if (f.poisonKeys.length === 0 && f.poisonTypes.length === 0) return false;
  return f.poisonKeys.includes(keyOf(w.messages, id)) || f.poisonTypes.includes(typeOf(w.messages, id));
}

on<World>(KE.processDone, 'records processed', (w, cid, seq) => {
  const c = w.parts.kafka.consumers[cid]!;
  const work = c.work;
  if (!c.alive || !work || work.seq !== seq) return;
  finish(w, c, work, w.now);
  if (work.next < work.count) {
    at(w, Math.min(work.endsAt, w.now + PROGRESS_US), KE.processDone, c.id, seq);
    return;
  }
  c.work = null;
  if (c.crashTrigger === 'after-processing') {
    // Processed, not yet committed: these records will be processed again after the restart (C8, C11).
    hooks.crashWorstMoment(w, c.id);
    return;
  }
  // At-least-once: commit only once everything polled is processed (semantics C11).
  if (c.config.commit === 'after') commit(w, c, true);
  else poll(w, c);
  fetchMore(w, c);
}, { hop: true });

/**
 * Applies the records of `work` finished by `until`. A failure stops its partition: later records of that partition
 * in the same poll are not processed, and the position goes back to the failed record (a seek), unless the retry
 * budget is spent, in which case the record goes to the dead-letter topic (or is skipped) and the partition moves on.
 */
export function finish(w: World, c: Consumer, work: Work, until: number): void {
  const stopped = work.stopped;
  for (; work.next < work.count; work.next++) {
    const i = work.next;
    if (work.doneAt[i]! > until) break;
    const p = work.partitions[i]!;
    if (stopped.includes(p)) continue;
    const id = work.ids[i]!;
    const off = work.offsets[i]!;
    if (work.outcome[i] !== 0) {
      const tries = (c.attempts.get(id) ?? 0) + 1;
      c.attempts.set(id, tries);
      w.metrics.processFailed++;
      record(w.trace, work.doneAt[i]!, T.error, c.host, p, work.outcome[i] === POISONED ? 2001 : 2002, id, c.group);
      if (c.config.retry < 0 || tries < c.config.retry) {
        // Seek back to the failed record: it (and what follows it) comes again on a later poll.
        stopped.push(p);
        c.position.set(p, off);
        c.fetchPosition.set(p, off);
        c.buffer.delete(p);
        c.blockedUntil.set(p, work.doneAt[i]! + RETRY_BACKOFF_US);
        at(w, work.doneAt[i]! + RETRY_BACKOFF_US, KE.poll, c.id, c.life);
        continue;
      }
      c.attempts.delete(id);
      if (c.config.dlq >= 0) {
        hooks.deadLetter(w, c.id, id, p, off);
        w.metrics.deadLettered++;
      }
      continue;
    }
    c.attempts.delete(id);
    apply(w, c, id, p, off, work.doneAt[i]!);
  }
}

/** One record processed: checks, metrics, trace, and the service's reaction (events it publishes in turn). */
function apply(w: World, c: Consumer, id: number, p: number, off: number, t: number): void {
  const fresh = processedByGroup(w, c.group, id, p, off, t, c.config.idempotent);
  if (!fresh && c.config.idempotent) {
    record(w.trace, t, T.duplicate, c.host, p, id, off, c.group);
    return; // the inbox already has this id: no second side effect
  }
  c.processed++;
  w.metrics.processed++;
  recordValue(w.metrics.groupLatency[c.group]!, t - producedAtOf(w.messages, id));
  record(w.trace, t, T.process, c.host, p, id, off, c.group);
  hooks.processed(w, c.id, id);
}

/** Describes a message for error texts: `customer-7 (OrderCreatedEvent #12)`. */
export function describe(w: World, id: number): string {
  const key = keyText(w.keys, keyOf(w.messages, id));
  return `${key ?? 'no key'} (${w.messages.types[typeOf(w.messages, id)] ?? 'event'} #${id})`;
}

/**
 * A saga orchestrator (Temporal, AWS Step Functions, Axon's saga manager): it sends each step's command in order and
 * waits for its reply; a business rejection at or before the pivot makes it compensate the steps done, in reverse
 * order (Temporal, saga pattern: "execute compensation transactions in reverse order"), retrying each compensation
 * until it succeeds; a technical failure (no reply within `step.timeout.ms`, a refusal) is retried, and so is any
 * failure after the pivot (Richardson, Microservices Patterns: steps after the pivot are retriable, never
 * compensated). With `saga.state=durable` it stores a saga's progress before acting on it, so after a crash it
 * resumes every saga where it was (steps are idempotent: a repeated command changes nothing); with `memory` a crash
 * forgets them.
 */
import { record } from '../history/trace.ts';
import { after, on } from '../sim/loop.ts';
import type { World } from '../world.ts';
import { retryLocally } from './choreography.ts';
import { SE } from './events.ts';
import { COMPENSATED, COMPENSATING, COMPLETED, FAILED, FORGOTTEN, note, OK, REJECTED, RUNNING, type Flow, type Saga } from './part.ts';
import { newSaga, scheduleStart } from './start.ts';
import { sendStep } from './steps.ts';
import { ST } from './trace.ts';

/** The orchestrator's beat: within it, a restarted orchestrator resumes its sagas even when none starts. */
const TICK_US = 500_000;

const orchestrator = (w: World, f: Flow) => w.parts.apps.instances[f.instance]!;
export const ended = (s: Saga) => s.state !== RUNNING && s.state !== COMPENSATING;

export function startOrchestrator(w: World, f: Flow): void {
  scheduleStart(w, f);
  after(w, TICK_US, SE.sagaTick, f.id, 0);
}

on<World>(SE.sagaTick, 'saga orchestrator beat', (w, fi) => {
  const f = w.parts.sagas.flows[fi]!;
  current(w, f);
  after(w, TICK_US, SE.sagaTick, fi, 0);
});

/** Whether the orchestrator runs; after a restart it first resumes (or, in memory, forgets) its unfinished sagas. */
export function current(w: World, f: Flow): boolean {
  const inst = orchestrator(w, f);
  if (!inst.alive) return false;
  if (f.life === inst.life) return true;
  f.life = inst.life;
  for (const s of w.parts.sagas.sagas) {
    if (s.flow !== f.id || ended(s)) continue;
    if (f.spec.durable) {
      f.stats.resumed++;
      record(w.trace, w.now, ST.sagaResumed, inst.host, -1, s.id, s.step, s.state === COMPENSATING ? 1 : 0);
      note(s, w.now, 'resumed', s.step);
      s.attempts = 0;
      send(w, f, s);
    } else {
      s.state = FORGOTTEN;
      s.endedAt = w.now;
      s.seq++;
      f.stats.forgotten++;
      record(w.trace, w.now, ST.sagaForgotten, inst.host, -1, s.id, s.done.filter(Boolean).length, 0);
      note(s, w.now, 'forgotten', s.step);
    }
  }
  return true;
}

/** A new saga at the orchestrator; refused while it is down (its callers see an error). */
export function startOrchestrated(w: World, f: Flow): void {
  if (!current(w, f)) {
    f.stats.refused++;
    return;
  }
  const s = newSaga(w, f, orchestrator(w, f).host);
  send(w, f, s);
}

/** Sends the saga's current action: the next step's command, or the next compensation. */
function send(w: World, f: Flow, s: Saga): void {
  const host = orchestrator(w, f).host;
  const undo = s.state === COMPENSATING;
  s.seq++;
  s.attempts++;
  if (undo) f.stats.compensations++;
  record(w.trace, w.now, undo ? ST.sagaCompensate : ST.sagaCommand, host, -1, s.id, s.step, s.attempts);
  note(s, w.now, undo ? 'compensate' : 'command', s.step);
  sendStep(w, f, s.id, s.seq, s.step, undo, host, f.life);
  after(w, f.spec.timeoutUs, SE.sagaTimeout, s.id, s.seq);
}

/** Whether an answer about `seq` still matters: the saga waits for it, and the orchestrator is the one that asked. */
function waiting(w: World, s: Saga, seq: number): Flow | undefined {
  const f = w.parts.sagas.flows[s.flow]!;
  return !ended(s) && s.seq === seq && current(w, f) ? f : undefined;
}

on<World>(SE.sagaReply, 'saga step reply reaches the orchestrator', (w, cid) => {
  const p = w.parts.sagas;
  const cmd = p.commands.get(cid);
  if (!cmd) return;
  p.commands.delete(cid);
  const s = p.sagas[cmd.saga]!;
  const f = waiting(w, s, cmd.seq);
  if (!f || cmd.life !== f.life) return;
  s.seq++; // the timeout of this command no longer applies
  if (s.state === COMPENSATING) {
    if (cmd.code !== OK) return retry(w, f, s);
    s.undone[s.step] = true;
    s.progressAt = w.now;
    note(s, w.now, 'undone', s.step);
    return compensateNext(w, f, s, s.step - 1);
  }
  if (cmd.code === OK) {
    s.done[s.step] = true;
    s.progressAt = w.now;
    note(s, w.now, 'done', s.step);
    s.step++;
    s.attempts = 0;
    if (s.step < f.spec.steps.length) return send(w, f, s);
    s.state = COMPLETED;
    s.endedAt = w.now;
    f.stats.completed++;
    record(w.trace, w.now, ST.sagaCompleted, orchestrator(w, f).host, -1, s.id, f.spec.steps.length, 0);
    return;
  }
  if (cmd.code === REJECTED) {
    f.stats.rejections++;
    note(s, w.now, 'rejected', s.step);
    if (f.spec.pivot >= 0 && s.step > f.spec.pivot) {
      f.stats.retriedForward++;
      record(w.trace, w.now, ST.sagaForward, orchestrator(w, f).host, -1, s.id, s.step, 0);
      return retry(w, f, s);
    }
    return fail(w, f, s, REJECTED);
  }
  technical(w, f, s, 1);
});

on<World>(SE.sagaTimeout, 'saga step timed out', (w, id, seq) => {
  const s = w.parts.sagas.sagas[id]!;
  const f = waiting(w, s, seq);
  if (!f) return;
  s.seq++;
  f.stats.timeouts++;
  note(s, w.now, 'timeout', s.step);
  if (s.state === COMPENSATING) return send(w, f, s);
  technical(w, f, s, 0);
});

on<World>(SE.sagaRetry, 'saga step retried', (w, id, seq) => {
  const s = w.parts.sagas.sagas[id]!;
  const mine = w.parts.sagas.flows[s.flow]!;
  // In a choreography the service that failed retries by itself.
  if (mine.spec.mode === 'choreographed') return void (!ended(s) && s.seq === seq && retryLocally(w, mine, s));
  const f = waiting(w, s, seq);
  if (f) send(w, f, s);
});

/** A technical failure of the current step: retried, unless `step.retries` ran out before the pivot. */
function technical(w: World, f: Flow, s: Saga, cause: number): void {
  const host = orchestrator(w, f).host;
  f.stats.technical++;
  const pastPivot = f.spec.pivot >= 0 && s.step > f.spec.pivot;
  if (f.spec.retries >= 0 && s.attempts > f.spec.retries && !pastPivot) {
    record(w.trace, w.now, ST.sagaGaveUp, host, -1, s.id, s.step, s.attempts);
    return fail(w, f, s, FAILED);
  }
  record(w.trace, w.now, ST.sagaTechnical, host, -1, s.id, s.step, cause);
  retry(w, f, s);
}

function retry(w: World, f: Flow, s: Saga): void {
  after(w, f.spec.backoffUs, SE.sagaRetry, s.id, s.seq);
}

/**
 * Step `s.step` failed: compensate the steps done before it, last first. After giving up on technical failures the
 * step itself is compensated too: it may have run and its reply been lost.
 */
function fail(w: World, f: Flow, s: Saga, how: number): void {
  s.failedStep = s.step;
  s.failure = how;
  s.state = COMPENSATING;
  compensateNext(w, f, s, how === FAILED ? s.step : s.step - 1);
}

function compensateNext(w: World, f: Flow, s: Saga, from: number): void {
  let k = from;
  while (k >= 0 && !s.done[k] && !(k === s.failedStep && s.failure === FAILED)) k--;
  s.attempts = 0;
  if (k >= 0) {
    s.step = k;
    return send(w, f, s);
  }
  s.state = COMPENSATED;
  s.endedAt = w.now;
  f.stats.compensated++;
  record(w.trace, w.now, ST.sagaCompensated, orchestrator(w, f).host, -1, s.id, s.undone.filter(Boolean).length, 0);
}

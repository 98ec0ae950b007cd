/**
 * A choreographed saga: no coordinator. The trigger event reaches the first service; each service runs its local
 * transaction and publishes an event the next one reacts to; a service that rejects publishes a compensating event
 * that flows back, each earlier service undoing its step and passing it on (seed 001: "Compensating events published
 * by each service"). A service retries its own failed transaction or compensation. As drawn, the events go from
 * service to service with no broker between them: one sent to a service that is down, or held by one that crashes,
 * is lost, and nobody else knows the saga is unfinished; the checker finds it half done.
 */
import { record } from '../history/trace.ts';
import { after } from '../sim/loop.ts';
import type { World } from '../world.ts';
import { SE } from './events.ts';
import { COMPENSATED, COMPENSATING, COMPLETED, FAILED, LOST, note, REJECTED, type Flow, type Saga, type SagaCommand } from './part.ts';
import { newSaga } from './start.ts';
import { hostOf, sendStep, stepInstance } from './steps.ts';
import { noteMark } from './path.ts';
import { ST } from './trace.ts';

export function startChoreographed(w: World, f: Flow): void {
  const s = newSaga(w, f, hostOf(w, stepInstance(w, f, 0, w.parts.sagas.sagas.length)));
  publish(w, f, s, 0, false, -1);
}

/** Sends the saga's event to step `k` (a compensating one when `undo`), from host `from` (-1: the trigger). */
function publish(w: World, f: Flow, s: Saga, k: number, undo: boolean, from: number): void {
  s.step = k;
  s.seq++;
  note(s, w.now, undo ? 'compensating event' : 'event', k);
  if (sendStep(w, f, s.id, s.seq, k, undo, from, 0) === 0) lose(w, f, s, k, undo, from);
}

function lose(w: World, f: Flow, s: Saga, k: number, undo: boolean, from: number): void {
  s.state = LOST;
  s.endedAt = w.now;
  f.stats.lost++;
  record(w.trace, w.now, ST.sagaEventLost, from >= 0 ? from : hostOf(w, stepInstance(w, f, k, s.id)), -1, s.id, k, undo ? 1 : 0);
  note(s, w.now, 'lost', k);
}

/** A step's service finished with the saga's event (or lost it, code -1): it publishes what comes next. */
export function react(w: World, f: Flow, cmd: SagaCommand): void {
  const s = w.parts.sagas.sagas[cmd.saga]!;
  const k = cmd.step;
  const host = hostOf(w, cmd.instance);
  if (cmd.code < 0) return lose(w, f, s, k, cmd.undo, host);
  if (cmd.code === FAILED) {
    // The service's own retry of its transaction (or compensation), after the backoff.
    if (!cmd.undo) f.stats.technical++;
    note(s, w.now, cmd.undo ? 'undo failed' : 'failed', k);
    return void after(w, f.spec.backoffUs, SE.sagaRetry, s.id, s.seq);
  }
  s.progressAt = w.now;
  if (cmd.undo) {
    s.undone[k] = true;
    note(s, w.now, 'undone', k);
    return back(w, f, s, k - 1, host);
  }
  if (cmd.code === REJECTED) {
    f.stats.rejections++;
    s.failedStep = k;
    s.failure = REJECTED;
    s.state = COMPENSATING;
    note(s, w.now, 'rejected', k);
    return back(w, f, s, k - 1, host);
  }
  s.done[k] = true;
  note(s, w.now, 'done', k);
  if (k + 1 < f.spec.steps.length) return publish(w, f, s, k + 1, false, host);
  s.state = COMPLETED;
  s.endedAt = w.now;
  f.stats.completed++;
  noteMark(s, w.now, 'completed', k, host);
  record(w.trace, w.now, ST.sagaCompleted, host, -1, s.id, f.spec.steps.length, 0);
}

/** The compensating event flows back to step `k`, or the saga is compensated when no step is left. */
function back(w: World, f: Flow, s: Saga, k: number, from: number): void {
  if (k >= 0) {
    f.stats.compensations++;
    return publish(w, f, s, k, true, from);
  }
  s.state = COMPENSATED;
  s.endedAt = w.now;
  f.stats.compensated++;
  noteMark(s, w.now, 'compensated', 0, from);
  record(w.trace, w.now, ST.sagaCompensated, from, -1, s.id, s.undone.filter(Boolean).length, 0);
}

/** A service's retry of its own failed transaction or compensation: the same event, handled again where it is. */
export function retryLocally(w: World, f: Flow, s: Saga): void {
  const k = s.step;
  const undo = s.state === COMPENSATING;
  const inst = stepInstance(w, f, k, s.id);
  if (undo) f.stats.compensations++;
  publish(w, f, s, k, undo, hostOf(w, inst));
}


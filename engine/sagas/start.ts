/**
 * Sagas starting: each flow starts sagas at its `rate` (Poisson or evenly spaced, as clients send requests), at its
 * orchestrator or, in a choreography, with the trigger event reaching the first service.
 */
import { record } from '../history/trace.ts';
import { after, at, on } from '../sim/loop.ts';
import { nextFloat } from '../sim/random.ts';
import type { World } from '../world.ts';
import { startChoreographed } from './choreography.ts';
import { SE } from './events.ts';
import { note, RUNNING, type Flow, type Saga } from './part.ts';
import { startOrchestrated } from './orchestrator.ts';
import { ST } from './trace.ts';

function gap(f: Flow): number {
  const mean = 1_000_000 / f.spec.rate;
  return Math.max(1, Math.round(f.spec.poisson ? -Math.log(1 - nextFloat(f.rng)) * mean : mean));
}

export function scheduleStart(w: World, f: Flow): void {
  if (f.spec.rate <= 0) return;
  if (w.now === 0) at(w, f.spec.startUs + gap(f), SE.sagaStart, f.id, 0);
  else after(w, gap(f), SE.sagaStart, f.id, 0);
}

on<World>(SE.sagaStart, 'saga started', (w, fi) => {
  const f = w.parts.sagas.flows[fi]!;
  scheduleStart(w, f);
  if (f.spec.mode === 'orchestrated') startOrchestrated(w, f);
  else startChoreographed(w, f);
});

export function newSaga(w: World, f: Flow, host: number): Saga {
  const n = f.spec.steps.length;
  const s: Saga = {
    id: w.parts.sagas.sagas.length, flow: f.id, startedAt: w.now, state: RUNNING, step: 0, done: new Array<boolean>(n).fill(false), undone: new Array<boolean>(n).fill(false),
    attempts: 0, seq: 0, failedStep: -1, failure: 0, progressAt: w.now, endedAt: 0, timeline: [], path: [],
  };
  w.parts.sagas.sagas.push(s);
  f.stats.started++;
  record(w.trace, w.now, ST.sagaStarted, host, -1, s.id, 0, 0);
  note(s, w.now, 'started', 0);
  return s;
}

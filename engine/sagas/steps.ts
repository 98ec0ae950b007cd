/**
 * A saga step's service: it runs its local transaction for a command (or a choreography's event) and stores what it
 * did for the saga durably, so it answers a repeat the same way: a step done once is not done again, a rejection
 * is the same answer on every retry, and a compensation of a step never done (or already undone) changes nothing.
 * Compensations must be idempotent and retryable because they can fail and be sent again (semantics P6; Azure,
 * "Compensating Transaction pattern"); a step whose compensation came first refuses to run late (Temporal's saga
 * guidance: a compensation may race the action it undoes). A crash during the transaction applies nothing.
 */
import { record } from '../history/trace.ts';
import { countEdge } from '../metrics/metrics.ts';
import { sample } from '../sim/distribution.ts';
import { after, at, on } from '../sim/loop.ts';
import { arrival } from '../sim/network.ts';
import { chance } from '../sim/random.ts';
import type { World } from '../world.ts';
import { react } from './choreography.ts';
import { noteMark, noteMove } from './path.ts';
import { SE } from './events.ts';
import { APPLIED, FAILED, OK, REFUSED, REJECTED, UNDONE, type Flow, type SagaCommand } from './part.ts';
import { ST } from './trace.ts';

/** The instance of step `k` that serves saga `id` (sagas spread over a service's instances). */
export function stepInstance(w: World, f: Flow, k: number, id: number): number {
  const ids = w.parts.apps.services[f.spec.steps[k]!.service]!.instances;
  return ids[id % ids.length]!;
}

export const hostOf = (w: World, instance: number) => w.parts.apps.instances[instance]!.host;

/**
 * Sends step `k` of saga `id` (or its compensation) from host `from` to the step's service; returns the command's
 * id, or 0 when it cannot arrive (the step's service is down or cut off: the sender's timeout, if it has one, decides).
 */
export function sendStep(w: World, f: Flow, id: number, seq: number, k: number, undo: boolean, from: number, life: number): number {
  const p = w.parts.sagas;
  const instance = stepInstance(w, f, k, id);
  const t = from < 0 ? w.now : arrival(w.net, w.now, from, hostOf(w, instance));
  const choreographed = f.spec.mode === 'choreographed';
  const what = undo ? (choreographed ? 'compensating event' : 'compensate') : choreographed ? 'event' : 'command';
  const s = p.sagas[id]!;
  if (t < 0 || (from < 0 && !w.parts.apps.instances[instance]!.alive)) {
    noteMove(s, w.now, t < 0 ? -1 : t, what, k, from, hostOf(w, instance));
    if (!w.parts.apps.instances[instance]!.alive) noteMark(s, Math.max(t, w.now), 'lost: it was down', k, hostOf(w, instance));
    return 0;
  }
  noteMove(s, w.now, t, what, k, from, hostOf(w, instance));
  const cid = p.nextCommand++;
  p.commands.set(cid, { saga: id, seq, step: k, undo, life, instance, stepLife: 0, code: OK });
  at(w, t, SE.sagaCommand, cid, 0);
  // A choreography's compensating events travel back along no drawn edge.
  if (!undo || f.spec.mode === 'orchestrated') countEdge(w.metrics, f.spec.steps[k]!.commandEdge, 1);
  return cid;
}

on<World>(SE.sagaCommand, 'saga command reaches its step', (w, cid) => {
  const p = w.parts.sagas;
  const cmd = p.commands.get(cid);
  if (!cmd) return;
  const inst = w.parts.apps.instances[cmd.instance]!;
  if (!inst.alive) return void lost(w, cid, cmd, 'lost: it was down');
  cmd.stepLife = inst.life;
  const f = p.flows[p.sagas[cmd.saga]!.flow]!;
  const svc = w.parts.apps.services[f.spec.steps[cmd.step]!.service]!;
  after(w, sample(f.spec.steps[cmd.step]!.latency, f.stepRng[cmd.step]!) + svc.faults.slowUs + inst.slowUs, SE.sagaLocal, cid, 0);
}, { hop: true });

on<World>(SE.sagaLocal, 'saga step transaction over', (w, cid) => {
  const p = w.parts.sagas;
  const cmd = p.commands.get(cid);
  if (!cmd) return;
  const inst = w.parts.apps.instances[cmd.instance]!;
  const f = p.flows[p.sagas[cmd.saga]!.flow]!;
  // A crash during the local transaction rolls it back: nothing is applied, and no reply or event leaves.
  if (!inst.alive || inst.life !== cmd.stepLife) return void lost(w, cid, cmd, 'lost: it crashed during the transaction');
  cmd.code = cmd.undo ? compensate(w, f, cmd) : run(w, f, cmd);
  const s = p.sagas[cmd.saga]!;
  noteMark(s, w.now, OUTCOME[cmd.undo ? 1 : 0]![cmd.code]!, cmd.step, inst.host);
  if (f.spec.mode === 'choreographed') {
    p.commands.delete(cid);
    return react(w, f, cmd);
  }
  const orch = w.parts.apps.instances[f.instance]!;
  const t = arrival(w.net, w.now, inst.host, orch.host);
  noteMove(s, w.now, t, 'reply', cmd.step, inst.host, orch.host);
  if (t < 0) return void p.commands.delete(cid);
  at(w, t, SE.sagaReply, cid, 0);
  countEdge(w.metrics, f.spec.steps[cmd.step]!.replyEdge, 1);
});

/** What a step's service did, as the trace says it: by action (0 the step, 1 its compensation) and reply code. */
const OUTCOME: readonly (readonly string[])[] = [
  ['done', 'rejected', 'failed'], // indexed by OK, REJECTED, FAILED
  ['undone', 'undone', 'undo failed'],
];

/** A command whose service is down (or went down): gone; a choreography's saga loses its only carrier. */
function lost(w: World, cid: number, cmd: SagaCommand, why: string): void {
  const p = w.parts.sagas;
  p.commands.delete(cid);
  noteMark(p.sagas[cmd.saga]!, w.now, why, cmd.step, hostOf(w, cmd.instance));
  const f = p.flows[p.sagas[cmd.saga]!.flow]!;
  if (f.spec.mode === 'choreographed') {
    cmd.code = -1;
    react(w, f, cmd);
  }
}

function run(w: World, f: Flow, cmd: SagaCommand): number {
  const host = hostOf(w, cmd.instance);
  const effects = f.effects[cmd.step]!;
  const had = effects.get(cmd.saga);
  if (had === APPLIED) {
    record(w.trace, w.now, ST.sagaStepDone, host, -1, cmd.saga, cmd.step, 1);
    return OK;
  }
  if (had === REFUSED || had === UNDONE) return REJECTED;
  const step = f.spec.steps[cmd.step]!;
  if (w.parts.apps.services[step.service]!.faults.rejecting) return FAILED;
  if (step.reject > 0 && chance(f.stepRng[cmd.step]!, step.reject)) {
    effects.set(cmd.saga, REFUSED);
    record(w.trace, w.now, ST.sagaRejected, host, -1, cmd.saga, cmd.step, 0);
    return REJECTED;
  }
  effects.set(cmd.saga, APPLIED);
  record(w.trace, w.now, ST.sagaStepDone, host, -1, cmd.saga, cmd.step, 0);
  return OK;
}

function compensate(w: World, f: Flow, cmd: SagaCommand): number {
  const host = hostOf(w, cmd.instance);
  const step = f.spec.steps[cmd.step]!;
  if (step.compensateFail > 0 && chance(f.stepRng[cmd.step]!, step.compensateFail)) {
    f.stats.compensationFailures++;
    record(w.trace, w.now, ST.sagaUndoFailed, host, -1, cmd.saga, cmd.step, 0);
    return FAILED;
  }
  const had = f.effects[cmd.step]!.get(cmd.saga);
  f.effects[cmd.step]!.set(cmd.saga, UNDONE);
  record(w.trace, w.now, ST.sagaUndone, host, -1, cmd.saga, cmd.step, had === APPLIED ? 0 : 1);
  return OK;
}

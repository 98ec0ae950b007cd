/**
 * The saga family's trace kinds and how their entries read in the event log: a saga across its services (commands,
 * local transactions, replies, compensations), and the two kinds of failure P7 tells apart: a business rejection
 * (an answer, compensated before the pivot) and a technical failure (a timeout or a refusal, retried).
 */
import { defineTraceKinds } from '../history/trace.ts';
import type { World } from '../world.ts';

/** The node of step `k` of saga `id`'s flow. */
const stepName = (w: World, id: number, k: number) => {
  const s = w.parts.sagas.sagas[id];
  return s ? (w.parts.sagas.flows[s.flow]!.spec.steps[k]?.node ?? `step ${k + 1}`) : `step ${k + 1}`;
};
const nth = (n: number) => (n === 1 ? '' : ` (attempt ${n})`);

export const ST = defineTraceKinds({
  // node=coordinator (or first step) host, a=saga
  sagaStarted: { describe: (w, e, at) => ({ text: `${at.node} started saga #${e.a}${w.parts.sagas.flows[w.parts.sagas.sagas[e.a]?.flow ?? 0]?.spec.trigger ? ` (${w.parts.sagas.flows[w.parts.sagas.sagas[e.a]!.flow]!.spec.trigger})` : ''}` }) },
  // node=orchestrator host, a=saga, b=step, c=attempt
  sagaCommand: { describe: (w, e, at) => ({ text: `${at.node} sent step ${e.b + 1} of saga #${e.a} to ${stepName(w, e.a, e.b)}${nth(e.c)}` }) },
  // node=orchestrator host, a=saga, b=step, c=attempt
  sagaCompensate: { describe: (w, e, at) => ({ text: `${at.node} asked ${stepName(w, e.a, e.b)} to compensate step ${e.b + 1} of saga #${e.a}${nth(e.c)}` }) },
  // node=step host, a=saga, b=step, c=1 when it had already done it (an idempotent repeat)
  sagaStepDone: { describe: (_w, e, at) => ({ text: `${at.node} did step ${e.b + 1} of saga #${e.a}${e.c ? ' (already done: the repeat changes nothing)' : ''}` }) },
  // node=step host, a=saga, b=step
  sagaRejected: { describe: (_w, e, at) => ({ text: `${at.node} rejected step ${e.b + 1} of saga #${e.a}: a business rejection, the same answer on any retry` }) },
  // node=orchestrator (or step) host, a=saga, b=step, c=cause (0 timeout, 1 refused, 2 crashed mid-transaction)
  sagaTechnical: {
    describe: (w, e, at) => ({ text: `${at.node}: step ${e.b + 1} of saga #${e.a} failed technically (${['no reply in time', `${stepName(w, e.a, e.b)} refused it`, `${stepName(w, e.a, e.b)} crashed during it`][e.c] ?? 'failed'}): retried, not compensated` }),
  },
  // node=orchestrator host, a=saga, b=step, c=attempts
  sagaGaveUp: { describe: (w, e, at) => ({ text: `${at.node} gave up on step ${e.b + 1} of saga #${e.a} after ${e.c} technical failures: it compensates, ${stepName(w, e.a, e.b)} included (it may have done it)` }) },
  // node=orchestrator host, a=saga, b=step
  sagaForward: { describe: (w, e, at) => ({ text: `${at.node}: ${stepName(w, e.a, e.b)} rejected step ${e.b + 1} of saga #${e.a}, after the pivot: retried forward, never compensated` }) },
  // node=step host, a=saga, b=step, c=1 when there was nothing to undo
  sagaUndone: { describe: (_w, e, at) => ({ text: `${at.node} compensated step ${e.b + 1} of saga #${e.a}${e.c ? ' (nothing to undo: the compensation is idempotent)' : ''}` }) },
  // node=step host, a=saga, b=step
  sagaUndoFailed: { describe: (_w, e, at) => ({ text: `${at.node} failed to compensate step ${e.b + 1} of saga #${e.a}: it is retried until it succeeds` }) },
  // node=coordinator host, a=saga, b=steps done (completed) or undone (compensated)
  sagaCompleted: { describe: (_w, e, at) => ({ text: `${at.node}: saga #${e.a} completed, all ${e.b} steps done` }) },
  sagaCompensated: { describe: (_w, e, at) => ({ text: `${at.node}: saga #${e.a} compensated, ${e.b} ${e.b === 1 ? 'step' : 'steps'} undone in reverse order` }) },
  // node=orchestrator host, a=saga, b=step, c=1 compensating
  sagaResumed: { describe: (_w, e, at) => ({ text: `${at.node} restarted and resumed saga #${e.a} from its durable state, ${e.c ? 'compensating' : 'at'} step ${e.b + 1}` }) },
  // node=orchestrator host, a=saga, b=steps it had done
  sagaForgotten: { describe: (_w, e, at) => ({ text: `${at.node} crashed and forgot saga #${e.a} (saga.state=memory): its ${e.b} done ${e.b === 1 ? 'step stays' : 'steps stay'} done, nobody compensates` }) },
  // node=sender host, a=saga, b=step it was for, c=1 a compensating event
  sagaEventLost: { describe: (w, e, at) => ({ text: `${at.node}: the ${e.c ? 'compensating ' : ''}event of saga #${e.a} for ${stepName(w, e.a, e.b)} was lost (it was down): nobody else knows the saga` }) },
});

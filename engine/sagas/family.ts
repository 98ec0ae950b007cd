/**
 * Sagas as a component family (semantics P6-P7): an orchestrator that drives its steps in order, compensates the
 * done ones in reverse order when a step is rejected, retries technical failures and keeps its sagas durably across
 * its crashes; or a choreography, each service reacting to the previous one's event and sending a compensating
 * event back on a rejection. The orchestrator and the steps run as applications (their crashes, restarts, slowness
 * and refusals are the applications family's faults); this family gives them their sagas, and checks how every saga
 * ended (facts.ts).
 */
import type { Family } from '../family.ts';
import { stream } from '../sim/random.ts';
import type { World } from '../world.ts';
import * as choreography from './choreography.ts';
import { describeFinding, recentSagas, sagaDetail, sagaFacts, settledBefore } from './facts.ts';
import { sagasLive } from './live.ts';
import { sagaPath } from './path.ts';
import * as orchestrator from './orchestrator.ts';
import { startOrchestrator } from './orchestrator.ts';
import { createSagaPart, type Flow } from './part.ts';
import { resolveSagas } from './resolve.ts';
import * as start from './start.ts';
import { scheduleStart } from './start.ts';
import * as steps from './steps.ts';

const n = (x: number) => x.toLocaleString('en-US');

function flowLine(w: World, f: Flow): string {
  const st = f.stats;
  const x = sagaFacts(w, f.id);
  const orchestrated = f.spec.mode === 'orchestrated';
  const how = orchestrated ? `orchestrated, ${f.spec.durable ? 'durable' : 'in-memory'} state` : `choreographed${f.spec.trigger ? ` from ${f.spec.trigger}` : ''}`;
  const pivot = f.spec.pivot >= 0 ? `, pivot ${f.spec.steps[f.spec.pivot]!.node}` : '';
  const technical = orchestrated ? `${n(st.technical)} technical failures retried (${n(st.timeouts)} timeouts)` : `${n(st.technical)} technical failures retried by their service`;
  const extra = [
    st.resumed ? `${n(st.resumed)} resumed after a restart` : '',
    st.forgotten ? `${n(st.forgotten)} forgotten in a crash` : '',
    st.lost ? `${n(st.lost)} events lost (a service was down)` : '',
    st.refused ? `${n(st.refused)} not started (orchestrator down)` : '',
  ].filter(Boolean);
  const lines = [
    `sagas ${f.spec.node} (${how}: ${f.spec.steps.map((s) => s.node).join(' -> ')}${pivot}): ${n(x.started)} started, ${n(x.completed)} completed, ${n(x.compensated)} compensated, ${n(x.inProgress)} in progress, ${n(x.stuck)} stuck, ${n(x.halfDone)} left half done${x.abandoned ? `, ${n(x.abandoned)} abandoned before any step` : ''}`,
    `  failures: ${n(st.rejections)} business rejections${f.spec.pivot >= 0 ? ` (${n(st.retriedForward)} after the pivot, retried forward)` : ''}, ${technical}; ${n(st.compensations)} compensations sent, ${n(st.compensationFailures)} failed and retried${extra.map((e) => `; ${e}`).join('')}`,
  ];
  for (const e of x.examples.slice(0, 5)) lines.push(`  ${describeFinding(e)}`);
  return lines.join('\n  ');
}

export const sagas: Family = {
  name: 'sagas',
  // Orchestrators and steps are applications (the kind table gives them to the applications family).
  kinds: [],
  modules: [orchestrator, steps, choreography, start],
  createPart: createSagaPart,
  resolve: resolveSagas,

  build(w, spec) {
    const apps = w.parts.apps;
    spec.sagas.forEach((fs, i) => {
      const instance = fs.service >= 0 ? apps.services[fs.service]!.instances[0]! : -1;
      w.parts.sagas.flows.push({
        id: i, spec: fs, instance, life: instance >= 0 ? apps.instances[instance]!.life : 0, rng: stream(w.seed, `saga:${fs.node}`),
        effects: fs.steps.map(() => new Map()), stepRng: fs.steps.map((s) => stream(w.seed, `saga:${fs.node}:${s.node}`)),
        stats: { started: 0, refused: 0, completed: 0, compensated: 0, rejections: 0, technical: 0, timeouts: 0, compensations: 0, compensationFailures: 0, resumed: 0, forgotten: 0, lost: 0, retriedForward: 0 },
      });
    });
  },

  start(w) {
    for (const f of w.parts.sagas.flows) {
      if (f.spec.mode === 'orchestrated') startOrchestrator(w, f);
      else scheduleStart(w, f);
    }
  },

  live: (w, out) => sagasLive(w, out),

  summary(w) {
    return w.parts.sagas.flows.map((f) => flowLine(w, f)).join('\n  ');
  },

  inspect: {
    saga: (w, id) => sagaDetail(w, id),
    // One saga across its services for the trace: its commands (or events), replies and compensations between hosts.
    path: (w, id) => sagaPath(w, id),
    // A flow's latest sagas that did not simply complete, newest first, for the inspector's list.
    recent: (w, flow) => recentSagas(w, flow),
    // The checker's verdict over every saga (or one flow's): for reports and goals.
    sagas: (w, flow) => sagaFacts(w, flow),
    // For goals: per flow, the sagas started before the given time (µs) and the first of them not settled.
    settled: (w, beforeUs) => settledBefore(w, beforeUs),
  },

  reconfigure(w, _from, spec) {
    const p = w.parts.sagas;
    if (spec.sagas.length !== p.flows.length || spec.sagas.some((fs, i) => fs.steps.length !== p.flows[i]!.spec.steps.length || fs.mode !== p.flows[i]!.spec.mode)) return 'the sagas changed';
    spec.sagas.forEach((fs, i) => (p.flows[i]!.spec = fs));
    return null;
  },

  hash(w, mix) {
    for (const f of w.parts.sagas.flows) {
      mix(f.stats.started);
      mix(f.stats.completed);
      mix(f.stats.compensated);
      mix(f.stats.compensations);
    }
  },
};

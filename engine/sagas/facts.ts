/**
 * The saga checker: how every saga ended, read from what each step's service durably did for it (not from what the
 * coordinator believes). A saga must end completed (every step done) or compensated (no step's effect left); one
 * with a step done and a later one not done, that nobody drives any more (its event was lost, its orchestrator
 * forgot it), is left half done, and is named with its id and steps. A saga still being driven is in progress, or
 * stuck when it has not moved for a long time (a step retried forever, a compensation that never succeeds).
 */
import type { World } from '../world.ts';
import { APPLIED, COMPENSATED, COMPENSATING, FAILED, REFUSED, RUNNING, UNDONE, type Flow, type Saga } from './part.ts';

export type SagaVerdict = 'completed' | 'compensated' | 'in progress' | 'stuck' | 'half done' | 'abandoned';

export interface SagaFinding {
  saga: number;
  flow: string;
  verdict: SagaVerdict;
  /** Each step with what its service did for the saga. */
  steps: { node: string; effect: 'done' | 'undone' | 'rejected' | 'not done' }[];
  /** The step that failed and how, when one did. */
  failed: { node: string; how: 'rejected' | 'technical' } | null;
  startedAtMs: number;
}

export interface SagaFacts {
  started: number;
  completed: number;
  compensated: number;
  inProgress: number;
  stuck: number;
  halfDone: number;
  abandoned: number;
  /** Sagas compensating now (among those in progress or stuck). */
  compensating: number;
  /** The sagas that break the rule (half done, stuck), first ones first. */
  examples: SagaFinding[];
}

/** A saga driven but not moved for this long is stuck (at least 5 s, or five step timeouts). */
export function stuckAfterUs(f: Flow): number {
  return Math.max(5_000_000, 5 * f.spec.timeoutUs);
}

const EFFECT = { [APPLIED]: 'done', [UNDONE]: 'undone', [REFUSED]: 'rejected' } as const;

export function verdict(w: World, s: Saga): SagaVerdict {
  const f = w.parts.sagas.flows[s.flow]!;
  let applied = 0;
  for (const e of f.effects) if (e.get(s.id) === APPLIED) applied++;
  if (applied === f.spec.steps.length) return 'completed';
  if (s.state === RUNNING || s.state === COMPENSATING) return w.now - s.progressAt > stuckAfterUs(f) ? 'stuck' : 'in progress';
  if (applied > 0) return 'half done';
  return s.state === COMPENSATED ? 'compensated' : 'abandoned';
}

export function finding(w: World, s: Saga, v: SagaVerdict = verdict(w, s)): SagaFinding {
  const f = w.parts.sagas.flows[s.flow]!;
  return {
    saga: s.id,
    flow: f.spec.node,
    verdict: v,
    steps: f.spec.steps.map((st, k) => ({ node: st.node, effect: EFFECT[f.effects[k]!.get(s.id) as keyof typeof EFFECT] ?? 'not done' })),
    failed: s.failedStep >= 0 ? { node: f.spec.steps[s.failedStep]!.node, how: s.failure === FAILED ? 'technical' : 'rejected' } : null,
    startedAtMs: s.startedAt / 1000,
  };
}

const empty = (): SagaFacts => ({ started: 0, completed: 0, compensated: 0, inProgress: 0, stuck: 0, halfDone: 0, abandoned: 0, compensating: 0, examples: [] });

function count(w: World, out: SagaFacts, s: Saga): void {
  out.started++;
  if (s.state === COMPENSATING) out.compensating++;
  const v = verdict(w, s);
  if (v === 'completed') out.completed++;
  else if (v === 'compensated') out.compensated++;
  else if (v === 'in progress') out.inProgress++;
  else if (v === 'abandoned') out.abandoned++;
  else {
    if (v === 'stuck') out.stuck++;
    else out.halfDone++;
    if (out.examples.length < 20) out.examples.push(finding(w, s, v));
  }
}

/**
 * Per flow, the sagas counted for good: those ended long enough ago that no command still in flight can change what
 * their services did (a live frame would otherwise judge every saga of a long run again, many times a second). Kept
 * beside the world, not in it: it is derived, and dropped when the world it was taken from moved back or changed.
 */
const settled = new WeakMap<Flow, { sagas: Saga[]; cursor: number; at: number; facts: SagaFacts }>();

function flowFacts(w: World, f: Flow): SagaFacts {
  const all = w.parts.sagas.sagas;
  let c = settled.get(f);
  if (!c || c.sagas !== all || c.at > w.now || c.cursor > all.length) settled.set(f, (c = { sagas: all, cursor: 0, at: 0, facts: empty() }));
  const grace = stuckAfterUs(f);
  for (; c.cursor < all.length; c.cursor++) {
    const s = all[c.cursor]!;
    if (s.flow !== f.id) continue;
    if (s.state === RUNNING || s.state === COMPENSATING || w.now - s.endedAt <= grace) break;
    count(w, c.facts, s);
  }
  c.at = w.now;
  const out = { ...c.facts, examples: [...c.facts.examples] };
  for (let i = c.cursor; i < all.length; i++) if (all[i]!.flow === f.id) count(w, out, all[i]!);
  return out;
}

/** How the sagas of one flow (or of every flow, -1) stand now. */
export function sagaFacts(w: World, flow = -1): SagaFacts {
  const flows = w.parts.sagas.flows.filter((f) => flow < 0 || f.id === flow);
  if (flows.length === 1) return flowFacts(w, flows[0]!);
  const out = empty();
  for (const f of flows) {
    const x = flowFacts(w, f);
    for (const k of ['started', 'completed', 'compensated', 'inProgress', 'stuck', 'halfDone', 'abandoned', 'compensating'] as const) out[k] += x[k];
    out.examples.push(...x.examples.slice(0, 20 - out.examples.length));
  }
  return out;
}

/** One finding in words: `saga #12 of Orch: PS done, IS done, SS rejected: half done, nothing compensated`. */
export function describeFinding(x: SagaFinding): string {
  const steps = x.steps.map((s) => `${s.node} ${s.effect}`).join(', ');
  const why = x.verdict === 'stuck' ? 'stuck: still driven, not moving' : 'half done: no compensation will come';
  const failed = x.failed ? `; ${x.failed.node} failed (${x.failed.how === 'rejected' ? 'business rejection' : 'technical, gave up'})` : '';
  return `saga #${x.saga} of ${x.flow}: ${steps}${failed}: ${why}`;
}

/** One saga for the inspector: its steps with what each service did, and its timeline (commands, replies, compensations). */
export interface SagaDetail extends SagaFinding {
  timeline: { atMs: number; what: string; step: string }[];
}

export function sagaDetail(w: World, id: number): SagaDetail | null {
  const s = w.parts.sagas.sagas[id];
  if (!s) return null;
  const steps = w.parts.sagas.flows[s.flow]!.spec.steps;
  return { ...finding(w, s), timeline: s.timeline.map((e) => ({ atMs: e.at / 1000, what: e.what, step: steps[e.step]?.node ?? '' })) };
}

/** A flow's latest sagas worth a look (any that did not simply complete), newest first, then its latest completed one. */
export function recentSagas(w: World, flow: number, max = 6): SagaFinding[] {
  const out: SagaFinding[] = [];
  let completed: SagaFinding | null = null;
  const all = w.parts.sagas.sagas;
  // The newest few thousand are enough: older ones a learner would not scroll to.
  for (let i = all.length - 1; i >= Math.max(0, all.length - 5000) && out.length < max; i--) {
    const s = all[i]!;
    if (s.flow !== flow) continue;
    const v = verdict(w, s);
    if (v === 'completed') completed ??= finding(w, s, v);
    else if (v !== 'in progress') out.push(finding(w, s, v));
  }
  if (completed && out.length < max) out.push(completed);
  return out;
}

/** For goals: per flow, how the sagas started before `beforeUs` stand now, and the first ones not settled. */
export function settledBefore(w: World, beforeUs: number) {
  return w.parts.sagas.flows.map((f) => {
    const counts = { completed: 0, compensated: 0, abandoned: 0, inProgress: 0, stuck: 0, halfDone: 0, compensatedTechnical: 0 };
    const unsettled: SagaFinding[] = [];
    const technical: SagaFinding[] = [];
    let started = 0;
    for (const s of w.parts.sagas.sagas) {
      if (s.flow !== f.id || s.startedAt >= beforeUs) continue;
      started++;
      const v = verdict(w, s);
      counts[v === 'in progress' ? 'inProgress' : v === 'half done' ? 'halfDone' : v]++;
      if (v !== 'completed' && v !== 'compensated' && v !== 'abandoned' && unsettled.length < 10) unsettled.push(finding(w, s, v));
      // Compensated after giving up on technical failures, not for a business rejection (P7).
      if (v === 'compensated' && s.failure === FAILED) {
        counts.compensatedTechnical++;
        if (technical.length < 10) technical.push(finding(w, s, v));
      }
    }
    return { node: f.spec.node, steps: f.spec.steps.map((x) => x.node), started, ...counts, unsettled, technical };
  });
}

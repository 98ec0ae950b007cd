/**
 * What a run of the search is judged by. The history properties read the checkers' report (engine/check/); the
 * others read what the lesson goals read, through the goals' own code, so a search and a goal never disagree on what
 * "settled" or "answered" means:
 * - `checkout-within`: every checkout answered successfully within N ms (the metrics' failed and slow checkouts);
 * - `sagas-settled`: no saga left half done (the saga family's `settled` facts, as the `sagas-settled` goal reads them);
 * - `lesson-goals`: the run meets every behavioural goal of a lesson (engine/goals/behavioural.ts's plans), with the
 *   lesson's own faults under the search's.
 *
 * A Trial runs one (seed, schedule) and can be judged at any moment, so the search, its guidance (run in slices) and
 * the moment a found run first breaks the property all share one way to run a property.
 */
import { checkHistory } from '../check/checks.ts';
import { failureCause } from '../goals/checkouts.ts';
import { plan } from '../goals/behavioural.ts';
import { expandFaults } from '../goals/match.ts';
import { settledOf } from '../goals/sagas.ts';
import { isSearch, isStructural, type BehaviouralCheck, type LessonGoals } from '../goals/types.ts';
import type { RunView, Verdict } from '../goals/view.ts';
import type { Spec } from '../model/spec.ts';
import { createSimulation } from '../simulation.ts';
import type { Topology } from '../topology/types.ts';
import type { World } from '../world.ts';
import { violationOf, type HistoryProperty, type PropertyName, type Run, type Violation } from './search.ts';

/** A property with what it needs: `checkout-within` its limit, `lesson-goals` the lesson's goals and run. */
export interface Property {
  name: PropertyName;
  /** checkout-within: every checkout answered successfully within this many milliseconds. */
  withinMs?: number;
  /** lesson-goals: the lesson whose behavioural goals every run must meet. */
  lesson?: LessonGoals;
}

/** A property by name alone (the history properties and `sagas-settled`), or with what it needs. */
export type PropertyArg = PropertyName | Property;

export const propertyOf = (p: PropertyArg): Property => (typeof p === 'string' ? { name: p } : p);

/** A saga counts from this long after it started: a saga still running sooner than that is not yet late. */
export const SAGA_SETTLE_US = 10_000_000;

/** One run being judged: advance it (in as many slices as wanted), and ask whether the property is broken so far. */
export interface Trial {
  world: World;
  advance(untilUs: number): void;
  verdict(): Violation | undefined;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const ms = (us: number) => `${Math.round(us / 1000).toLocaleString('en-US')} ms`;
const atS = (us: number) => `${Number((us / 1e6).toFixed(3))} s`;

/** Starts a run of `run` judged by `property` (the lesson's faults first, for `lesson-goals`). */
export function startTrial(topology: Topology, run: Run, property: PropertyArg, traceCapacity: number): Trial {
  const p = propertyOf(property);
  const base = p.name === 'lesson-goals' ? lessonFaults(p, topology) : [];
  const sim = createSimulation(topology, { seed: run.seed, faults: base.length ? [...base, ...run.faults] : run.faults, traceCapacity });
  const w = sim.world;
  switch (p.name) {
    case 'checkout-within': {
      const limitUs = withinUs(p);
      w.metrics.slowCheckouts.overUs = limitUs;
      return { world: w, advance: (t) => sim.run(t), verdict: () => slowOrFailed(w, limitUs) };
    }
    case 'sagas-settled':
      return { world: w, advance: (t) => sim.run(t), verdict: () => halfDone(w) };
    case 'lesson-goals':
      return lessonTrial(w, topology, p, (t) => sim.run(t));
    default:
      return { world: w, advance: (t) => sim.run(t), verdict: () => violationOf(p.name as HistoryProperty, checkHistory(w)) };
  }
}

function withinUs(p: Property): number {
  if (p.withinMs === undefined || !(p.withinMs > 0)) throw new Error('checkout-within needs a limit in milliseconds, e.g. checkout-within=500');
  return Math.round(p.withinMs * 1000);
}

/** checkout-within: the checkouts that failed, then those answered later than the limit, with their ids and times. */
function slowOrFailed(w: World, limitUs: number): Violation | undefined {
  const m = w.metrics;
  const slow = m.slowCheckouts;
  const count = m.checkoutsFailed + slow.count;
  if (count === 0) return undefined;
  const failed = m.checkoutFailures.examples;
  const refOf = (x: { request?: number; message?: number }) => x.request ?? x.message ?? 0;
  const ids = [...failed.map(refOf), ...slow.examples.map(refOf)].slice(0, 20);
  const parts: string[] = [];
  if (m.checkoutsFailed > 0) {
    const first = failed[0]!;
    parts.push(`fails ${plural(m.checkoutsFailed, 'checkout')} (the first at ${atS(first.at)}: ${failureCause(first)})`);
  }
  if (slow.count > 0) {
    const shown = slow.examples.slice(0, 3).map((x) => `${x.request !== undefined ? `#${x.request}` : `event #${x.message}`} in ${ms(x.latencyUs)} at ${atS(x.at)}`);
    parts.push(`answers ${plural(slow.count, 'checkout')} later than ${ms(limitUs)} (${shown.join(', ')}${slow.count > shown.length ? ', ...' : ''})`);
  }
  return { property: 'checkout-within', count, ids, summary: parts.join(' and ') };
}

/** sagas-settled: sagas started at least SAGA_SETTLE_US ago that are left half done (a step done, nobody to finish or undo it). */
function halfDone(w: World): Violation | undefined {
  const flows = settledOf(w, w.now - SAGA_SETTLE_US);
  const bad = flows.filter((f) => f.halfDone > 0);
  if (bad.length === 0) return undefined;
  const count = bad.reduce((n, f) => n + f.halfDone, 0);
  const findings = bad.flatMap((f) => f.unsettled.filter((x) => x.verdict === 'half done'));
  const first = findings[0];
  const steps = first ? `: saga #${first.saga} has ${first.steps.map((s) => `${s.node} ${s.effect}`).join(', ')}` : '';
  const names = bad.map((f) => f.node).join(', ');
  return { property: 'sagas-settled', count, ids: findings.map((x) => x.saga).slice(0, 20), summary: `leaves ${plural(count, 'saga')} of ${names} half done${steps}` };
}

/** The lesson's fault lines with their matchers replaced by node ids (a matcher that names nothing is left out). */
function lessonFaults(p: Property, t: Topology): string[] {
  if (!p.lesson) throw new Error('lesson-goals needs a lesson');
  return expandFaults(p.lesson.run.faults, t).lines;
}

/** The goals a search can judge on one run: the behavioural ones (not the structural, not another search). */
export function runGoals(lesson: LessonGoals): { id: string; check: BehaviouralCheck }[] {
  return lesson.goals.filter((g) => !isStructural(g.check) && !isSearch(g.check)).map((g) => ({ id: g.id, check: g.check as BehaviouralCheck }));
}

/** lesson-goals: each goal's plan followed as the run advances (its marks taken, its verdict at its due moment). */
function lessonTrial(w: World, t: Topology, p: Property, run: (us: number) => void): Trial {
  const lesson = p.lesson!;
  const view: RunView = { w, t, applied: w.faults.applied };
  const steps: { atUs: number; order: number; act: () => void }[] = [];
  const failed: { id: string; verdict: Verdict }[] = [];
  for (const g of runGoals(lesson)) {
    const pl = plan(g.check, lesson.run.durationS);
    for (const m of pl.marks) steps.push({ atUs: Math.round(m.atS * 1e6), order: 0, act: () => m.take(view) });
    steps.push({
      atUs: Math.round(pl.dueS * 1e6),
      order: 1,
      act: () => {
        const v = pl.judge(view);
        if (!v.pass) failed.push({ id: g.id, verdict: v });
      },
    });
  }
  steps.sort((a, b) => a.atUs - b.atUs || a.order - b.order);
  let next = 0;
  return {
    world: w,
    advance(untilUs) {
      for (; next < steps.length && steps[next]!.atUs <= untilUs; next++) {
        run(steps[next]!.atUs);
        steps[next]!.act();
      }
      run(untilUs);
    },
    verdict() {
      if (failed.length === 0) return undefined;
      const first = failed[0]!;
      const ids = (first.verdict.counterexample?.messages ?? []).map((m) => m.id).slice(0, 20);
      const others = failed.length > 1 ? ` (and ${plural(failed.length - 1, 'other goal')})` : '';
      return { property: 'lesson-goals', count: failed.length, ids, summary: `fails the goal '${first.id}'${others}, with the lesson's own faults too: ${first.verdict.explanation}` };
    },
  };
}

/** Whether something in the design sends checkouts: users calling a service, or a service that originates events. */
export function sendsCheckouts(spec: Spec): boolean {
  return (spec.clients ?? []).some((c) => c.rate > 0) || (spec.services ?? []).some((s) => s.origin === 'source' && s.rate > 0);
}

/** The properties that make sense for a design (and a lesson, when one is open), in the order they are offered. */
export function propertiesFor(spec: Spec, opts: { lesson?: boolean } = {}): PropertyName[] {
  const out: PropertyName[] = ['no-loss', 'no-missed', 'no-duplicates', 'order'];
  if (sendsCheckouts(spec)) out.push('checkout-within');
  if ((spec.sagas ?? []).length > 0) out.push('sagas-settled');
  if (opts.lesson) out.push('lesson-goals');
  return out;
}

/**
 * Judging a learner's topology against a lesson's goals: structural goals on the parsed text, behavioural goals on
 * one run of the simulation under the lesson's seed and fault schedule, each judged at its own moment of that run;
 * a "survives the search" goal on runs of its own (engine/goals/survives.ts).
 */
import { formatFault } from '../faults/parse.ts';
import { resolve } from '../model/resolve.ts';
import { createSimulation } from '../simulation.ts';
import { parseTopology } from '../topology/parse.ts';
import type { Topology } from '../topology/types.ts';
import { plan } from './behavioural.ts';
import { expandFaults, nothingMatches } from './match.ts';
import { checkStructure } from './structural.ts';
import { survivesSearch } from './survives.ts';
import { isSearch, isStructural, type BehaviouralCheck, type GoalResult, type LessonEvaluation, type LessonGoals } from './types.ts';
import type { RunView } from './view.ts';
import { seconds } from './words.ts';

export interface EvaluateOptions {
  /** Run the simulation for the behavioural goals (default true); structural goals are always checked. */
  behavioural?: boolean;
}

/**
 * Checks every goal of a lesson against a topology text.
 * @example evaluateLesson(text, lesson, { behavioural: false }).results.filter((r) => !r.pass)
 */
export function evaluateLesson(text: string, lesson: LessonGoals, opts: EvaluateOptions = {}): LessonEvaluation {
  const parsed = parseTopology(text);
  const error = parsed.diagnostics.find((d) => d.severity === 'error');
  if (!parsed.ok && error) {
    const why = `The topology has an error at line ${error.line}: ${error.message}. Fix it, then the goals can be checked.`;
    return { results: lesson.goals.map((g) => ({ id: g.id, pass: false, ran: false, explanation: why })), faults: [] };
  }
  const t = parsed.topology;
  const { spec, diagnostics } = resolve(t);
  const results = new Map<string, GoalResult>();
  for (const g of lesson.goals) if (isStructural(g.check)) results.set(g.id, { id: g.id, ran: true, ...checkStructure(g.check, t, spec) });

  const behavioural = lesson.goals.filter((g) => !isStructural(g.check));
  const notRun = (explanation: string) => {
    for (const g of behavioural) results.set(g.id, { id: g.id, pass: false, ran: false, explanation });
  };
  let faults: LessonEvaluation['faults'] = [];
  if (behavioural.length > 0 && opts.behavioural === false) notRun('Run the simulation to check this goal.');
  else if (behavioural.length > 0) {
    const blocker = diagnostics.find((d) => d.severity === 'error');
    const { lines, unmatched } = expandFaults(lesson.run.faults, t);
    if (blocker) notRun(`The simulation cannot run: ${blocker.message} (line ${blocker.line}).`);
    else if (unmatched.length > 0) {
      const u = unmatched[0]!;
      notRun(`The lesson's fault '${u.line}' needs a service to act on. ${nothingMatches(u.matcher)}`);
    } else {
      try {
        const once = behavioural.filter((g) => !isSearch(g.check));
        faults = run(t, lesson, lines, once.map((g) => ({ id: g.id, check: g.check as BehaviouralCheck })), results);
        // Goals that search many runs of their own, after the lesson's run (they do not change it).
        for (const g of behavioural) if (isSearch(g.check)) results.set(g.id, { id: g.id, ran: true, ...survivesSearch(g.check, t) });
      } catch (e) {
        notRun(`The simulation could not run: ${(e as Error).message}.`);
      }
    }
  }
  return { results: lesson.goals.map((g) => results.get(g.id)!), faults };
}

/** Runs the simulation once, stopping at each moment a check looks at, and records the verdicts. */
function run(t: Topology, lesson: LessonGoals, faultLines: string[], goals: { id: string; check: BehaviouralCheck }[], results: Map<string, GoalResult>): LessonEvaluation['faults'] {
  const sim = createSimulation(t, { seed: lesson.run.seed, faults: faultLines, traceCapacity: 16 });
  // Goals read the checkers' own state, never the trace: switch it off for speed.
  sim.world.trace.enabled = false;
  const view: RunView = { w: sim.world, t, applied: sim.world.faults.applied };
  const steps: { atS: number; order: number; act: () => void }[] = [];
  for (const g of goals) {
    const p = plan(g.check, lesson.run.durationS);
    for (const m of p.marks) steps.push({ atS: m.atS, order: 0, act: () => m.take(view) });
    steps.push({ atS: p.dueS, order: 1, act: () => results.set(g.id, { id: g.id, ran: true, ...p.judge(view) }) });
  }
  steps.sort((a, b) => a.atS - b.atS || a.order - b.order);
  for (const s of steps) {
    sim.run(Math.round(s.atS * 1e6));
    s.act();
  }
  sim.run(lesson.run.durationS * 1e6);
  return sim.world.faults.applied.map((f) => ({ at: seconds(f.at), line: formatFault(f.fault), note: f.note, ok: f.ok }));
}

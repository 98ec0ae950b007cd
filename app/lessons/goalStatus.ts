/**
 * What each goal of a lesson shows right now, from the two kinds of check: the structural one that follows the
 * learner's typing, and the last full check (with the lesson's run). A run's verdict on an older text is shown as
 * stale rather than dropped, so the learner still sees what the run found while fixing it.
 */
import { isStructural, type Goal, type GoalResult, type LessonEvaluation } from '../../engine/index.ts';

/** A check's answer for one text. */
export interface Checked<T> {
  lessonId: string;
  text: string;
  value: T;
}

export type GoalState = 'pass' | 'fail' | 'unchecked' | 'stale';

export interface GoalView {
  goal: Goal;
  behavioural: boolean;
  state: GoalState;
  /** The result behind the state (for a stale goal, the old run's). */
  result: GoalResult | null;
}

/**
 * Every goal's state for `text`: a structural goal from the newest check of any kind for this text; a behavioural
 * one from the last run, stale if the text changed since.
 * @example goalViews(goals, text, structural, run).filter((g) => g.state === 'fail')
 */
export function goalViews(
  goals: readonly Goal[],
  text: string,
  structural: Checked<GoalResult[]> | null,
  run: Checked<LessonEvaluation> | null,
): GoalView[] {
  const runFresh = run !== null && run.text === text;
  const byId = (results: GoalResult[] | undefined, id: string) => results?.find((r) => r.id === id) ?? null;
  return goals.map((goal) => {
    const behavioural = !isStructural(goal.check);
    if (behavioural) {
      const r = byId(run?.value.results, goal.id);
      if (!r) return { goal, behavioural, state: 'unchecked', result: null };
      if (!runFresh) return { goal, behavioural, state: 'stale', result: r };
      return { goal, behavioural, state: !r.ran ? 'unchecked' : r.pass ? 'pass' : 'fail', result: r };
    }
    const r = runFresh ? byId(run.value.results, goal.id) : structural?.text === text ? byId(structural.value, goal.id) : null;
    // While a new structural check is on its way, the previous verdict stands (no flicker on every key).
    const shown = r ?? byId(structural?.value, goal.id);
    return { goal, behavioural, state: !shown ? 'unchecked' : shown.pass ? 'pass' : 'fail', result: shown };
  });
}

/** How many goals pass, and whether that is all of them. */
export function tally(views: readonly GoalView[]): { met: number; total: number; all: boolean } {
  const met = views.filter((v) => v.state === 'pass').length;
  return { met, total: views.length, all: views.length > 0 && met === views.length };
}

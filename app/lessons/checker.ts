/**
 * Checks a lesson's goals while the learner works: the structural goals a moment after each edit, all of them when
 * the learner runs the lesson. Each answer is filed under the text it judged; progress follows what the current text
 * earns, and the first check that passes every goal finishes the lesson.
 */
import type { StoreApi } from 'zustand/vanilla';
import type { EngineClient } from '../engine/client.ts';
import { latestWins, SUPERSEDED } from '../engine/latestWins.ts';
import type { AppStore } from '../state/store.ts';
import type { Lesson } from '../../lessons/index.ts';
import { goalViews, tally } from './goalStatus.ts';
import type { LessonState } from './lessonStore.ts';
import { checked, statusOf, type Progress } from './progress.ts';
import { lessonWorkspaceId } from './route.ts';

/** Structural checks wait for typing to pause this long: a few milliseconds each, but one per key is waste. */
export const CHECK_SETTLE_MS = 150;

export interface CheckerDeps {
  app: AppStore;
  lessons: StoreApi<LessonState>;
  client: Pick<EngineClient, 'evaluateLesson'>;
  now(): number;
  /** Keeps progress (the store already holds it). */
  saveProgress(progress: Progress): void;
}

export interface Checker {
  /** Runs the lesson's simulation on the current text and judges every goal. */
  run(): Promise<void>;
  stop(): void;
}

/**
 * Starts checking `lesson` against the app's text, whenever the lesson's own workspace is the open one.
 * @example const checker = watchLesson(lesson, deps); await checker.run(); checker.stop();
 */
export function watchLesson(lesson: Lesson, d: CheckerDeps): Checker {
  const goals = { goals: lesson.goals, run: lesson.run };
  const mine = () => d.app.getState().workspace.id === lessonWorkspaceId(lesson.id);
  const structural = latestWins((text: string) => d.client.evaluateLesson(text, goals, { behavioural: false }));
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  /** Progress for the current text, from whatever checks it has; acknowledges a first finish. */
  const record = () => {
    const s = d.lessons.getState();
    const text = d.app.getState().text;
    const views = goalViews(lesson.goals, text, s.structural[lesson.id] ?? null, s.runs[lesson.id] ?? null);
    const { met, total } = tally(views);
    const before = s.progress[lesson.id];
    const progress = checked(s.progress, lesson.id, met, total, d.now());
    const after = progress[lesson.id]!;
    if (before && before.status === after.status && before.goalsMet === after.goalsMet && before.goalsTotal === after.goalsTotal) return;
    const finished = statusOf(s.progress, lesson.id) !== 'done' && after.status === 'done';
    d.lessons.setState({ progress, ...(finished ? { finished: lesson.id } : {}) });
    d.saveProgress(progress);
  };

  const fail = (e: unknown) => d.lessons.setState({ error: `The goals could not be checked: ${e instanceof Error ? e.message : String(e)}` });

  const checkStructure = async () => {
    timer = undefined;
    if (stopped || !mine()) return;
    const text = d.app.getState().text;
    try {
      const answer = await structural(text);
      if (stopped || answer === SUPERSEDED) return;
      // Nothing could be checked: the text does not parse. As the canvas keeps the last good drawing, the goals keep
      // their last verdicts (the error banner says what is wrong), instead of all turning red mid-word.
      if (answer.results.every((r) => !r.ran)) return;
      d.lessons.setState((s) => ({ error: null, structural: { ...s.structural, [lesson.id]: { lessonId: lesson.id, text, value: answer.results } } }));
      if (d.app.getState().text === text) record();
    } catch (e) {
      if (!stopped) fail(e);
    }
  };

  const schedule = (delay: number) => {
    clearTimeout(timer);
    timer = setTimeout(() => void checkStructure(), delay);
  };
  const unsubscribe = d.app.subscribe((s, prev) => {
    if (s.workspace.id !== prev.workspace.id) schedule(0);
    else if (s.text !== prev.text) schedule(CHECK_SETTLE_MS);
  });
  d.lessons.setState({ active: lesson.id, error: null });
  schedule(0);

  return {
    async run() {
      if (stopped || !mine() || d.lessons.getState().running === lesson.id) return;
      const text = d.app.getState().text;
      d.lessons.setState({ running: lesson.id, error: null });
      try {
        const evaluation = await d.client.evaluateLesson(text, goals, { behavioural: true });
        if (stopped) return;
        d.lessons.setState((s) => ({ runs: { ...s.runs, [lesson.id]: { lessonId: lesson.id, text, value: evaluation } } }));
        if (d.app.getState().text === text) record();
      } catch (e) {
        if (!stopped) fail(e);
      } finally {
        if (d.lessons.getState().running === lesson.id) d.lessons.setState({ running: null });
      }
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
      unsubscribe();
      if (d.lessons.getState().active === lesson.id) d.lessons.setState({ active: null, running: null });
    },
  };
}

/**
 * The lessons' view state, in a store of its own: the learner's progress, and for each lesson the newest structural
 * check and the last run. The worker's answers are kept per lesson, so coming back to a lesson shows what its last
 * run found.
 */
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { GoalResult, LessonEvaluation } from '../../engine/index.ts';
import type { Checked } from './goalStatus.ts';
import type { Progress } from './progress.ts';

export interface LessonState {
  progress: Progress;
  /** False when progress is kept in memory only (the browser refuses storage). */
  progressDurable: boolean;
  /** The lesson whose workspace is open and whose goals are being checked. */
  active: string | null;
  structural: Record<string, Checked<GoalResult[]>>;
  runs: Record<string, Checked<LessonEvaluation>>;
  /** The lesson whose run is under way. */
  running: string | null;
  /** A check that could not be made (the worker failed), in words. */
  error: string | null;
  /** The lesson a check has just finished, for the acknowledgement (cleared when it is dismissed). */
  finished: string | null;
  /** What the lesson panel shows above its goals: the reading, or the inspector of what is selected. */
  tab: 'reading' | 'inspector';
}

export function createLessonStore(): StoreApi<LessonState> {
  return createStore<LessonState>()(() => ({
    progress: {},
    progressDurable: true,
    active: null,
    structural: {},
    runs: {},
    running: null,
    error: null,
    finished: null,
    tab: 'reading',
  }));
}

export const lessonStore = createLessonStore();

/** Subscribes a component to the part of the lessons' state `selector` picks. */
export function useLessons<T>(selector: (s: LessonState) => T): T {
  return useStore(lessonStore, selector);
}

/**
 * A learner's progress through the lessons, as data: where each lesson stands, and the file it is exported to and
 * imported from. Pure functions, so the rules (a lesson once done stays done; a bad file changes nothing) are tested
 * without a browser.
 */

export type LessonStatus = 'not-started' | 'in-progress' | 'done';

export interface LessonProgress {
  status: Exclude<LessonStatus, 'not-started'>;
  /** Goals passing at the last check, and how many the lesson has. */
  goalsMet: number;
  goalsTotal: number;
  /** Hints revealed so far (they stay revealed). */
  hintsShown: number;
  /** Wall-clock milliseconds: when the lesson was first opened, and first finished. */
  startedAt: number;
  doneAt?: number;
}

/** Progress by lesson id; a lesson not in it is not started. */
export type Progress = Record<string, LessonProgress>;

const RANK: Record<LessonStatus, number> = { 'not-started': 0, 'in-progress': 1, done: 2 };

/** A lesson's status in `progress`. */
export function statusOf(progress: Progress, lessonId: string): LessonStatus {
  return progress[lessonId]?.status ?? 'not-started';
}

/** Marks a lesson opened (no change if it was already). */
export function started(progress: Progress, lessonId: string, goalsTotal: number, now: number): Progress {
  if (progress[lessonId]) return progress;
  return { ...progress, [lessonId]: { status: 'in-progress', goalsMet: 0, goalsTotal, hintsShown: 0, startedAt: now } };
}

/** Records a check: how many goals pass, and done once all of them do. Done is never taken back. */
export function checked(progress: Progress, lessonId: string, goalsMet: number, goalsTotal: number, now: number): Progress {
  const before = started(progress, lessonId, goalsTotal, now)[lessonId]!;
  const finished = goalsTotal > 0 && goalsMet === goalsTotal;
  const done = before.status === 'done' || finished;
  const next: LessonProgress = {
    ...before,
    status: done ? 'done' : 'in-progress',
    goalsMet,
    goalsTotal,
    ...(done ? { doneAt: before.doneAt ?? now } : {}),
  };
  return { ...progress, [lessonId]: next };
}

/** Records that one more hint is shown (at most `hintsTotal`). */
export function hintShown(progress: Progress, lessonId: string, hintsTotal: number, goalsTotal: number, now: number): Progress {
  const before = started(progress, lessonId, goalsTotal, now)[lessonId]!;
  return { ...progress, [lessonId]: { ...before, hintsShown: Math.min(hintsTotal, before.hintsShown + 1) } };
}

/**
 * Folds imported progress into the learner's: for each lesson the further status wins, and the more hints shown.
 * @example mergeProgress({ a: inProgress }, { a: done }).a.status // 'done'
 */
export function mergeProgress(mine: Progress, theirs: Progress): Progress {
  const out: Progress = { ...mine };
  for (const [id, t] of Object.entries(theirs)) {
    const m = out[id];
    if (!m) {
      out[id] = t;
      continue;
    }
    const further = RANK[t.status] > RANK[m.status] ? t : m;
    out[id] = {
      ...further,
      hintsShown: Math.max(m.hintsShown, t.hintsShown),
      startedAt: Math.min(m.startedAt, t.startedAt),
      ...(m.doneAt !== undefined || t.doneAt !== undefined ? { doneAt: Math.min(m.doneAt ?? Infinity, t.doneAt ?? Infinity) } : {}),
    };
  }
  return out;
}

/**
 * The progress file: what "Export progress" writes and "Import progress" reads. Versioned, so a later EventLab can
 * read an older file; read strictly, so a file that is not one is refused with the reason, before anything changes.
 */
import type { LessonProgress, Progress } from './progress.ts';

export const PROGRESS_FORMAT = 'eventlab-progress';
export const PROGRESS_VERSION = 1;
/** No real progress file comes near it; a larger file is something else. */
export const PROGRESS_BYTES_MAX = 1_000_000;

/** The file's text for `progress`, exported at `now` (wall-clock milliseconds). */
export function writeProgressFile(progress: Progress, now: number): string {
  const file = { format: PROGRESS_FORMAT, version: PROGRESS_VERSION, exportedAt: new Date(now).toISOString(), lessons: progress };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export type ReadProgress =
  | { ok: true; progress: Progress; skipped: string[] }
  | { ok: false; reason: string };

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const count = (x: unknown) => typeof x === 'number' && Number.isInteger(x) && x >= 0;
const time = (x: unknown) => typeof x === 'number' && Number.isFinite(x) && x >= 0;

/** Why one lesson's entry is unreadable, or null when it is fine. */
function entryProblem(e: unknown): string | null {
  if (!isObject(e)) return 'is not an object';
  if (e.status !== 'in-progress' && e.status !== 'done') return `has status ${JSON.stringify(e.status)}, not "in-progress" or "done"`;
  for (const k of ['goalsMet', 'goalsTotal', 'hintsShown'] as const) if (!count(e[k])) return `has no whole number ${k}`;
  if (!time(e.startedAt)) return 'has no startedAt time';
  if (e.doneAt !== undefined && !time(e.doneAt)) return 'has a doneAt that is not a time';
  if (e.status === 'done' && e.doneAt === undefined) return 'is done but has no doneAt time';
  return null;
}

/**
 * Reads a progress file; entries for lessons not in `known` are skipped (a newer EventLab's lessons) and named.
 * @example readProgressFile('{}', 'p.json', ids) // { ok: false, reason: 'p.json is not an EventLab progress file …' }
 */
export function readProgressFile(text: string, fileName: string, known: ReadonlySet<string>): ReadProgress {
  if (text.length > PROGRESS_BYTES_MAX) return { ok: false, reason: `${fileName} is too large to be a progress file.` };
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { ok: false, reason: `${fileName} is not JSON (${(e as Error).message}).` };
  }
  if (!isObject(data) || data.format !== PROGRESS_FORMAT) {
    return { ok: false, reason: `${fileName} is not an EventLab progress file: it has no "format": "${PROGRESS_FORMAT}".` };
  }
  if (typeof data.version !== 'number' || data.version > PROGRESS_VERSION || data.version < 1) {
    return { ok: false, reason: `${fileName} is a progress file of version ${String(data.version)}; this EventLab reads version ${PROGRESS_VERSION}.` };
  }
  if (!isObject(data.lessons)) return { ok: false, reason: `${fileName} has no "lessons" object.` };
  const progress: Progress = {};
  const skipped: string[] = [];
  for (const [id, entry] of Object.entries(data.lessons)) {
    const problem = entryProblem(entry);
    if (problem) return { ok: false, reason: `${fileName}: lesson ${id} ${problem}.` };
    if (!known.has(id)) skipped.push(id);
    else progress[id] = pick(entry as LessonProgress);
  }
  return { ok: true, progress, skipped };
}

/** One lesson's progress as the database holds it, checked like an imported entry; null when it is not one. */
export function readProgressEntry(value: unknown): LessonProgress | null {
  return entryProblem(value) === null ? pick(value as LessonProgress) : null;
}

/** Only the fields this version knows, so nothing unexpected reaches the database. */
function pick(e: LessonProgress): LessonProgress {
  const { status, goalsMet, goalsTotal, hintsShown, startedAt, doneAt } = e;
  return { status, goalsMet, goalsTotal, hintsShown, startedAt, ...(doneAt !== undefined ? { doneAt } : {}) };
}

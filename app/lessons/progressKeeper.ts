/**
 * Progress between the store and the database, and through files: export writes the learner's progress to a JSON
 * file; import reads one, refuses a bad one with the reason (changing nothing), and merges a good one in.
 */
import { LESSONS } from '../../lessons/index.ts';
import { download } from '../persistence/download.ts';
import { lessonStore } from './lessonStore.ts';
import { mergeProgress, type Progress } from './progress.ts';
import { openProgressDb, type ProgressDb } from './progressDb.ts';
import { readProgressFile, writeProgressFile } from './progressFile.ts';

let db: ProgressDb | null = null;

/** Opens the database and puts what it holds in the store. */
export async function loadProgress(): Promise<void> {
  db = await openProgressDb();
  const stored = await db.load();
  lessonStore.setState((s) => ({ progress: mergeProgress(stored, s.progress), progressDurable: db!.durable }));
}

/** Keeps `progress` (already in the store); a failed write is said, not thrown. */
export function saveProgress(progress: Progress): void {
  db?.save(progress).catch((e: unknown) => lessonStore.setState({ error: `Progress could not be saved: ${String(e)}` }));
}

/** Offers the learner's progress as `eventlab-progress.json`. */
export function exportProgress(): void {
  const text = writeProgressFile(lessonStore.getState().progress, Date.now());
  download('eventlab-progress.json', new Blob([text], { type: 'application/json' }));
}

/** The outcome of an import, in words for the learner. */
export type ImportOutcome = { ok: true; message: string } | { ok: false; message: string };

/** Reads a progress file and merges it in; a file that is not one changes nothing. */
export async function importProgress(file: File): Promise<ImportOutcome> {
  const known = new Set(LESSONS.map((l) => l.id));
  const read = readProgressFile(await file.text(), file.name, known);
  if (!read.ok) return { ok: false, message: `${read.reason} Your progress is unchanged.` };
  const progress = mergeProgress(lessonStore.getState().progress, read.progress);
  lessonStore.setState({ progress });
  saveProgress(progress);
  const entries = Object.values(read.progress);
  const done = entries.filter((p) => p.status === 'done').length;
  const skipped = read.skipped.length > 0 ? ` ${read.skipped.length} lesson${read.skipped.length === 1 ? '' : 's'} this EventLab does not have (${read.skipped.join(', ')}) were skipped.` : '';
  return { ok: true, message: `Imported ${file.name}: ${done} done, ${entries.length - done} in progress.${skipped}` };
}

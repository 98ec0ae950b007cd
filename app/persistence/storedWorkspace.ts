/**
 * What a stored workspace must look like, checked on every read. IndexedDB hands back whatever was written there (by
 * this version, an older one, another tab, or a hand in the devtools), and one bad record must never take the app
 * down: a record that fails here is set aside, never used.
 */
import type { Pinned } from '../../engine/index.ts';

export interface StoredWorkspace {
  id: string;
  name: string;
  text: string;
  positions: Pinned;
  /** Wall-clock milliseconds of the last save, for "most recently changed first". */
  updatedAt: number;
  /** Counts saves. A save names the version it started from, so a change made in another tab is never overwritten
   * unseen. Records from before versions existed read as 0. */
  version: number;
  /** Which page load wrote this version: a tab may always overwrite its own writes (they are older than its text). */
  writer: string;
}

/** A workspace as a save hands it over; the database gives it its version and writer. */
export type WorkspaceDraft = Omit<StoredWorkspace, 'version' | 'writer'>;

/** Texts longer than this are not something a learner wrote (the importer stops at 2 MB, too). */
export const STORED_TEXT_CHARS_MAX = 4_000_000;

export type ReadWorkspace = { ok: true; workspace: StoredWorkspace } | { ok: false; reason: string };

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** The positions that are points. The rest are dropped rather than the workspace: a node without one is laid out
 * automatically, and the text, which is what the learner wrote, stays usable. */
function points(positions: unknown): Pinned {
  const kept: Pinned = {};
  if (!isObject(positions)) return kept;
  for (const [id, p] of Object.entries(positions)) {
    // An own "__proto__" key (JSON and structured clone both make one) would set the object's prototype instead.
    if (id !== '__proto__' && isObject(p) && finite(p.x) && finite(p.y)) kept[id] = { x: p.x, y: p.y };
  }
  return kept;
}

/** Why `value` is not a stored workspace, in words for the learner, or null when it is one. */
function problem(value: unknown): string | null {
  if (!isObject(value)) return 'it is not a workspace record';
  if (typeof value.id !== 'string' || value.id === '') return 'it has no id';
  if (typeof value.name !== 'string') return 'its name is not text';
  if (typeof value.text !== 'string') return 'its text is not text';
  if (value.text.length > STORED_TEXT_CHARS_MAX) return 'its text is far larger than any topology';
  if (!finite(value.updatedAt)) return 'it has no time of change';
  if (value.version !== undefined && !(Number.isInteger(value.version) && (value.version as number) >= 0)) {
    return 'its version is not a count';
  }
  if (value.writer !== undefined && typeof value.writer !== 'string') return 'its writer is not text';
  return null;
}

/**
 * Checks a value read from storage. A good one comes back with only the fields this version knows, only the
 * positions that are points, and a version and writer for records saved before there were any, so nothing
 * unexpected travels further.
 * @example readStoredWorkspace({ id: 'w', name: 'W', text: 42 }) // { ok: false, reason: 'its text is not text' }
 */
export function readStoredWorkspace(value: unknown): ReadWorkspace {
  const why = problem(value);
  if (why !== null) return { ok: false, reason: why };
  const v = value as StoredWorkspace;
  return {
    ok: true,
    workspace: {
      id: v.id,
      name: v.name,
      text: v.text,
      positions: points(v.positions),
      updatedAt: v.updatedAt,
      version: v.version ?? 0,
      writer: v.writer ?? '',
    },
  };
}

/** The name a damaged record seems to have, for telling the learner which one it was. */
export function nameOfDamaged(value: unknown): string | null {
  return isObject(value) && typeof value.name === 'string' && value.name.trim() !== '' ? value.name.slice(0, 80) : null;
}

/** An edit kept aside by a page as it went away (see db.ts `stash`), to be saved at the next visit. */
export interface Stash {
  draft: WorkspaceDraft;
  /** The version the edit builds on, and who made it: it goes in only if nothing newer was stored meanwhile. */
  base: number | null;
  writer: string;
  at: number;
}

/** Checks a stash read from storage: its draft like a workspace, its base and writer like a record's. */
export function readStash(value: unknown): Stash | null {
  if (!isObject(value) || typeof value.writer !== 'string' || !finite(value.at)) return null;
  if (value.base !== null && !(Number.isInteger(value.base) && (value.base as number) >= 0)) return null;
  const read = readStoredWorkspace(value.draft);
  if (!read.ok) return null;
  const { version: _version, writer: _writer, ...draft } = read.workspace;
  return { draft, base: value.base as number | null, writer: value.writer, at: value.at };
}

/**
 * Where progress is kept: an IndexedDB database of its own (one row per lesson), so the lessons never migrate the
 * workspaces' database; memory when the browser keeps nothing, and in tests.
 */
import type { Progress } from './progress.ts';
import { readProgressEntry } from './progressFile.ts';

export interface ProgressDb {
  /** False when progress will not survive a reload. */
  readonly durable: boolean;
  load(): Promise<Progress>;
  /** Writes the rows of `progress` that differ from what is stored (all of them after an import). */
  save(progress: Progress): Promise<void>;
}

/** A progress store that forgets everything on reload. */
export function memoryProgressDb(): ProgressDb {
  let rows: Progress = {};
  return {
    durable: false,
    load: async () => structuredClone(rows),
    save: async (p) => void (rows = structuredClone(p)),
  };
}

const DB_NAME = 'eventlab-lessons';
const STORE = 'progress';

/** Opens the progress database, or memory when IndexedDB is missing or refuses. */
export async function openProgressDb(): Promise<ProgressDb> {
  if (typeof indexedDB === 'undefined') return memoryProgressDb();
  try {
    return idbProgress(await open());
  } catch {
    return memoryProgressDb();
  }
}

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => {
      if (!request.result.objectStoreNames.contains(STORE)) request.result.createObjectStore(STORE);
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
    request.onblocked = () => reject(new Error('IndexedDB is blocked by another tab'));
  });
}

function idbProgress(db: IDBDatabase): ProgressDb {
  let stored: Progress = {};
  const transact = (mode: IDBTransactionMode, op: (s: IDBObjectStore) => void) =>
    new Promise<void>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      op(tx.objectStore(STORE));
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  return {
    durable: true,
    async load() {
      const rows: Progress = {};
      await transact('readonly', (s) => {
        const cursor = s.openCursor();
        cursor.onsuccess = () => {
          const c = cursor.result;
          if (!c) return;
          // Checked like an imported file: a row that is not progress is skipped (and replaced at that lesson's
          // next change) rather than shown, or breaking the lessons page.
          const entry = readProgressEntry(c.value);
          if (entry && typeof c.key === 'string') rows[c.key] = entry;
          c.continue();
        };
      });
      // Handed out as is: progress is replaced, never mutated, so `save` can tell changed rows by identity.
      stored = rows;
      return rows;
    },
    async save(progress) {
      const changed = Object.entries(progress).filter(([id, p]) => stored[id] !== p);
      if (changed.length === 0) return;
      await transact('readwrite', (s) => {
        for (const [id, p] of changed) s.put(p, id);
      });
      stored = { ...stored, ...Object.fromEntries(changed) };
    },
  };
}

/**
 * Where workspaces are kept, and the two rules every read and write follows. Each record read is checked
 * (storedWorkspace.ts): a bad one is set aside, never used and never deleted. Each save names the version its tab
 * last saw, and writes only if that is still the stored one (or the tab's own write), so two tabs on one workspace
 * never overwrite each other unseen. IndexedDB in the browser; memory when it refuses storage, and in tests.
 */
import type { WorkspaceMeta } from '../state/types.ts';
import { idbRawStore, openIdb } from './idbRawStore.ts';
import { memoryRawStore, type MemoryOptions, type RawStore, type RawTx, type RowKey, type StoreName } from './rawStore.ts';
import { nameOfDamaged, readStash, readStoredWorkspace, type StoredWorkspace, type WorkspaceDraft } from './storedWorkspace.ts';

export type { StoredWorkspace, WorkspaceDraft };

/** A stashed edit that could not go in place (its workspace changed since); `key` drops it once kept elsewhere. */
export interface Unrestored {
  key: string;
  draft: WorkspaceDraft;
}

/** A record that failed its check, moved from the workspaces to the meta store (under `set-aside:…`) as it was. */
export interface SetAside {
  key: string;
  /** The name it seems to have, if any, to tell the learner which one it was. */
  name: string | null;
  reason: string;
  value: unknown;
  at: number;
}

export type SaveResult =
  | { kind: 'saved'; workspace: StoredWorkspace }
  /** Another tab saved a version this one has not seen; nothing was written. */
  | { kind: 'conflict'; theirs: StoredWorkspace };

export interface WorkspaceDb {
  /** False when work will not survive a reload (no IndexedDB). */
  readonly durable: boolean;
  /** Who this database writes as: one id per page load. */
  readonly writer: string;
  /** Every good workspace, most recently changed first. */
  list(): Promise<WorkspaceMeta[]>;
  get(id: string): Promise<StoredWorkspace | undefined>;
  /** Writes `draft` as the next version if the stored one is still `base` (null: there is none yet) or this tab's own. */
  save(draft: WorkspaceDraft, base: number | null): Promise<SaveResult>;
  delete(id: string): Promise<void>;
  /** The workspace that was open last. */
  currentId(): Promise<string | undefined>;
  setCurrentId(id: string): Promise<void>;
  /** The records set aside since the last call. */
  takeSetAside(): SetAside[];
  /**
   * Keeps `draft` aside at once, for a page going away: a save reads the stored version before it writes, and an
   * unloading page's reads never answer, so this writes without reading and never touches a workspace. The next
   * save of the same workspace by this page drops it; otherwise `restoreStashes` brings it back at the next visit.
   */
  stash(draft: WorkspaceDraft, base: number | null): Promise<void>;
  /** Saves each stashed edit whose workspace has not changed since (by anyone else); returns the others. */
  restoreStashes(): Promise<Unrestored[]>;
  dropStash(key: string): Promise<void>;
}

export interface DbOptions {
  writer?: string;
  now?: () => number;
}

const stashKey = (writer: string, id: string) => `stash:${writer}:${id}`;
const newestFirst = (a: WorkspaceMeta, b: WorkspaceMeta) => b.updatedAt - a.updatedAt;
const meta = ({ id, name, updatedAt }: WorkspaceMeta): WorkspaceMeta => ({ id, name, updatedAt });

export function workspaceDb(raw: RawStore, { writer = crypto.randomUUID(), now = Date.now }: DbOptions = {}): WorkspaceDb {
  const setAside: SetAside[] = [];

  /** Moves a bad row aside inside `tx`; the caller reports it once the transaction has committed. */
  const moveAside = (tx: RawTx, store: StoreName, key: RowKey, value: unknown, reason: string): SetAside => {
    const entry: SetAside = { key: String(key), name: nameOfDamaged(value), reason, value, at: now() };
    tx.put('meta', entry, `set-aside:${entry.at}:${entry.key}`);
    tx.delete(store, key);
    return entry;
  };

  /** Inside `tx`, with `value` the stored row of `draft.id`: writes `draft` as the next version by `by` if the
   * stored one is still `base` or `by`'s own; a malformed row is moved aside first. */
  const writeIfCurrent = (tx: RawTx, draft: WorkspaceDraft, base: number | null, by: string, value: unknown, moved: SetAside[]): SaveResult => {
    const read = value === undefined ? undefined : readStoredWorkspace(value);
    if (read && !read.ok) moved.push(moveAside(tx, 'workspaces', draft.id, value, read.reason));
    const stored = read?.ok ? read.workspace : undefined;
    if (stored && stored.version !== base && stored.writer !== by) return { kind: 'conflict', theirs: stored };
    // Versions only grow, even past a deleted record, so an old base never matches a newer write by chance.
    const workspace: StoredWorkspace = { ...draft, version: Math.max(stored?.version ?? 0, base ?? 0) + 1, writer: by };
    tx.put('workspaces', workspace);
    return { kind: 'saved', workspace };
  };

  /** Sets these rows aside, each checked again inside the transaction (another tab may have fixed it meanwhile). */
  const quarantine = async (keys: RowKey[]) => {
    const moved: SetAside[] = [];
    try {
      await raw.transact('readwrite', (tx) => {
        for (const key of keys) {
          tx.get('workspaces', key, (value) => {
            const read = readStoredWorkspace(value);
            if (value !== undefined && !read.ok) moved.push(moveAside(tx, 'workspaces', key, value, read.reason));
          });
        }
      });
    } catch {
      // The move failed (a full disk): the rows stay where they are, still unused, and are tried again next read.
    }
    setAside.push(...moved);
  };

  const readOne = async (key: RowKey) => {
    let value: unknown;
    await raw.transact('readonly', (tx) => tx.get('workspaces', key, (v) => (value = v)));
    if (value === undefined) return undefined;
    const read = readStoredWorkspace(value);
    if (read.ok) return read.workspace;
    await quarantine([key]);
    return undefined;
  };

  return {
    durable: raw.durable,
    writer,

    async list() {
      let rows: [RowKey, unknown][] = [];
      await raw.transact('readonly', (tx) => tx.rows('workspaces', (r) => (rows = r)));
      const good: WorkspaceMeta[] = [];
      const bad: RowKey[] = [];
      for (const [key, value] of rows) {
        const read = readStoredWorkspace(value);
        if (read.ok) good.push(meta(read.workspace));
        else bad.push(key);
      }
      if (bad.length > 0) await quarantine(bad);
      return good.sort(newestFirst);
    },

    get: (id) => readOne(id),

    async save(draft, base) {
      let result: SaveResult | undefined;
      const moved: SetAside[] = [];
      await raw.transact('readwrite', (tx) =>
        tx.get('workspaces', draft.id, (value) => {
          result = writeIfCurrent(tx, draft, base, writer, value, moved);
          if (result.kind === 'saved') tx.delete('meta', stashKey(writer, draft.id));
        }),
      );
      setAside.push(...moved);
      return result!;
    },

    stash: (draft, base) =>
      raw.transact('readwrite', (tx) => tx.put('meta', { draft, base, writer, at: now() }, stashKey(writer, draft.id)), { commitNow: true }),

    async restoreStashes() {
      let keys: RowKey[] = [];
      await raw.transact('readonly', (tx) => tx.rows('meta', (rows) => (keys = rows.map(([k]) => k).filter((k) => String(k).startsWith('stash:')))));
      const unrestored: Unrestored[] = [];
      const moved: SetAside[] = [];
      for (const key of keys) {
        // One transaction per stash, read again inside it: two tabs opening at once restore it once.
        await raw.transact('readwrite', (tx) =>
          tx.get('meta', key, (value) => {
            const stash = readStash(value);
            if (!stash) {
              if (value !== undefined) moved.push(moveAside(tx, 'meta', key, value, 'it is not an edit EventLab kept'));
              return;
            }
            tx.get('workspaces', stash.draft.id, (stored) => {
              // Written as the page that made the edit: if that page is still open after all, it stays the writer.
              const result = writeIfCurrent(tx, stash.draft, stash.base, stash.writer, stored, moved);
              if (result.kind === 'saved') tx.delete('meta', key);
              else unrestored.push({ key: String(key), draft: stash.draft });
            });
          }),
        );
      }
      setAside.push(...moved);
      return unrestored;
    },

    dropStash: (key) => raw.transact('readwrite', (tx) => tx.delete('meta', key)),

    delete: (id) => raw.transact('readwrite', (tx) => tx.delete('workspaces', id)),

    async currentId() {
      let value: unknown;
      await raw.transact('readonly', (tx) => tx.get('meta', 'current', (v) => (value = v)));
      return typeof value === 'string' && value !== '' ? value : undefined;
    },

    setCurrentId: (id) => raw.transact('readwrite', (tx) => tx.put('meta', id, 'current')),

    takeSetAside: () => setAside.splice(0),
  };
}

/** A database that forgets everything on reload. */
export function memoryDb(options: MemoryOptions & DbOptions = {}): WorkspaceDb {
  return workspaceDb(memoryRawStore(options), options);
}

/** Opens the IndexedDB database, falling back to memory when IndexedDB is missing or refuses to open. */
export async function openWorkspaceDb(): Promise<WorkspaceDb> {
  if (typeof indexedDB === 'undefined') return memoryDb();
  try {
    return workspaceDb(idbRawStore(await openIdb()));
  } catch {
    return memoryDb();
  }
}

/**
 * Where workspaces are kept: IndexedDB in the browser, or memory when the browser refuses storage (private modes)
 * and in tests.
 */
import type { Pinned } from '../../engine/index.ts';
import type { WorkspaceMeta } from '../state/types.ts';

export interface StoredWorkspace extends WorkspaceMeta {
  text: string;
  positions: Pinned;
}

export interface WorkspaceDb {
  /** False when work will not survive a reload (no IndexedDB). */
  readonly durable: boolean;
  /** Every workspace, most recently changed first. */
  list(): Promise<WorkspaceMeta[]>;
  get(id: string): Promise<StoredWorkspace | undefined>;
  put(workspace: StoredWorkspace): Promise<void>;
  delete(id: string): Promise<void>;
  /** The workspace that was open last. */
  currentId(): Promise<string | undefined>;
  setCurrentId(id: string): Promise<void>;
}

const newestFirst = (a: WorkspaceMeta, b: WorkspaceMeta) => b.updatedAt - a.updatedAt;
const meta = ({ id, name, updatedAt }: WorkspaceMeta): WorkspaceMeta => ({ id, name, updatedAt });

/** A database that forgets everything on reload. */
export function memoryDb(): WorkspaceDb {
  const rows = new Map<string, StoredWorkspace>();
  let current: string | undefined;
  return {
    durable: false,
    list: async () => [...rows.values()].map(meta).sort(newestFirst),
    get: async (id) => structuredClone(rows.get(id)),
    put: async (w) => void rows.set(w.id, structuredClone(w)),
    delete: async (id) => void rows.delete(id),
    currentId: async () => current,
    setCurrentId: async (id) => void (current = id),
  };
}

const DB_NAME = 'eventlab';
const DB_VERSION = 1;

/** Opens the IndexedDB database, falling back to memory when IndexedDB is missing or refuses to open. */
export async function openWorkspaceDb(): Promise<WorkspaceDb> {
  if (typeof indexedDB === 'undefined') return memoryDb();
  try {
    return idbWorkspaces(await openIdb());
  } catch {
    return memoryDb();
  }
}

function openIdb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, DB_VERSION);
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains('workspaces')) db.createObjectStore('workspaces', { keyPath: 'id' });
      if (!db.objectStoreNames.contains('meta')) db.createObjectStore('meta');
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
    request.onblocked = () => reject(new Error('IndexedDB is blocked by another tab'));
  });
}

function idbWorkspaces(db: IDBDatabase): WorkspaceDb {
  const run = <T>(store: string, mode: IDBTransactionMode, op: (s: IDBObjectStore) => IDBRequest<T>) =>
    new Promise<T>((resolve, reject) => {
      const tx = db.transaction(store, mode);
      const request = op(tx.objectStore(store));
      tx.oncomplete = () => resolve(request.result);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  return {
    durable: true,
    list: async () => (await run<StoredWorkspace[]>('workspaces', 'readonly', (s) => s.getAll())).map(meta).sort(newestFirst),
    get: (id) => run<StoredWorkspace | undefined>('workspaces', 'readonly', (s) => s.get(id)),
    put: async (w) => void (await run('workspaces', 'readwrite', (s) => s.put(w))),
    delete: async (id) => void (await run('workspaces', 'readwrite', (s) => s.delete(id))),
    currentId: async () => (await run<unknown>('meta', 'readonly', (s) => s.get('current'))) as string | undefined,
    setCurrentId: async (id) => void (await run('meta', 'readwrite', (s) => s.put(id, 'current'))),
  };
}

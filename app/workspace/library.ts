/**
 * Workspaces: open, create, rename, delete, autosave, and what a visit starts with (a share link, the last
 * workspace, or on a first visit the practice template). Nothing here overwrites a workspace it did not open.
 */
import { practiceTemplate } from '../examples/index.ts';
import type { StoredWorkspace, WorkspaceDb } from '../persistence/db.ts';
import { isShareHash } from '../persistence/shareHash.ts';
import type { AppState, AppStore } from '../state/store.ts';

/** Autosave waits this long after the last change. */
export const AUTOSAVE_DELAY_MS = 400;

export interface LibraryDeps {
  now(): number;
  newId(): string;
}

export type BootOutcome = 'shared' | 'restored' | 'first-visit';

export interface Library {
  /** Opens what this visit should show; `hash` is the URL's hash (a share link or nothing). */
  boot(hash: string): Promise<BootOutcome>;
  /** Opens a share link in a new workspace, or says why it is damaged; `none` when `hash` is no share link. */
  openShared(hash: string): Promise<'none' | 'shared' | 'damaged'>;
  create(name: string, text: string): Promise<string>;
  open(id: string): Promise<void>;
  /** Opens the workspace with this id, or creates it with `name` and `text` (a lesson's own workspace). */
  openOrCreate(id: string, name: string, text: string): Promise<void>;
  rename(name: string): Promise<void>;
  remove(id: string): Promise<void>;
  /** Saves the open workspace now if it has unsaved changes. */
  flush(): Promise<void>;
  /** Starts saving after each change; returns the function that stops it. */
  startAutosave(): () => void;
}

const saved = (s: AppState, now: number): StoredWorkspace => ({
  id: s.workspace.id,
  name: s.workspace.name,
  text: s.text,
  positions: s.positions,
  updatedAt: now,
});

export function createLibrary(
  store: AppStore,
  db: WorkspaceDb,
  deps: LibraryDeps = { now: () => Date.now(), newId: () => crypto.randomUUID() },
): Library {
  let dirty = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const state = () => store.getState();

  const refresh = async () => state().setLibrary(await db.list());

  const flush = async () => {
    clearTimeout(timer);
    if (!dirty || !state().workspace.id) return;
    dirty = false;
    await db.put(saved(state(), deps.now()));
    if (!dirty) state().setSaveStatus(db.durable ? 'saved' : 'memory');
    await refresh();
  };

  const show = async (w: StoredWorkspace) => {
    state().openWorkspace({ id: w.id, name: w.name }, { text: w.text, positions: w.positions });
    await db.setCurrentId(w.id);
    state().setSaveStatus(db.durable ? 'saved' : 'memory');
    await refresh();
  };

  const create = async (name: string, text: string, id = deps.newId()) => {
    await flush();
    const w: StoredWorkspace = { id, name, text, positions: {}, updatedAt: deps.now() };
    await db.put(w);
    await show(w);
    return w.id;
  };

  const open = async (id: string) => {
    if (id === state().workspace.id) return;
    await flush();
    const w = await db.get(id);
    if (w) await show(w);
    else state().setNotice({ tone: 'error', text: 'That workspace is no longer stored.' });
  };

  const openShared = async (hash: string) => {
    if (!isShareHash(hash)) return 'none' as const;
    // The codec (and its deflate) loads only when a visit brings a share link.
    const { decodeShare } = await import('../persistence/share.ts');
    const shared = decodeShare(hash);
    if (shared.kind === 'ok') {
      await create(shared.shared.name ?? 'Shared topology', shared.shared.text);
      return 'shared' as const;
    }
    if (shared.kind === 'damaged') {
      state().setNotice({ tone: 'error', text: `This share link is damaged (${shared.reason}). Nothing was changed.` });
    }
    return shared.kind;
  };

  return {
    create: (name, text) => create(name, text),
    open,
    flush,

    async openOrCreate(id, name, text) {
      if (id === state().workspace.id) return;
      await flush();
      const w = await db.get(id);
      if (w) await show(w);
      else await create(name, text, id);
    },

    openShared,

    async boot(hash) {
      const shared = await openShared(hash);
      if (shared === 'shared') return 'shared';
      if (shared === 'none' && !db.durable) {
        state().setNotice({
          tone: 'info',
          text: 'This browser keeps nothing for this page, so work is lost on reload: use Share or Export to keep it.',
        });
      }
      const currentId = await db.currentId();
      const last = (currentId && (await db.get(currentId))) || undefined;
      const newest = last ?? (await db.list().then((all) => (all[0] ? db.get(all[0].id) : undefined)));
      if (newest) {
        await show(newest);
        return 'restored';
      }
      await create(practiceTemplate.title, practiceTemplate.text);
      return 'first-visit';
    },

    async rename(name) {
      const trimmed = name.trim();
      if (!trimmed || trimmed === state().workspace.name) return;
      state().renameWorkspace(trimmed);
      dirty = true;
      await flush();
    },

    async remove(id) {
      await db.delete(id);
      if (id !== state().workspace.id) return refresh();
      dirty = false;
      const next = (await db.list())[0];
      const w = next && (await db.get(next.id));
      if (w) await show(w);
      else await create('Untitled', 'graph LR\n');
    },

    startAutosave() {
      const changed = (s: AppState, prev: AppState) =>
        s.workspace.id === prev.workspace.id && (s.text !== prev.text || s.positions !== prev.positions);
      const unsubscribe = store.subscribe((s, prev) => {
        if (!changed(s, prev)) return;
        dirty = true;
        if (s.saveStatus !== 'unsaved' && db.durable) s.setSaveStatus('unsaved');
        clearTimeout(timer);
        timer = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
      });
      return () => {
        clearTimeout(timer);
        unsubscribe();
      };
    },
  };
}

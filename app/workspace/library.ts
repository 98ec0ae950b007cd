/**
 * Workspaces: open, create, rename, delete, and what a visit starts with (a share link, the last workspace, or on a
 * first visit the practice template). Saving is the saver's (saver.ts). Nothing here overwrites a workspace it did
 * not open, leaves one whose changes could not be stored, or lets a storage failure stop the app from opening.
 */
import { practiceTemplate } from '../examples/practice.ts';
import type { StoredWorkspace, WorkspaceDb } from '../persistence/db.ts';
import type { SharedRun } from '../persistence/share.ts';
import { isShareHash } from '../persistence/shareHash.ts';
import type { AppStore } from '../state/store.ts';
import { createSaver, describeStorageError, type Saver } from './saver.ts';
import { browserTabChannel, type TabChannel } from './tabChannel.ts';

export { AUTOSAVE_DELAY_MS } from './saver.ts';

export interface LibraryDeps {
  now(): number;
  newId(): string;
  channel: TabChannel;
}

/** What the library hands on that is not a workspace's: the run a share link carries (its seed and faults). */
export interface LibraryHooks {
  openRun?(run: SharedRun): void;
}

export type BootOutcome = 'shared' | 'restored' | 'first-visit' | 'unreadable';

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
  /** Saving, its problems and their ways out. */
  saver: Saver;
  /** Saves the open workspace now if it has unsaved changes. */
  flush(): Promise<void>;
  /** Starts saving after each change and listening to other tabs; returns the function that stops both. */
  startAutosave(): () => void;
}

const defaults = (): LibraryDeps => ({ now: () => Date.now(), newId: () => crypto.randomUUID(), channel: browserTabChannel() });

export function createLibrary(store: AppStore, db: WorkspaceDb, deps: LibraryDeps = defaults(), hooks: LibraryHooks = {}): Library {
  const state = () => store.getState();

  /** Refreshes the switcher's list, and tells the learner of records found malformed on the way. */
  const refresh = async () => {
    state().setLibrary(await db.list().catch(() => state().library));
    const setAside = db.takeSetAside();
    if (setAside.length > 0) state().setSetAside([...state().setAside, ...setAside]);
  };

  const saver = createSaver(store, db, deps.channel, { now: deps.now, afterSave: refresh });

  /** Saves before the open workspace is left; false (and the learner told) when its changes could not be stored. */
  const leave = async () => {
    await saver.flush();
    if (!saver.holdsUnsaved()) return true;
    state().setNotice({ tone: 'error', text: 'This workspace’s changes are not stored yet: resolve the notice above, or export them, first.' });
    return false;
  };

  const show = async (w: StoredWorkspace) => {
    state().openWorkspace({ id: w.id, name: w.name }, { text: w.text, positions: w.positions });
    saver.opened(w);
    await db.setCurrentId(w.id).catch(() => undefined);
    await refresh();
  };

  const create = async (name: string, text: string, id = deps.newId()) => {
    if (!(await leave())) return state().workspace.id;
    const draft = { id, name, text, positions: {}, updatedAt: deps.now() };
    try {
      const result = await db.save(draft, null);
      // Another tab created it first (a lesson's workspace): open that one, never overwrite it.
      await show(result.kind === 'saved' ? result.workspace : result.theirs);
      if (result.kind === 'saved') deps.channel.post({ type: 'saved', id });
    } catch (e) {
      // Not stored, but open and editable: the first save says what is wrong and offers export.
      state().openWorkspace({ id, name }, { text, positions: {} });
      saver.discard();
      saver.touch();
      state().setSaveProblem({ kind: 'failed', reason: describeStorageError(e) });
    }
    return id;
  };

  const openStored = async (id: string) => {
    const w = await db.get(id).catch(() => undefined);
    if (w) await show(w);
    else {
      await refresh();
      state().setNotice({ tone: 'error', text: 'That workspace is no longer stored, or could not be read.' });
    }
  };

  const openShared = async (hash: string) => {
    if (!isShareHash(hash)) return 'none' as const;
    // The codec (and its deflate) loads only when a visit brings a share link.
    const { decodeShare } = await import('../persistence/share.ts');
    const shared = decodeShare(hash);
    if (shared.kind === 'ok') {
      await create(shared.shared.name ?? 'Shared topology', shared.shared.text);
      // After the workspace opened: opening one clears the run settings of the one before.
      if (shared.shared.run) hooks.openRun?.(shared.shared.run);
      return 'shared' as const;
    }
    if (shared.kind === 'damaged') {
      state().setNotice({ tone: 'error', text: `This share link is damaged (${shared.reason}). Nothing was changed.` });
    }
    return shared.kind;
  };

  /** Brings back edits that pages stashed as they went away, when their save did not finish (see leaving.ts). */
  const restoreStashed = async () => {
    for (const { key, draft } of await db.restoreStashes()) {
      // Its workspace was changed since by someone else: the edit is kept as a copy beside it, never over it.
      const copy = { ...draft, id: deps.newId(), name: `${draft.name} (recovered)`, updatedAt: deps.now() };
      if ((await db.save(copy, null)).kind !== 'saved') continue;
      await db.dropStash(key);
      state().setNotice({
        tone: 'info',
        text: `Edits to “${draft.name}” made as a tab closed could not go in place (it had changed since): they are kept as “${copy.name}”.`,
      });
    }
  };

  /** The workspace to open on a visit without a share link: the last one, else the newest; undefined if none. */
  const lastOrNewest = async () => {
    const currentId = await db.currentId();
    const last = currentId ? await db.get(currentId) : undefined;
    if (last) return last;
    for (const w of await db.list()) {
      const stored = await db.get(w.id);
      if (stored) return stored;
    }
    return undefined;
  };

  return {
    create: (name, text) => create(name, text),
    open: async (id) => {
      if (id === state().workspace.id || !(await leave())) return;
      await openStored(id);
    },
    saver,
    flush: () => saver.flush(),

    async openOrCreate(id, name, text) {
      if (id === state().workspace.id || !(await leave())) return;
      const w = await db.get(id).catch(() => undefined);
      if (w) await show(w);
      else await create(name, text, id);
    },

    openShared,

    async boot(hash) {
      // If this fails the stashes stay, for the next visit.
      await restoreStashed().catch(() => undefined);
      const shared = await openShared(hash);
      if (shared === 'shared') return 'shared';
      if (shared === 'none' && !db.durable) {
        state().setNotice({
          tone: 'info',
          text: 'This browser keeps nothing for this page, so work is lost on reload: use Share or Export to keep it.',
        });
      }
      let newest: StoredWorkspace | undefined;
      try {
        newest = await lastOrNewest();
      } catch (e) {
        // The app opens whatever storage does; the practice template is there to work in, and saving will say more.
        state().setNotice({ tone: 'error', text: `Stored workspaces could not be read: ${describeStorageError(e)}.` });
        await create(practiceTemplate.title, practiceTemplate.text);
        return 'unreadable';
      }
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
      saver.touch();
      await saver.flush();
    },

    async remove(id) {
      if (id === state().workspace.id) saver.discard();
      await db.delete(id).catch(() => undefined);
      deps.channel.post({ type: 'deleted', id });
      if (id !== state().workspace.id) return refresh();
      const next = (await db.list().catch(() => []))[0];
      const w = next && (await db.get(next.id).catch(() => undefined));
      if (w) await show(w);
      else await create('Untitled', 'graph LR\n');
    },

    startAutosave() {
      const stopSaving = saver.startAutosave();
      const stopListening = deps.channel.listen((m) => {
        void refresh();
        void saver.otherTabChanged(m.id);
      });
      return () => {
        stopSaving();
        stopListening();
      };
    },
  };
}

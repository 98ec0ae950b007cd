/**
 * Saving the open workspace: after each pause in editing, as the page is left, and on request. A save the browser
 * refuses, or one that would overwrite a version another tab saved, leaves the text where it is (in the store, in
 * the editor) and says so with the way out: export or retry; keep mine or take theirs. Nothing here throws.
 */
import type { SaveResult, StoredWorkspace, WorkspaceDb } from '../persistence/db.ts';
import type { AppState, AppStore } from '../state/store.ts';
import type { TabChannel } from './tabChannel.ts';

/** Autosave waits this long after the last change. */
export const AUTOSAVE_DELAY_MS = 400;

export interface Saver {
  /** The open workspace is now `w`, as stored: the next save starts from its version. */
  opened(w: StoredWorkspace): void;
  /** Forgets unsaved changes of the open workspace (it is being deleted). */
  discard(): void;
  /** The open workspace changed outside the text and positions (a rename): the next flush saves it. */
  touch(): void;
  /** Saves the open workspace now if it has unsaved changes. */
  flush(): Promise<void>;
  /** The same, for a page going away: the changes are first stashed by a write that needs no answer (db.ts). */
  flushLeaving(): Promise<void>;
  /** True while the open workspace has changes that are neither stored nor exported: leaving now would lose them. */
  holdsUnsaved(): boolean;
  retry(): Promise<void>;
  /** Resolves a conflict by storing this tab's version over the other tab's. */
  keepMine(): Promise<void>;
  /** Resolves a conflict by showing the other tab's version; this tab's stays one undo away. */
  takeTheirs(): Promise<void>;
  /** The learner exported the text as it is now, so it may be left behind unsaved. */
  exported(): void;
  /** Another tab saved or deleted workspace `id`. */
  otherTabChanged(id: string): Promise<void>;
  /** Starts saving after each change; returns the function that stops it. */
  startAutosave(): () => void;
}

/** A refused write in words for the learner. */
export function describeStorageError(e: unknown): string {
  const name = e instanceof Error || e instanceof DOMException ? e.name : '';
  if (name === 'QuotaExceededError') return "this browser's storage for EventLab is full";
  if (name === 'InvalidStateError') return 'the browser closed the database (EventLab may have been updated in another tab)';
  const detail = e instanceof Error ? e.message : String(e);
  return `the browser refused it (${name || 'error'}: ${detail.slice(0, 120)})`;
}

export function createSaver(
  store: AppStore,
  db: WorkspaceDb,
  channel: TabChannel,
  deps: { now(): number; afterSave(): Promise<void> },
): Saver {
  /** The open workspace has changes storage does not have. */
  let dirty = false;
  /** The stored version the open workspace's text builds on: what the next save expects to find. */
  let base: number | null = null;
  /** During a conflict, the other tab's version; nothing is written until the learner chooses. */
  let theirs: StoredWorkspace | null = null;
  let exportedText: string | null = null;
  /** Set while another tab's version is brought in, which is no edit of this tab's to save. */
  let adopting = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const state = () => store.getState();
  const idle = () => (db.durable ? 'saved' : 'memory');

  const reset = (version: number | null) => {
    clearTimeout(timer);
    dirty = false;
    base = version;
    theirs = null;
    exportedText = null;
    state().setSaveProblem(null);
    state().setSaveStatus(idle());
  };

  /** Shows `w` in place of this tab's text, as one undo step, and builds on its version from now on. */
  const adopt = (w: StoredWorkspace) => {
    adopting = true;
    try {
      state().edit({ text: w.text, positions: w.positions });
      if (w.name !== state().workspace.name) state().renameWorkspace(w.name);
    } finally {
      adopting = false;
    }
    base = w.version;
  };

  const draftNow = () => {
    const s = state();
    return { id: s.workspace.id, name: s.workspace.name, text: s.text, positions: s.positions, updatedAt: deps.now() };
  };

  const flush = async () => {
    clearTimeout(timer);
    if (!dirty || !state().workspace.id || theirs) return;
    dirty = false;
    const draft = draftNow();
    let result: SaveResult;
    try {
      // db.save opens its transaction before its first await: a save started as the page goes away reaches the disk.
      result = await db.save(draft, base);
    } catch (e) {
      dirty = true;
      if (state().workspace.id === draft.id) state().setSaveProblem({ kind: 'failed', reason: describeStorageError(e) });
      return;
    }
    if (state().workspace.id !== draft.id) return;
    if (result.kind === 'conflict') {
      dirty = true;
      theirs = result.theirs;
      state().setSaveProblem({ kind: 'conflict' });
      return;
    }
    base = result.workspace.version;
    channel.post({ type: 'saved', id: draft.id });
    if (state().saveProblem) state().setSaveProblem(null);
    state().setSaveStatus(dirty ? 'unsaved' : idle());
    await deps.afterSave().catch(() => undefined);
  };

  return {
    opened: (w) => reset(w.version),
    discard: () => reset(null),
    touch: () => void (dirty = true),
    flush,

    flushLeaving() {
      // Stashed even during a conflict: the next visit saves it as a copy rather than lose it.
      if (dirty && state().workspace.id) void db.stash(draftNow(), base).catch(() => undefined);
      return flush();
    },
    holdsUnsaved: () => dirty && state().saveProblem !== null && exportedText !== state().text,

    async retry() {
      if (state().saveProblem?.kind !== 'failed') return;
      dirty = true;
      await flush();
    },

    async keepMine() {
      if (!theirs) return;
      base = theirs.version;
      theirs = null;
      state().setSaveProblem(null);
      state().setSaveStatus('unsaved');
      dirty = true;
      await flush();
    },

    async takeTheirs() {
      if (!theirs) return;
      const latest = (await db.get(theirs.id).catch(() => undefined)) ?? theirs;
      theirs = null;
      dirty = false;
      exportedText = null;
      adopt(latest);
      state().setSaveProblem(null);
      state().setSaveStatus(idle());
    },

    exported: () => void (exportedText = state().text),

    async otherTabChanged(id) {
      if (id !== state().workspace.id) return;
      if (theirs) {
        // Still undecided: "take theirs" should bring the newest of theirs.
        theirs = (await db.get(id).catch(() => undefined)) ?? theirs;
        return;
      }
      // With changes of its own, this tab saves now: the save finds out whether the other tab's version is new to it.
      if (dirty) return flush();
      const stored = await db.get(id).catch(() => undefined);
      if (!stored || dirty || theirs || state().workspace.id !== id) return;
      if (stored.version === base || stored.writer === db.writer) return;
      adopt(stored);
      state().setNotice({ tone: 'info', text: 'This workspace was changed in another tab, and now shows that version (Undo goes back).' });
    },

    startAutosave() {
      const changed = (s: AppState, prev: AppState) =>
        s.workspace.id === prev.workspace.id && (s.text !== prev.text || s.positions !== prev.positions);
      const unsubscribe = store.subscribe((s, prev) => {
        if (adopting || !changed(s, prev)) return;
        dirty = true;
        if (!s.saveProblem && s.saveStatus !== 'unsaved' && db.durable) s.setSaveStatus('unsaved');
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

/**
 * One undo history for the text and the canvas. CodeMirror's own history is off: every change, typed or drawn,
 * goes through `edit`, and typing is coalesced into one step per pause.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { Snapshot } from './types.ts';
import type { AppState } from './store.ts';

/** Keystrokes closer together than this belong to the same undo step. */
export const TYPING_PAUSE_MS = 800;
/** Steps kept; the oldest are dropped beyond it. */
export const HISTORY_STEPS_MAX = 200;

export interface EditOptions {
  /** Consecutive edits with the same key, each within TYPING_PAUSE_MS of the last, make one undo step. */
  coalesce?: string;
  /** Wall-clock time of the edit (passed in, so the store stays a pure function of its inputs). */
  now?: number;
}

export interface HistorySlice {
  past: Snapshot[];
  future: Snapshot[];
  lastCoalesce: { key: string; at: number } | null;
  /** Changes the text and/or positions as one undoable step (or part of the current typing step). */
  edit(next: Partial<Snapshot>, options?: EditOptions): void;
  undo(): void;
  redo(): void;
}

const sameSnapshot = (a: Snapshot, b: Snapshot) => a.text === b.text && a.positions === b.positions;

export const createHistorySlice: StateCreator<AppState, [], [], HistorySlice> = (set, get) => ({
  past: [],
  future: [],
  lastCoalesce: null,

  edit(next, { coalesce, now = 0 } = {}) {
    const s = get();
    const before: Snapshot = { text: s.text, positions: s.positions };
    const after: Snapshot = { text: next.text ?? s.text, positions: next.positions ?? s.positions };
    if (sameSnapshot(before, after)) return;
    const last = s.lastCoalesce;
    const joins = coalesce !== undefined && last?.key === coalesce && now - last.at < TYPING_PAUSE_MS;
    set({
      ...after,
      parseStatus: after.text === s.text ? s.parseStatus : 'pending',
      past: joins ? s.past : [...s.past, before].slice(-HISTORY_STEPS_MAX),
      future: [],
      lastCoalesce: coalesce === undefined ? null : { key: coalesce, at: now },
    });
  },

  undo() {
    const s = get();
    const previous = s.past.at(-1);
    if (!previous) return;
    set({
      ...previous,
      parseStatus: previous.text === s.text ? s.parseStatus : 'pending',
      past: s.past.slice(0, -1),
      future: [{ text: s.text, positions: s.positions }, ...s.future],
      lastCoalesce: null,
    });
  },

  redo() {
    const s = get();
    const next = s.future[0];
    if (!next) return;
    set({
      ...next,
      parseStatus: next.text === s.text ? s.parseStatus : 'pending',
      past: [...s.past, { text: s.text, positions: s.positions }],
      future: s.future.slice(1),
      lastCoalesce: null,
    });
  },
});

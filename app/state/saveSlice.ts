/**
 * Whether the open workspace is stored, and when it is not, why: the status line reads the first, the save notices
 * the second. A problem stays until it is resolved (saved, kept, taken, exported), so it is state, not a message.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { SetAside } from '../persistence/db.ts';
import type { AppState } from './store.ts';

/** `memory`: the browser keeps nothing across reloads; `failed`, `conflict`: see SaveProblem. */
export type SaveStatus = 'saved' | 'unsaved' | 'memory' | 'failed' | 'conflict';

export type SaveProblem =
  /** The browser refused the write (a full disk); `reason` in words. */
  | { kind: 'failed'; reason: string }
  /** Another tab saved a version this tab has not seen; nothing is written until the learner chooses. */
  | { kind: 'conflict' };

export interface SaveSlice {
  saveStatus: SaveStatus;
  saveProblem: SaveProblem | null;
  /** Stored records found malformed at this visit and set aside; the learner is told once. */
  setAside: SetAside[];
  setSaveStatus(status: SaveStatus): void;
  /** Sets the problem and the status that goes with it; null clears it and leaves the status to the caller. */
  setSaveProblem(problem: SaveProblem | null): void;
  setSetAside(records: SetAside[]): void;
}

export const createSaveSlice: StateCreator<AppState, [], [], SaveSlice> = (set) => ({
  saveStatus: 'saved',
  saveProblem: null,
  setAside: [],
  setSaveStatus: (saveStatus) => set({ saveStatus }),
  setSaveProblem: (saveProblem) => set(saveProblem ? { saveProblem, saveStatus: saveProblem.kind } : { saveProblem }),
  setSetAside: (setAside) => set({ setAside }),
});

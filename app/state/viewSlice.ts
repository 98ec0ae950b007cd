/**
 * View state: what is selected, which tab is open, what the app has to tell the learner.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { AppState } from './store.ts';
import type { WorkspaceMeta } from './types.ts';

/** Tabs of the left panel; later issues add the lesson here. */
export type LeftTab = 'text' | 'preview';

export interface Selection {
  nodes: string[];
  edges: string[];
}

/** A message in the banner above the canvas. */
export interface Notice {
  tone: 'error' | 'info';
  text: string;
  /** The workspace it speaks of ("the starter is back, Undo brings your text back"): it goes when another opens. */
  workspace?: string;
}

export interface ViewSlice {
  selection: Selection;
  leftTab: LeftTab;
  /** The node whose label is being edited in place on the canvas. */
  renaming: string | null;
  notice: Notice | null;
  /** Every saved workspace, newest first, for the switcher. */
  library: WorkspaceMeta[];
  select(selection: Selection): void;
  setLeftTab(tab: LeftTab): void;
  setRenaming(id: string | null): void;
  setNotice(notice: Notice | null): void;
  setLibrary(library: WorkspaceMeta[]): void;
}

const sameIds = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

export const createViewSlice: StateCreator<AppState, [], [], ViewSlice> = (set, get) => ({
  selection: { nodes: [], edges: [] },
  leftTab: 'text',
  renaming: null,
  notice: null,
  library: [],

  select(selection) {
    const current = get().selection;
    // React Flow reports the same selection repeatedly; keeping the old object spares every subscriber a render.
    if (sameIds(current.nodes, selection.nodes) && sameIds(current.edges, selection.edges)) return;
    set({ selection });
  },
  setLeftTab: (leftTab) => set({ leftTab }),
  setRenaming: (renaming) => set({ renaming }),
  setNotice: (notice) => set({ notice }),
  setLibrary: (library) => set({ library }),
});

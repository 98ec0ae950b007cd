/**
 * The app's one store, made of typed slices (STYLE.md §7). Components read it through narrow selectors:
 * `useApp((s) => s.parseStatus)`.
 */
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { createHistorySlice, type HistorySlice } from './historySlice.ts';
import { createSaveSlice, type SaveSlice } from './saveSlice.ts';
import { createViewSlice, type ViewSlice } from './viewSlice.ts';
import { createWorkspaceSlice, type WorkspaceSlice } from './workspaceSlice.ts';

export type AppState = WorkspaceSlice & HistorySlice & ViewSlice & SaveSlice;
export type AppStore = StoreApi<AppState>;

/** A fresh store; the app uses the one below, tests make their own. */
export function createAppStore(): AppStore {
  return createStore<AppState>()((...a) => ({
    ...createWorkspaceSlice(...a),
    ...createHistorySlice(...a),
    ...createViewSlice(...a),
    ...createSaveSlice(...a),
  }));
}

/** The app's store. */
export const appStore: AppStore = createAppStore();

/** Subscribes a component to the part of the app's state `selector` picks. */
export function useApp<T>(selector: (state: AppState) => T): T {
  return useStore(appStore, selector);
}

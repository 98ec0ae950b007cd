/**
 * Which tab of the dock under the canvas is open, and whether the dock is folded away. Other panels open a tab
 * through `openDockTab` (e.g. a counter that shows its messages in the trace).
 */
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

export type DockTab = 'faults' | 'metrics' | 'events' | 'trace' | 'compare';

export interface DockState {
  tab: DockTab;
  open: boolean;
}

export const dockStore = createStore<DockState>()(() => ({ tab: 'faults', open: true }));

export function useDock<T>(selector: (s: DockState) => T): T {
  return useStore(dockStore, selector);
}

/** Shows `tab`, unfolding the dock if needed. */
export function openDockTab(tab: DockTab): void {
  dockStore.setState({ tab, open: true });
}

/** A click on the open tab folds the dock; on another tab (or a folded dock) shows that one. */
export function clickDockTab(tab: DockTab): void {
  const s = dockStore.getState();
  dockStore.setState(s.open && s.tab === tab ? { open: false } : { tab, open: true });
}

/**
 * The little of "Find a failure" the first load carries: whether its panel is open and whether a search is running
 * (the play bar's button shows both). The search itself, its panel and its workers load when the learner asks.
 */
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

export interface FindState {
  open: boolean;
  running: boolean;
}

export const findStore = createStore<FindState>()(() => ({ open: false, running: false }));

export function useFind<T>(selector: (s: FindState) => T): T {
  return useStore(findStore, selector);
}

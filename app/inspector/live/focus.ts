/**
 * What the inspector looks at inside a node during a run: one partition of a Kafka node or topic (clicked on the
 * canvas). It shows while that node stays selected.
 */
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { appStore } from '../../state/store.ts';

export interface LiveFocus {
  /** The canvas node the partition was picked on, and the partition's global id in the run. */
  node: string | null;
  partition: number | null;
}

export const liveFocus = createStore<LiveFocus>()(() => ({ node: null, partition: null }));

export function useLiveFocus<T>(selector: (s: LiveFocus) => T): T {
  return useStore(liveFocus, selector);
}

/** Selects `node` on the canvas and opens partition `pid` in the inspector. */
export function inspectPartition(node: string, pid: number): void {
  appStore.getState().select({ nodes: [node], edges: [] });
  liveFocus.setState({ node, partition: pid });
}

export function closePartition(): void {
  liveFocus.setState({ node: null, partition: null });
}

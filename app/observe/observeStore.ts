/**
 * What the observation panels share: the message, key or saga the trace shows, so a finding, a log entry or a causation id
 * can open it there. `requests` counts the asks, so a dock can bring the trace tab forward when it changes.
 */
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { MessageLife } from '../../engine/index.ts';
import { liveStore } from '../sim/index.ts';
import { appStore } from '../state/store.ts';
import { nodeOfHost, nodesOfLives } from './hosts.ts';
import type { TraceQuery } from './traceQuery.ts';

export { parseTraceQuery, traceQueryText, type TraceQuery } from './traceQuery.ts';

export interface ObserveState {
  trace: TraceQuery | null;
  requests: number;
}

export const observeStore = createStore<ObserveState>()(() => ({ trace: null, requests: 0 }));

// A message id or key belongs to the run of one workspace: another workspace starts with an empty trace.
appStore.subscribe((s, prev) => {
  if (s.workspace.id !== prev.workspace.id && observeStore.getState().trace !== null) observeStore.setState({ trace: null });
});

export function useObserve<T>(selector: (s: ObserveState) => T): T {
  return useStore(observeStore, selector);
}

/** Shows a key's messages, or a message's story, in the trace. */
export function openTrace(query: TraceQuery): void {
  observeStore.setState((s) => ({ trace: query, requests: s.requests + 1 }));
}

const topologyNodes = () => new Set(appStore.getState().good?.topology.nodes.map((n) => n.id) ?? []);

/** Highlights these messages and the nodes they passed through on the canvas (null clears it). */
export function highlightLives(label: string | null, lives: readonly MessageLife[]): void {
  if (label === null || lives.length === 0) {
    if (liveStore.getState().highlight !== null) liveStore.setState({ highlight: null });
    return;
  }
  liveStore.setState({ highlight: { label, messages: lives.map((l) => l.id), nodes: nodesOfLives(lives, topologyNodes()) } });
}

/**
 * Selects the drawing node behind a host (`Kafka/2` selects `Kafka`) for the inspector, and rings it on the canvas
 * (the canvas follows its own selection, so the ring is what shows where the entry happened). False when the drawing
 * has no such node.
 */
export function selectHost(host: string): boolean {
  const node = nodeOfHost(host, topologyNodes());
  if (!node) return false;
  appStore.getState().select({ nodes: [node], edges: [] });
  liveStore.setState({ highlight: { label: host, messages: [], nodes: [node] } });
  return true;
}

/**
 * The live simulation's view state, in its own store (STYLE.md §7): the latest frame from the worker, the chart
 * series, playback settings. Live numbers stay here, out of React Flow's node array; node components subscribe to the
 * few fields they draw.
 */
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Diagnostic, Frame, Sample, StepReport } from '../../engine/index.ts';

export type PlaybackStatus = 'off' | 'starting' | 'paused' | 'playing' | 'error';

export interface LiveState {
  status: PlaybackStatus;
  /** Why the simulation could not start or stopped. */
  error: string | null;
  /** Problems resolving the topology for simulation: shown, not blocking. */
  warnings: Diagnostic[];
  seed: number;
  /** Simulated seconds per wall second; Infinity runs as fast as the machine allows. */
  speed: number;
  /** The text the running simulation was started from (edits after it need a restart or a fork). */
  startedText: string | null;
  /** The structure of the running topology (see app/playback/structure.ts): a fork keeps it, a restart may change it. */
  startedStructure: string | null;
  /** The fault schedule every run starts with, as timeline lines (`10s crash Kafka/2`), in time order. */
  schedule: string[];
  /** Lines of the schedule added during this run that it has still to meet (the player injects them on time). */
  frame: Frame | null;
  /**
   * The frame the canvas draws: the latest one, refreshed at most about ten times a second while playing. Numbers
   * changing faster cannot be read, and redrawing hundreds of nodes sixty times a second would cost smoothness.
   */
  view: Frame | null;
  /** Per-second samples of the whole run so far (charts). */
  series: Sample[];
  /** Messages per simulated second on each edge, over the last frames (for the dots). */
  edgeRates: Record<string, number>;
  /** What the last step (one event, or to the next hop) did; cleared when the run moves any other way. */
  stepped: StepReport | null;
  /**
   * The moment a long seek is replaying to, while the frame shows the nearest snapshot before it (null otherwise):
   * the timeline marks where it is going.
   */
  replayingTo: number | null;
  /** Messages the learner is looking at (from a counter, a message id or a key), drawn highlighted. */
  highlight: { label: string; messages: number[]; nodes: string[] } | null;
}

export function createLiveStore(): StoreApi<LiveState> {
  return createStore<LiveState>()(() => ({
    status: 'off',
    error: null,
    warnings: [],
    seed: 1,
    speed: 1,
    startedText: null,
    startedStructure: null,
    schedule: [],
    frame: null,
    view: null,
    series: [],
    edgeRates: {},
    highlight: null,
    stepped: null,
    replayingTo: null,
  }));
}

export const liveStore = createLiveStore();

export function useLive<T>(selector: (s: LiveState) => T): T {
  return useStore(liveStore, selector);
}

/** Folds a new frame into the state: series extended (or replaced after a seek), edge rates updated. */
export function withFrame(s: LiveState, frame: Frame): Partial<LiveState> {
  const series = frame.samplesFromStart ? frame.samples : [...s.series, ...frame.samples];
  const prev = s.frame;
  const edgeRates: Record<string, number> = {};
  const dt = prev ? (frame.timeUs - prev.timeUs) / 1e6 : 0;
  for (const [edge, n] of Object.entries(frame.edges)) {
    const before = prev?.edges[edge] ?? 0;
    const rate = dt > 0 && n >= before ? (n - before) / dt : 0;
    // Smooth over a few frames, so dots do not flicker at low rates.
    edgeRates[edge] = dt > 0 ? 0.7 * (s.edgeRates[edge] ?? rate) + 0.3 * rate : (s.edgeRates[edge] ?? 0);
  }
  return { frame, series, edgeRates };
}

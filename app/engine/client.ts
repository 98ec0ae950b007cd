/**
 * The one place that creates the engine's Web Worker. The rest of the app calls the engine through `engine`, a small
 * typed API in which a newer `load` overtakes an older one. If the worker dies (out of memory, a bug), a new one is
 * started and `onWorkerRestart` listeners hear of it: the text is the app's, so nothing a learner wrote is lost; a
 * running simulation starts again.
 */
import * as Comlink from 'comlink';
import type { CanvasEdit, EvaluateOptions, LessonEvaluation, LessonGoals, LoadResult, PatchResult, Pinned } from '../../engine/index.ts';
import type { EngineWorkerApi } from '../../engine/worker.ts';
import { latestWins, SUPERSEDED } from './latestWins.ts';

let remote: Comlink.Remote<EngineWorkerApi>;
const restartListeners = new Set<(reason: string) => void>();

function startWorker(): void {
  const worker = new Worker(new URL('../../engine/worker.ts', import.meta.url), { type: 'module', name: 'eventlab-engine' });
  remote = Comlink.wrap<EngineWorkerApi>(worker);
  worker.addEventListener('error', (e) => {
    e.preventDefault();
    worker.terminate();
    startWorker();
    for (const l of restartListeners) l(e.message || 'the engine worker stopped');
  });
}
startWorker();

/** Calls `listener` whenever the worker had to be restarted. Returns an unsubscribe function. */
export function onWorkerRestart(listener: (reason: string) => void): () => void {
  restartListeners.add(listener);
  return () => restartListeners.delete(listener);
}

const timedLoad = latestWins(async (text: string, pinned: Pinned) => {
  const started = performance.now();
  const result = await remote.load(text, pinned);
  return { result, ms: performance.now() - started };
});

/** The live simulation's surface (engine/live/host.ts), every call a promise. */
export type SimClient = { [K in keyof EngineWorkerApi['sim']]: (...args: Parameters<EngineWorkerApi['sim'][K]>) => Promise<ReturnType<EngineWorkerApi['sim'][K]>> };

export interface EngineClient {
  ping(): Promise<string>;
  /** Parses and lays out `text` in the worker; null when a newer load overtook this one. */
  load(text: string, pinned: Pinned): Promise<{ result: LoadResult; ms: number } | null>;
  /** Turns canvas edits into one change of `text` (see patchTopology). */
  patch(text: string, edits: readonly CanvasEdit[]): Promise<PatchResult>;
  sim: SimClient;
  /**
   * Judges a lesson's goals against `text` in the worker: structural goals only with `{ behavioural: false }`, else
   * with one run of the lesson's simulation. Pass only `{ goals, run }`: functions cannot cross to the worker.
   */
  evaluateLesson(text: string, lesson: LessonGoals, opts?: EvaluateOptions): Promise<LessonEvaluation>;
}

const sim = new Proxy({} as SimClient, {
  get: (_, name: string) => (...args: unknown[]) => (remote.sim as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[name]!(...args),
});

export const engine: EngineClient = {
  ping: () => remote.ping(),
  async load(text, pinned) {
    const answer = await timedLoad(text, pinned);
    return answer === SUPERSEDED ? null : answer;
  },
  patch: (text, edits) => (edits.length === 1 ? remote.patch(text, edits[0]!) : remote.patchAll(text, [...edits])),
  sim,
  evaluateLesson: (text, { goals, run }, opts) => remote.evaluateLesson(text, { goals, run }, opts),
};

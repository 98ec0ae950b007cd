/**
 * The one place that creates the engine's Web Worker. The rest of the app calls the engine through `engine`, a small
 * typed API in which a newer `load` overtakes an older one and a stuck one is abandoned (loads.ts). If the worker
 * dies (an uncaught error, a load it is stuck in), a new one is started, every call waiting on the old one settles
 * with an error (workerLink.ts), the canvas's load is answered by the new worker, and `onWorkerRestart` listeners
 * hear of it: the text is the app's, so nothing a learner wrote is lost; a running simulation ends and says so.
 */
import type { CanvasEdit, EvaluateOptions, LessonEvaluation, LessonGoals, LoadResult, PatchResult, Pinned } from '../../engine/index.ts';
import type { EngineWorkerApi } from '../../engine/worker.ts';
import { appStore } from '../state/store.ts';
import { createLoader } from './loads.ts';
import { restartNotice } from './restartNotice.ts';
import { createWorkerLink, EngineStopped } from './workerLink.ts';

const link = createWorkerLink<EngineWorkerApi>(
  () => new Worker(new URL('../../engine/worker.ts', import.meta.url), { type: 'module', name: 'eventlab-engine' }),
  () => performance.now(),
);

/** A run lives in the current worker; after a restart the calls that move it fail rather than find nothing. */
let simulating = false;
let runLost = false;
const MOVES_THE_RUN = new Set(['advance', 'step', 'seekNear', 'seek', 'inject', 'changeSettings']);

link.onRestart((r) => {
  const text = restartNotice(r, simulating);
  if (text) appStore.getState().setNotice({ tone: 'error', text });
  runLost ||= simulating;
  simulating = false;
});

/** Calls `listener` whenever the worker had to be restarted. Returns an unsubscribe function. */
export function onWorkerRestart(listener: (reason: string) => void): () => void {
  return link.onRestart((r) => listener(r.reason));
}

/** The live simulation's surface (engine/live/host.ts), every call a promise. */
export type SimClient = { [K in keyof EngineWorkerApi['sim']]: (...args: Parameters<EngineWorkerApi['sim'][K]>) => Promise<ReturnType<EngineWorkerApi['sim'][K]>> };

export interface EngineClient {
  ping(): Promise<string>;
  /** Parses and lays out `text` in the worker; null when a newer load overtook this one. Always answers. */
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

type SimCall = (...a: unknown[]) => Promise<unknown>;

const sim = new Proxy({} as SimClient, {
  get: (_, name: string) => async (...args: unknown[]) => {
    if (runLost && MOVES_THE_RUN.has(name)) {
      throw new EngineStopped('the simulation ended when EventLab’s engine restarted: press play to start it again', 'died');
    }
    const answer = await link.call(`sim.${name}`, (r) => (r.sim as unknown as Record<string, SimCall>)[name]!(...args));
    if (name === 'start' || name === 'end') {
      simulating = name === 'start' && (answer as { ok: boolean }).ok;
      runLost = false;
    }
    return answer;
  },
});

export const engine: EngineClient = {
  ping: () => link.call('ping', (r) => r.ping()),
  load: createLoader(link, () => performance.now()),
  patch: (text, edits) => link.call('patch', (r) => (edits.length === 1 ? r.patch(text, edits[0]!) : r.patchAll(text, [...edits]))),
  sim,
  evaluateLesson: (text, { goals, run }, opts) => link.call('evaluateLesson', (r) => r.evaluateLesson(text, { goals, run }, opts)),
};

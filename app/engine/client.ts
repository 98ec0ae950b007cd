/**
 * The one place that creates the engine's Web Worker. The rest of the app calls the engine through `engine`, a small
 * typed API in which a newer `load` overtakes an older one.
 */
import * as Comlink from 'comlink';
import type { CanvasEdit, LoadResult, PatchResult, Pinned } from '../../engine/index.ts';
import type { EngineWorkerApi } from '../../engine/worker.ts';
import { latestWins, SUPERSEDED } from './latestWins.ts';

const worker = new Worker(new URL('../../engine/worker.ts', import.meta.url), { type: 'module', name: 'eventlab-engine' });
const remote: Comlink.Remote<EngineWorkerApi> = Comlink.wrap<EngineWorkerApi>(worker);

const timedLoad = latestWins(async (text: string, pinned: Pinned) => {
  const started = performance.now();
  const result = await remote.load(text, pinned);
  return { result, ms: performance.now() - started };
});

export interface EngineClient {
  ping(): Promise<string>;
  /** Parses and lays out `text` in the worker; null when a newer load overtook this one. */
  load(text: string, pinned: Pinned): Promise<{ result: LoadResult; ms: number } | null>;
  /** Turns canvas edits into one change of `text` (see patchTopology). */
  patch(text: string, edits: readonly CanvasEdit[]): Promise<PatchResult>;
}

export const engine: EngineClient = {
  ping: () => remote.ping(),
  async load(text, pinned) {
    const answer = await timedLoad(text, pinned);
    return answer === SUPERSEDED ? null : answer;
  },
  patch: (text, edits) => (edits.length === 1 ? remote.patch(text, edits[0]!) : remote.patchAll(text, [...edits])),
};

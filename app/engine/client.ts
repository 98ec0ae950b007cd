/**
 * The one place that creates the engine's Web Worker. The rest of the app calls the engine through `engine`.
 */
import * as Comlink from 'comlink';
import type { EngineWorkerApi } from '../../engine/worker.ts';

const worker = new Worker(new URL('../../engine/worker.ts', import.meta.url), { type: 'module', name: 'eventlab-engine' });

export const engine: Comlink.Remote<EngineWorkerApi> = Comlink.wrap<EngineWorkerApi>(worker);

/**
 * The engine in a Web Worker: the comlink surface the app calls through app/engine/client.ts.
 */
import * as Comlink from 'comlink';
import { loadText } from './editing/load.ts';
import { patchAll } from './editing/patchAll.ts';
import { patchTopology } from './topology/patch/patch.ts';

const api = {
  ping(): string {
    return 'pong';
  },
  /** Parses and lays out a text; `pinned` nodes keep their positions. */
  load: loadText,
  /** One canvas edit as a minimal change of the text. */
  patch: patchTopology,
  /** Several canvas edits applied in order, as one change. */
  patchAll,
};

export type EngineWorkerApi = typeof api;

Comlink.expose(api);

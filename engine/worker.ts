/**
 * The engine in a Web Worker: the comlink surface the app calls through app/engine/client.ts. Parsing and layout
 * for the editor, and the live simulation (engine/live/host.ts), which the app paces: the worker reads no clock.
 */
import * as Comlink from 'comlink';
import { loadText } from './editing/load.ts';
import { patchAll } from './editing/patchAll.ts';
import { evaluateLesson } from './goals/evaluate.ts';
import { simHost } from './live/host.ts';
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
  /** The live simulation. */
  sim: simHost,
  /** A lesson's goals judged against a text: structural only (`{ behavioural: false }`) on each edit, all on a run. */
  evaluateLesson,
};

export type EngineWorkerApi = typeof api;

Comlink.expose(api);

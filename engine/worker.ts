/**
 * The engine in a Web Worker: the comlink surface the app calls through app/engine/client.ts. Parsing and layout
 * for the editor, and the live simulation (engine/live/host.ts), which the app paces: the worker reads no clock.
 */
import * as Comlink from 'comlink';
import { loadText } from './editing/load.ts';
import { patchAll } from './editing/patchAll.ts';
import { evaluateLesson } from './goals/evaluate.ts';
import { FAMILIES } from './components.ts';
import { simHost } from './live/host.ts';
import { patchTopology } from './topology/patch/patch.ts';

/** What the families need loaded for `text` (engine/family.ts `prepare`), loaded. */
async function prepare(text: string): Promise<void> {
  await Promise.all(FAMILIES.map((f) => f.prepare?.(text)));
}

const api = {
  ping(): string {
    return 'pong';
  },
  /**
   * Parses and lays out a text; `pinned` nodes keep their positions. Families first load what the text needs (the
   * schemas family its Avro library, in a chunk of its own), so the runs and lessons that follow have it.
   */
  async load(...args: Parameters<typeof loadText>): Promise<ReturnType<typeof loadText>> {
    await prepare(args[0]);
    return loadText(...args);
  },
  /** One canvas edit as a minimal change of the text. */
  patch: patchTopology,
  /** Several canvas edits applied in order, as one change. */
  patchAll,
  /** The live simulation. */
  sim: {
    ...simHost,
    async start(...args: Parameters<typeof simHost.start>): Promise<ReturnType<typeof simHost.start>> {
      await prepare(args[0]);
      return simHost.start(...args);
    },
  },
  /** A lesson's goals judged against a text: structural only (`{ behavioural: false }`) on each edit, all on a run. */
  async evaluateLesson(...args: Parameters<typeof evaluateLesson>): Promise<ReturnType<typeof evaluateLesson>> {
    await prepare(args[0]);
    return evaluateLesson(...args);
  },
};

export type EngineWorkerApi = typeof api;

Comlink.expose(api);

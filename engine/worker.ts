/**
 * The engine in a Web Worker: the comlink surface the app calls through app/engine/client.ts. Parsing and layout
 * for the editor, and the live simulation (engine/live/host.ts), which the app paces: the worker reads no clock.
 *
 * Only parsing and layout are in the worker's first download, since the first screen waits for them; the families,
 * the simulation and the goals (workerRuns.ts) and the canvas edits' patching load on first use, in chunks of their
 * own (issue 18 §1: the worker's first load under 100 KB gzip). A call that needs them waits for them.
 */
import * as Comlink from 'comlink';
import { loadText } from './editing/load.ts';
import type * as Edits from './editing/patchAll.ts';
import type * as Goals from './goals/evaluate.ts';
import type { simHost } from './live/host.ts';
import type * as Patch from './topology/patch/patch.ts';
import type * as Runs from './workerRuns.ts';

let runs: Promise<typeof Runs> | undefined;
const loadRuns = () => (runs ??= import('./workerRuns.ts'));
let edits: Promise<[typeof Patch, typeof Edits]> | undefined;
const loadEdits = () => (edits ??= Promise.all([import('./topology/patch/patch.ts'), import('./editing/patchAll.ts')]));

type Host = typeof simHost;
/** Every call of the live simulation, by name (the check below fails to compile when host.ts gains one not listed). */
const SIM_CALLS = ['start', 'end', 'advance', 'step', 'seekNear', 'seek', 'schedule', 'unschedule', 'inject', 'changeSettings', 'frame', 'log', 'logKinds', 'message', 'key', 'inspect', 'findings', 'story', 'compare', 'recipe'] as const;
const allListed: Exclude<keyof Host, (typeof SIM_CALLS)[number]> extends never ? true : never = true;
void allListed;

/**
 * The live simulation's calls, each waiting for the simulation's chunk. Typed as the host itself: comlink answers
 * every call with a promise anyway, so the app sees the same surface as when the host was loaded with the worker.
 */
const sim = Object.fromEntries(
  SIM_CALLS.map((name) => [
    name,
    async (...args: unknown[]) => {
      const r = await loadRuns();
      return name === 'start' ? r.start(...(args as Parameters<Host['start']>)) : (r.simHost[name] as (...a: unknown[]) => unknown)(...args);
    },
  ]),
) as unknown as Host;

const api = {
  ping(): string {
    return 'pong';
  },
  /**
   * Parses and lays out a text; `pinned` nodes keep their positions. Then, without making this answer wait, fetches
   * the simulation and whatever the text's families need (the schemas family its Avro library), so the runs and
   * lessons that follow find them loaded; a fetch that failed is retried, and reported, by the call that needs it.
   */
  load(...args: Parameters<typeof loadText>): ReturnType<typeof loadText> {
    const result = loadText(...args);
    loadRuns()
      .then((r) => r.prepare(args[0]))
      .catch(() => {
        runs = undefined;
      });
    return result;
  },
  /** One canvas edit as a minimal change of the text. */
  async patch(...args: Parameters<typeof Patch.patchTopology>): Promise<ReturnType<typeof Patch.patchTopology>> {
    return (await loadEdits())[0].patchTopology(...args);
  },
  /** Several canvas edits applied in order, as one change. */
  async patchAll(...args: Parameters<typeof Edits.patchAll>): Promise<ReturnType<typeof Edits.patchAll>> {
    return (await loadEdits())[1].patchAll(...args);
  },
  /** The live simulation. */
  sim,
  /** A lesson's goals judged against a text: structural only (`{ behavioural: false }`) on each edit, all on a run. */
  async evaluateLesson(...args: Parameters<typeof Goals.evaluateLesson>): Promise<ReturnType<typeof Goals.evaluateLesson>> {
    return (await loadRuns()).evaluateLesson(...args);
  },
};

export type EngineWorkerApi = typeof api;

Comlink.expose(api);

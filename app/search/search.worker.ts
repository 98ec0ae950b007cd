/**
 * A worker of "Find a failure" (issue 17 §3): tries its share of a search's runs (engine/search/scan.ts) and, in the
 * worker that is asked to, shrinks the counterexample. The app starts one to a few of them only when the learner
 * asks for a search, and terminates them when it ends or is cancelled: the engine's own worker stays free for the
 * canvas and the player. Between runs it yields, so a new limit (a lower index failed elsewhere, or stop) arrives.
 */
import * as Comlink from 'comlink';
import { FAMILIES } from '../../engine/components.ts';
import { propertiesFor } from '../../engine/search/properties.ts';
import { runScan, shrinkFound, type ScanJob, type ScanStep, type Shrunk } from '../../engine/search/scan.ts';
import type { PropertyArg, PropertyName, Run } from '../../engine/search/search.ts';
import { createSimulation } from '../../engine/simulation.ts';
import { parseTopology } from '../../engine/topology/parse.ts';
import type { Topology } from '../../engine/topology/types.ts';

let limit = Number.POSITIVE_INFINITY;

/** A macrotask: lets the messages that arrived during a run (`limit`) be handled before the next one. */
const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

async function topologyOf(text: string): Promise<Topology> {
  // What the families need for this text (the schemas family's Avro library), as the engine's worker does.
  await Promise.all(FAMILIES.map((f) => f.prepare?.(text)));
  const parsed = parseTopology(text);
  if (!parsed.ok) {
    const d = parsed.diagnostics.find((x) => x.severity === 'error') ?? parsed.diagnostics[0];
    throw new Error(d ? `line ${d.line}, column ${d.column}: ${d.message}` : 'the topology does not parse');
  }
  return parsed.topology;
}

const api = {
  /** Tries this worker's runs of the job; `onStep` hears of each. Resolves with the number tried. */
  async scan(text: string, job: ScanJob, onStep: (s: ScanStep) => void): Promise<number> {
    limit = Number.POSITIVE_INFINITY;
    return runScan(await topologyOf(text), job, onStep, () => limit, pause);
  },
  /** Runs past `index` are not tried (-1: stop after the current run). */
  limit(index: number): void {
    limit = Math.min(limit, index);
  },
  /** Shrinks a failing run and finds the moment it first fails; `onRun` hears of each run spent. */
  async shrink(text: string, run: Run, property: PropertyArg, budget: number, onRun: (runs: number) => void): Promise<Shrunk> {
    return shrinkFound(await topologyOf(text), run, property, budget, onRun);
  },
  /** The properties that make sense for the text (checkouts to time, sagas to settle; a lesson's goals when one is open). */
  async offers(text: string, lesson: boolean): Promise<PropertyName[]> {
    return propertiesFor(createSimulation(await topologyOf(text), { traceCapacity: 16 }).spec, { lesson });
  },
};

export type SearchWorkerApi = typeof api;

Comlink.expose(api);

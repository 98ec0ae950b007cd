/**
 * One worker's share of a search, and what the app needs around it (issue 17 §3-§4). The runs of a search are
 * numbered by the order `search` draws them from its seed (Planner: random, then guided by the random runs' moments,
 * engine/search/guided.ts); with W workers, worker k tries the indices
 * i ≡ k (mod W), each in increasing order. When any worker finds a violation at index i, the others are told to stop
 * past i, so the counterexample is always the lowest failing index below the budget: the same run `search` (and
 * `npm run sim -- --search`) finds with one process, whatever the number of workers.
 *
 * Pure: the worker gives `pause` (a macrotask, so messages such as a new limit can arrive between runs) and reads no
 * clock here.
 */
import { createSimulation } from '../simulation.ts';
import type { Topology } from '../topology/types.ts';
import { observeRun, Planner, randomPhase } from './guided.ts';
import { propertyOf, startTrial, type PropertyArg } from './properties.ts';
import { defaultKinds, describeRun, faultVocabulary, shrink, type FaultKind, type Run, type Violation } from './search.ts';

export interface ScanJob {
  /** A property by name, or with what it needs (plain data: it crosses to workers). */
  property: PropertyArg;
  /** Seed of the search: which schedules and simulation seeds are drawn. */
  seed: number;
  /** Runs of the whole search: indices 0 .. budget-1. */
  budget: number;
  /** Simulated length of each run (`runLength` gives a lesson's own for `lesson-goals`). */
  durationUs: number;
  /** Families of faults to draw from (default: defaultKinds of the property). */
  kinds?: FaultKind[];
  maxEpisodes?: number;
  /** Guided runs after the random phase, and its length (as SearchOptions). */
  guided?: boolean;
  randomRuns?: number;
  /** How many workers share the runs, and which one this is (0-based). */
  workers: number;
  worker: number;
}

/** What a worker says after each of its runs. */
export interface ScanStep {
  index: number;
  run: Run;
  violation?: Violation;
  /** The faults of the vocabulary this run used (lines without their times), for "faults explored". */
  faults: string[];
  /** How many faults the topology offers. */
  vocabulary: number;
  /** The moments (`label component` pairs) the run saw, and those a fault of it hit (engine/search/guided.ts). */
  seen?: string[];
  hit?: string[];
}

/** Fault lines without their time (`12.5s crash Kafka/2` → `crash Kafka/2`). */
export const untimed = (line: string) => line.replace(/^\S+\s+/, '');

/**
 * Runs this worker's share of the job. `limit()` is read before each run: runs past it are not tried (a lower index
 * already failed, or the search was stopped with -1). Resolves with the number of runs tried.
 */
export async function runScan(topology: Topology, job: ScanJob, onStep: (s: ScanStep) => void, limit: () => number, pause: () => Promise<void>): Promise<number> {
  const spec = createSimulation(topology, { traceCapacity: 16 }).spec;
  const vocabulary = faultVocabulary(spec, job.kinds ?? defaultKinds(propertyOf(job.property).name));
  if (vocabulary.length === 0) return 0;
  const known = new Set(vocabulary.map((e) => e.fault));
  const planner = new Planner(vocabulary, { seed: job.seed, durationUs: job.durationUs, maxEpisodes: job.maxEpisodes ?? 3, randomRuns: job.randomRuns ?? randomPhase(job.budget), guided: job.guided !== false });
  let tried = 0;
  for (let i = 0; i < job.budget; i++) {
    // Guided runs are drawn from every run of the random phase: learn the moments of those other workers tried, by
    // running them again here (no message passing, and the same guided runs whatever the number of workers).
    for (const j of planner.missing(i)) {
      await pause();
      if (i > limit()) return tried;
      planner.learn(j, observeRun(topology, planner.phase[j]!, job.property));
    }
    // Every worker draws every run, so run i is the same in all of them; drawing is cheap next to running.
    const run = planner.draw(i);
    if (i % job.workers !== job.worker) continue;
    await pause();
    if (i > limit()) break;
    const o = observeRun(topology, run, job.property);
    planner.learn(i, o);
    const violation = o.violation;
    tried++;
    const faults = [...new Set(run.faults.map(untimed).filter((f) => known.has(f)))];
    onStep({ index: i, run, violation, faults, vocabulary: vocabulary.length, seen: o.seen, hit: o.hit });
    if (violation) break;
  }
  return tried;
}

export interface Shrunk {
  run: Run;
  violation: Violation;
  /** Runs spent shrinking. */
  runs: number;
  /** The first moment (on a `stepUs` grid) at which the shrunk run breaks the property: where the player opens it. */
  atUs: number;
  /** The story in one line: `partition Kafka/3 | … at 100 ms (seed 281104, 10 s run): loses 952 acknowledged messages (…)`. */
  story: string;
}

/** Shrinks a found run (see `shrink`), then finds the moment its violation first shows. */
export function shrinkFound(topology: Topology, run: Run, property: PropertyArg, budget: number, onRun?: (runs: number) => void): Shrunk {
  const s = shrink(topology, run, property, budget, onRun);
  return { ...s, atUs: momentOf(topology, s.run, property), story: describeRun(s.run, s.violation) };
}

/**
 * The first moment, on a grid of `stepUs`, at which the run breaks the property (the checkers judged at that moment,
 * as the player's counters do); the run's end if it shows only there. One run, checked at each step.
 */
export function momentOf(topology: Topology, run: Run, property: PropertyArg, stepUs = 250_000): number {
  const trial = startTrial(topology, run, property, 1024);
  for (let t = stepUs; t < run.durationUs; t += stepUs) {
    trial.advance(t);
    if (trial.verdict()) return t;
  }
  return run.durationUs;
}

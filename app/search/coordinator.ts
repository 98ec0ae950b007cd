/**
 * "Find a failure" in the app (issue 17 §3): shares a search's runs out among a few workers, adds up their progress,
 * keeps the lowest failing run, has one worker shrink it, and can be cancelled at any moment. Pure: the workers, the
 * clock and the progress listener are given (app/search/workers.ts gives real Web Workers; the tests, in-process ones).
 *
 * Deterministic with a budget in runs: the counterexample is the lowest failing index below the budget
 * (engine/search/scan.ts), so 1 or 8 workers, a fast or a slow machine, give the same run and the same shrink. A
 * budget in wall time is the one thing that depends on the machine.
 */
import type { ScanJob, ScanStep, Shrunk } from '../../engine/search/scan.ts';
import { runLength, type FaultKind, type PropertyArg } from '../../engine/search/kinds.ts';
import type { Run, Violation } from '../../engine/search/search.ts';

/** The side of a worker the coordinator uses. */
export interface SearchWorker {
  scan(text: string, job: ScanJob, onStep: (s: ScanStep) => void): Promise<number>;
  limit(index: number): Promise<void>;
  shrink(text: string, run: Run, property: PropertyArg, budget: number, onRun: (runs: number) => void): Promise<Shrunk>;
  /** Ends the worker at once; its calls then never answer. */
  terminate(): void;
}

export type Budget = { runs: number } | { ms: number };

export interface SearchSettings {
  /** A property by name, or with what it needs (checkout-within's limit, lesson-goals' lesson). */
  property: PropertyArg;
  budget: Budget;
  kinds: FaultKind[];
  /** Seed of the search (the app uses the player's seed). */
  seed: number;
  /** Simulated length of each run (default 30 s; a lesson's own for lesson-goals). */
  durationUs?: number;
  /** Runs the shrink may spend (default 150). */
  shrinkBudget?: number;
}

export interface SearchProgress {
  phase: 'searching' | 'shrinking';
  /** Runs tried so far, by all workers. */
  tried: number;
  /** Faults of the vocabulary used by some run tried, and how many there are. */
  explored: number;
  vocabulary: number;
  /** Moments the runs saw (`isr-shrink Kafka/1`, engine/search/guided.ts), and how many of them a fault hit. */
  moments?: number;
  covered?: number;
  /** Runs spent shrinking. */
  shrinkRuns: number;
  elapsedMs: number;
  /** Wall time left of the budget: exact for a time budget, estimated from the pace so far for runs; null before any run. */
  leftMs: number | null;
  workers: number;
}

export type SearchOutcome =
  | { kind: 'survived'; runs: number; wallMs: number; vocabulary: number; workers: number }
  | {
      kind: 'found';
      /** Runs of the search up to and including the counterexample (its index + 1), as the command line counts. */
      runs: number;
      wallMs: number;
      firstMs: number;
      found: { run: Run; violation: Violation };
      shrunk: Shrunk;
      workers: number;
      /** Cancelled while shrinking: `shrunk` is the run as found, opened at its end, where the checkers judged it. */
      unshrunk?: boolean;
    }
  | { kind: 'cancelled'; tried: number; wallMs: number }
  | { kind: 'error'; message: string };

export interface SearchDeps {
  spawn: () => SearchWorker;
  workers: number;
  now: () => number;
  onProgress: (p: SearchProgress) => void;
}

export interface SearchHandle {
  done: Promise<SearchOutcome>;
  /** Stops the search now: every worker is terminated and `done` settles as cancelled. */
  cancel(): void;
}

/** A time budget still numbers its runs; this many at most. */
const RUNS_OF_A_TIME_BUDGET = 1_000_000;

/** How many workers to start: one per core but one left for the page, at least one, at most `cap`. */
export function workerCount(cores: number | undefined, cap = 8): number {
  return Math.max(1, Math.min(cap, (cores ?? 2) - 1));
}

/** Wall time left: the budget's rest, or the remaining runs at the pace so far. */
export function timeLeft(budget: Budget, tried: number, elapsedMs: number): number | null {
  if ('ms' in budget) return Math.max(0, budget.ms - elapsedMs);
  if (tried === 0) return null;
  return Math.max(0, ((budget.runs - tried) * elapsedMs) / tried);
}

export function startSearch(text: string, settings: SearchSettings, deps: SearchDeps): SearchHandle {
  const n = Math.max(1, Math.floor(deps.workers));
  const t0 = deps.now();
  const elapsed = () => deps.now() - t0;
  const workers: SearchWorker[] = [];
  let tried = 0;
  let vocabulary = 0;
  let shrinkRuns = 0;
  const explored = new Set<string>();
  const seen = new Set<string>();
  const hit = new Set<string>();
  let best: ScanStep | undefined;
  let firstMs = 0;
  let over = false;
  let stoppedForTime = false;

  const report = (phase: SearchProgress['phase']) =>
    deps.onProgress({ phase, tried, explored: explored.size, vocabulary, moments: seen.size, covered: hit.size, shrinkRuns, elapsedMs: elapsed(), leftMs: phase === 'shrinking' ? null : timeLeft(settings.budget, tried, elapsed()), workers: n });
  const limitAll = (index: number) => {
    for (const w of workers) void w.limit(index).catch(() => undefined);
  };
  const ended = new Set<SearchWorker>();
  const end = (w: SearchWorker) => {
    if (ended.has(w)) return;
    ended.add(w);
    w.terminate();
  };
  const endAll = () => workers.forEach(end);

  const onStep = (s: ScanStep) => {
    if (over) return;
    tried++;
    vocabulary = s.vocabulary;
    for (const f of s.faults) explored.add(f);
    for (const m of s.seen ?? []) seen.add(m);
    for (const m of s.hit ?? []) hit.add(m);
    if (s.violation && (!best || s.index < best.index)) {
      best = s;
      firstMs = elapsed();
      limitAll(s.index);
    }
    if ('ms' in settings.budget && !stoppedForTime && elapsed() >= settings.budget.ms) {
      stoppedForTime = true;
      limitAll(-1);
    }
    report('searching');
  };

  let cancelled!: (o: SearchOutcome) => void;
  const onCancel = new Promise<SearchOutcome>((resolve) => (cancelled = resolve));

  const work = async (): Promise<SearchOutcome> => {
    const budget = 'runs' in settings.budget ? settings.budget.runs : RUNS_OF_A_TIME_BUDGET;
    const job = { property: settings.property, seed: settings.seed, budget, durationUs: runLength(settings.property, settings.durationUs), kinds: settings.kinds, workers: n };
    for (let k = 0; k < n; k++) workers.push(deps.spawn());
    await Promise.all(workers.map((w, worker) => w.scan(text, { ...job, worker }, onStep)));
    if (!best) {
      const runs = 'runs' in settings.budget ? Math.min(settings.budget.runs, tried) : tried;
      return { kind: 'survived', runs, wallMs: elapsed(), vocabulary, workers: n };
    }
    const found = { run: best.run, violation: best.violation! };
    // One worker shrinks (each step of a shrink depends on the one before); the others are done.
    workers.slice(1).forEach(end);
    report('shrinking');
    const shrunk = await workers[0]!.shrink(text, found.run, settings.property, settings.shrinkBudget ?? 150, (r) => {
      if (over) return;
      shrinkRuns = r;
      report('shrinking');
    });
    return { kind: 'found', runs: best.index + 1, wallMs: elapsed(), firstMs, found, shrunk, workers: n };
  };

  const done = Promise.race([
    work().catch((e: unknown): SearchOutcome => ({ kind: 'error', message: e instanceof Error ? e.message : String(e) })),
    onCancel,
  ]).then((o) => {
    over = true;
    endAll();
    return o;
  });

  return {
    done,
    cancel() {
      if (over) return;
      over = true;
      endAll();
      // A failing run found before Cancel is still the answer, only not the smallest story of it.
      if (best?.violation) {
        const run = best.run;
        const shrunk: Shrunk = { run, violation: best.violation, runs: shrinkRuns, atUs: run.durationUs, story: '' };
        cancelled({ kind: 'found', runs: best.index + 1, wallMs: elapsed(), firstMs, found: { run, violation: best.violation }, shrunk, workers: n, unshrunk: true });
      } else cancelled({ kind: 'cancelled', tried, wallMs: elapsed() });
    },
  };
}

/**
 * "Find a failure": generate fault schedules for a topology, run each, stop at the first run that breaks a property,
 * and shrink that schedule to the smallest one that still breaks it (as property-based testing does).
 *
 * Pure and deterministic: the search is driven by its own seed, each run by (text, simulation seed, schedule), so a
 * counterexample replays as `npm run sim -- file.mmd --seed <seed> --duration <d> --fault '<line>'...`. The search
 * only composes the engine's existing faults (engine/faults/); it never changes how a run behaves.
 */
import type { CheckReport } from '../check/checks.ts';
import { formatFault, parseFault } from '../faults/parse.ts';
import type { Fault } from '../faults/types.ts';
import { createSimulation } from '../simulation.ts';
import { formatDuration } from '../sim/time.ts';
import { parseTopology } from '../topology/parse.ts';
import type { Topology } from '../topology/types.ts';
import type { Spec } from '../model/spec.ts';
import { observeRun, Planner, randomPhase } from './guided.ts';
import { DEFAULT_KINDS, defaultKinds, runLength, type FaultKind, type HistoryProperty, type PropertyName } from './kinds.ts';
import { propertyOf, startTrial, type PropertyArg } from './properties.ts';

export { DEFAULT_KINDS, defaultKinds, FAULT_KINDS, PROPERTIES, runLength, type FaultKind, type HistoryProperty, type PropertyName } from './kinds.ts';
export type { Property, PropertyArg } from './properties.ts';

/** How much a `slow` episode adds to a service's latency (shrinking halves it while the run still fails). */
export const SLOW_BY_MS = 2000;

/** A line that undoes an earlier fault: a restart, a heal, a slowdown back to none. */
export const isRecovery = (line: string) => /^\S+\s+(restart|heal)\b/.test(line) || /^\S+\s+slow\s+\S+\s+0(ms|s|us)?$/.test(line);

/** One thing that can go wrong, and what undoes it (a crash and its restart, a split and the heal). */
export interface Episode {
  kind: FaultKind;
  /** The fault line without its time, e.g. `crash Kafka/2`. */
  fault: string;
  /** What undoes it, if anything, e.g. `restart Kafka/2`. */
  recover?: string;
}

export interface Violation {
  property: PropertyName;
  count: number;
  /** Message ids that prove it (at most 20). */
  ids: number[];
  /** In words: `loses 3 acknowledged messages (ids 12, 40, 41)`. */
  summary: string;
}

/** One run: reproducible from the topology text and these three. */
export interface Run {
  seed: number;
  durationUs: number;
  /** Fault lines with their times, as `--fault` and `createSimulation({ faults })` read them. */
  faults: string[];
}

export interface SearchOptions {
  /** A property by name, or with what it needs (`{ name: 'checkout-within', withinMs: 500 }`). */
  property: PropertyArg;
  /** Runs to try at most. */
  budget: number;
  /** Wall time to search at most, in milliseconds, read from `clock` (the one bound that is not deterministic). */
  timeBudgetMs?: number;
  /**
   * A wall clock in milliseconds, given by the caller (the engine has none of its own): times the search and bounds
   * it by `timeBudgetMs`. Without it, times read 0.
   */
  clock?: () => number;
  /** Seed of the search (which schedules and which simulation seeds it tries). */
  seed?: number;
  /** Simulated length of each run (default 30 s; a lesson's own length for `lesson-goals`). */
  durationUs?: number;
  /** Families of faults to draw from (default: defaultKinds of the property). */
  kinds?: FaultKind[];
  /** Most episodes in one schedule (default 3). */
  maxEpisodes?: number;
  /** Shrink a found schedule (default true); at most this many extra runs (default 300). */
  shrink?: boolean;
  shrinkBudget?: number;
  /** Called after each run of the search (not of the shrink), for progress. */
  onRun?: (tried: number, run: Run) => void;
  /**
   * Guide the runs after the random phase by the moments the runs saw (engine/search/guided.ts; default true), and
   * how many runs are random first (default half the budget, at most 50).
   */
  guided?: boolean;
  randomRuns?: number;
}

/** Coverage of what the checkers saw: `label component` pairs (`isr-shrink Kafka/1`), seen in some run, and hit by some fault. */
export interface Coverage {
  moments: string[];
  covered: string[];
}

export interface SearchResult {
  property: PropertyName;
  /** Runs of the search proper (the last one is the counterexample, if one was found). */
  runs: number;
  /** Runs spent shrinking. */
  shrinkRuns: number;
  wallMs: number;
  /** Wall time to the first counterexample (before shrinking). */
  firstMs?: number;
  vocabulary: Episode[];
  /** Runs of the search that were guided (the rest were drawn at random). */
  guidedRuns: number;
  coverage: Coverage;
  found?: { run: Run; violation: Violation };
  shrunk?: { run: Run; violation: Violation };
}

/** A small, fast, seedable generator (mulberry32): the same seed gives the same schedules on every machine. */
export function rng(seed: number): () => number {
  let a = seed >>> 0 || 0x9e3779b9;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The faults a topology offers: each broker, each partition's leader, each consumer, each broker cut off, each controller voter. */
export function faultVocabulary(spec: Spec, kinds: FaultKind[] = DEFAULT_KINDS): Episode[] {
  const out: Episode[] = [];
  const want = new Set(kinds);
  for (const c of spec.clusters ?? []) {
    const brokers = Array.from({ length: c.config.brokers }, (_, i) => `${c.node}/${i + 1}`);
    if (want.has('broker')) for (const b of brokers) out.push({ kind: 'broker', fault: `crash ${b}`, recover: `restart ${b}` });
    if (want.has('leader')) {
      for (const t of spec.topics ?? []) {
        if (spec.clusters[t.cluster] !== c) continue;
        // The leader when the fault fires; restarting the cluster brings back whichever broker that was.
        for (let p = 0; p < t.config.partitions; p++) out.push({ kind: 'leader', fault: `crash leader:${t.name}/${p}`, recover: `restart ${c.node}` });
      }
    }
    // Each voter of the KRaft quorum crashed and restarted (issue 11 §1): the first crash of the active one forces a
    // failover; two at once (of three) leave the cluster without metadata changes until one is back.
    if (want.has('controller')) {
      for (let v = 1; v <= c.config.controllers; v++) out.push({ kind: 'controller', fault: `crash ${c.node}/controller-${v}`, recover: `restart ${c.node}/controller-${v}` });
    }
    if (want.has('split') && brokers.length > 1) {
      for (const b of brokers) {
        const rest = [...brokers.filter((x) => x !== b), `${c.node}/controller`];
        out.push({ kind: 'split', fault: `partition ${b} | ${rest.join(',')}`, recover: 'heal' });
      }
    }
  }
  if (want.has('consumer')) {
    for (const s of spec.services ?? []) {
      if (s.consumes.length === 0) continue;
      out.push({ kind: 'consumer', fault: `crash ${s.node}`, recover: `restart ${s.node}` });
      out.push({ kind: 'consumer', fault: `crash-after-processing ${s.node}`, recover: `restart ${s.node}` });
    }
  }
  // Each instance of each service (the whole service when it has one), whether it consumes, answers calls or
  // originates events; a line the consumer kind already offers is not offered twice.
  const services = (spec.services ?? []).filter((s) => s.kind === 'service');
  if (want.has('service')) {
    for (const s of services) {
      const names = s.instances > 1 ? Array.from({ length: s.instances }, (_, i) => `${s.node}/${i + 1}`) : [s.node];
      for (const n of names) if (!out.some((e) => e.fault === `crash ${n}`)) out.push({ kind: 'service', fault: `crash ${n}`, recover: `restart ${n}` });
    }
  }
  if (want.has('slow')) for (const s of services) out.push({ kind: 'slow', fault: `slow ${s.node} ${SLOW_BY_MS}ms`, recover: `slow ${s.node} 0ms` });
  return out;
}

const round = (us: number, step: number) => Math.round(us / step) * step;
const at = (us: number) => (us % 1_000_000 === 0 ? `${us / 1_000_000}s` : `${us / 1000}ms`);
const timeOf = (line: string): number => {
  const f = parseFault(line);
  if (typeof f === 'string') throw new Error(f);
  return f.at;
};
const withTime = (line: string, us: number) => line.replace(/^\S+/, at(us));

/** Draws a schedule of 1..maxEpisodes episodes; each may be undone a few seconds later. */
export function randomSchedule(random: () => number, vocabulary: Episode[], durationUs: number, maxEpisodes: number): string[] {
  const n = 1 + Math.floor(random() * maxEpisodes);
  const lines: { t: number; line: string }[] = [];
  const latest = Math.max(1_000_000, durationUs - 5_000_000);
  for (let i = 0; i < n; i++) {
    const e = vocabulary[Math.floor(random() * vocabulary.length)]!;
    const t = round(500_000 + random() * (latest - 500_000), 100_000);
    lines.push({ t, line: `${at(t)} ${e.fault}` });
    if (e.recover && random() < 0.7) {
      const r = Math.min(durationUs - 100_000, round(t + 1_000_000 + random() * 14_000_000, 100_000));
      if (r > t) lines.push({ t: r, line: `${at(r)} ${e.recover}` });
    }
  }
  return lines.sort((a, b) => a.t - b.t).map((x) => x.line);
}

/**
 * The next run of a search: a simulation seed, then a schedule, both from the search's stream. Run i of a search seed
 * is the same wherever it is drawn, so workers that share the runs out by index try exactly the runs `search` tries.
 */
export function drawRun(random: () => number, vocabulary: Episode[], durationUs: number, maxEpisodes: number): Run {
  const seed = 1 + Math.floor(random() * 1_000_000);
  return { seed, durationUs, faults: randomSchedule(random, vocabulary, durationUs, maxEpisodes) };
}

/** A history property's verdict on a finished run, or undefined when it holds (the others: engine/search/properties.ts). */
export function violationOf(property: HistoryProperty, h: CheckReport): Violation | undefined {
  const ids = (xs: { message: number }[]) => xs.map((x) => x.message);
  const list = (xs: number[], count: number) => `id${xs.length === 1 ? '' : 's'} ${xs.slice(0, 10).join(', ')}${count > 10 ? ', ...' : ''}`;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  switch (property) {
    case 'no-loss': {
      if (h.lost.count === 0) return undefined;
      const x = ids(h.lost.examples);
      return { property, count: h.lost.count, ids: x, summary: `loses ${plural(h.lost.count, 'acknowledged message')} (${list(x, h.lost.count)})` };
    }
    case 'no-missed': {
      if (h.missed.count === 0) return undefined;
      const x = ids(h.missed.examples);
      const groups = [...new Set(h.missed.examples.map((e) => e.group))].join(', ');
      return { property, count: h.missed.count, ids: x, summary: `leaves ${plural(h.missed.count, 'message')} never to be processed by ${groups} (${list(x, h.missed.count)})` };
    }
    case 'no-duplicates': {
      if (h.duplicated.count === 0) return undefined;
      const x = ids(h.duplicated.examples);
      const groups = [...new Set(h.duplicated.examples.map((e) => e.group))].join(', ');
      return { property, count: h.duplicated.count, ids: x, summary: `processes ${plural(h.duplicated.count, 'message')} twice in ${groups} (${list(x, h.duplicated.count)})` };
    }
    case 'order': {
      if (h.reordered.count === 0) return undefined;
      const x = ids(h.reordered.examples);
      const groups = [...new Set(h.reordered.examples.map((e) => e.group))].join(', ');
      const retried = h.reordered.examples.filter((e) => e.retryOf !== undefined).length;
      const why = retried > 0 ? `; ${retried} of the examples are retried copies overtaken while on a retry topic` : '';
      return { property, count: h.reordered.count, ids: x, summary: `processes ${plural(h.reordered.count, 'message')} out of key order in ${groups} (${list(x, h.reordered.count)})${why}` };
    }
  }
}

/** Runs one schedule and judges it. */
export function runOnce(topology: Topology, run: Run, property: PropertyArg): Violation | undefined {
  const trial = startTrial(topology, run, property, 1024);
  trial.advance(run.durationUs);
  return trial.verdict();
}

/**
 * Makes a failing run smaller while it still fails: drop faults, move them earlier, shorten the run. Greedy, one
 * change at a time, first improvement taken, until nothing helps or the budget is spent.
 */
export function shrink(
  topology: Topology,
  start: Run,
  property: PropertyArg,
  budget = 300,
  /** Called after each run of the shrink, with the runs spent so far (progress). */
  onRun?: (runs: number) => void,
): { run: Run; violation: Violation; runs: number } {
  let best = start;
  let violation = runOnce(topology, start, property);
  let runs = 1;
  if (!violation) throw new Error('shrink: the run does not fail');
  const tryRun = (r: Run): boolean => {
    if (runs >= budget) return false;
    runs++;
    const v = runOnce(topology, r, property);
    onRun?.(runs);
    if (!v) return false;
    best = r;
    violation = v;
    return true;
  };
  const sorted = (faults: string[]) => [...faults].sort((a, b) => timeOf(a) - timeOf(b));
  // One fault alone, then fewer faults one at a time.
  const alone = (): boolean => {
    if (best.faults.length <= 1) return false;
    for (const f of best.faults) if (!isRecovery(f) && tryRun({ ...best, faults: [f] })) return true;
    return false;
  };
  const drop = (): boolean => {
    for (let i = 0; i < best.faults.length; i++) if (tryRun({ ...best, faults: best.faults.filter((_, j) => j !== i) })) return true;
    return false;
  };
  // A shorter run: no longer than needed after the last fault (shorter runs also make the next tries cheaper).
  const shorter = (): boolean => {
    const last = best.faults.length ? timeOf(best.faults[best.faults.length - 1]!) : 0;
    const lengths = [last + 1_000_000, last + 5_000_000, round((last + best.durationUs) / 2, 1_000_000), best.durationUs - 5_000_000]
      .map((x) => Math.ceil(x / 1_000_000) * 1_000_000)
      .filter((x, k, all) => x > last && x < best.durationUs && all.indexOf(x) === k)
      .sort((a, b) => a - b);
    for (const d of lengths) if (tryRun({ ...best, durationUs: d })) return true;
    return false;
  };
  // Earlier faults: to 0.5 s, halfway, a second earlier, on a whole second.
  const earlier = (): boolean => {
    for (let i = 0; i < best.faults.length; i++) {
      const t = timeOf(best.faults[i]!);
      const options = [500_000, round(t / 2, 100_000), t - 1_000_000, Math.floor(t / 1_000_000) * 1_000_000].filter((x, k, all) => x >= 100_000 && x < t && all.indexOf(x) === k);
      for (const nt of options) if (tryRun({ ...best, faults: sorted(best.faults.map((f, j) => (j === i ? withTime(f, nt) : f))) })) return true;
    }
    return false;
  };
  // A milder slowdown: half the extra latency (on a 100 ms grid), so the story tells how slow is slow enough to fail.
  const milder = (): boolean => {
    for (let i = 0; i < best.faults.length; i++) {
      const f = parseFault(best.faults[i]!);
      if (typeof f === 'string' || f.action !== 'slow' || f.byUs <= 100_000) continue;
      const by = Math.max(100_000, round(f.byUs / 2, 100_000));
      const line = best.faults[i]!.replace(/\S+$/, `${by / 1000}ms`);
      if (tryRun({ ...best, faults: best.faults.map((x, j) => (j === i ? line : x)) })) return true;
    }
    return false;
  };
  while (runs < budget && (alone() || shorter() || drop() || earlier() || milder()));
  return { run: best, violation: violation!, runs };
}

/** Searches for a run of `text` that breaks the property; see SearchOptions. */
export function search(text: string | Topology, opts: SearchOptions): SearchResult {
  const clock = opts.clock ?? (() => 0);
  const t0 = clock();
  const topology = typeof text === 'string' ? parseOrThrow(text) : text;
  const property = propertyOf(opts.property);
  const durationUs = runLength(property, opts.durationUs);
  const spec = createSimulation(topology, { traceCapacity: 16 }).spec;
  const vocabulary = faultVocabulary(spec, opts.kinds ?? defaultKinds(property.name));
  const result: SearchResult = { property: property.name, runs: 0, shrinkRuns: 0, wallMs: 0, vocabulary, guidedRuns: 0, coverage: { moments: [], covered: [] } };
  if (vocabulary.length === 0) {
    result.wallMs = clock() - t0;
    return result;
  }
  const planner = new Planner(vocabulary, { seed: opts.seed ?? 1, durationUs, maxEpisodes: opts.maxEpisodes ?? 3, randomRuns: opts.randomRuns ?? randomPhase(opts.budget), guided: opts.guided !== false });
  const seen = new Set<string>();
  const hit = new Set<string>();
  for (let i = 0; i < opts.budget; i++) {
    if (opts.timeBudgetMs !== undefined && clock() - t0 > opts.timeBudgetMs) break;
    const guided = planner.guidedRuns;
    const run = planner.draw(i);
    result.runs++;
    if (planner.guidedRuns > guided) result.guidedRuns++;
    const o = observeRun(topology, run, property);
    planner.learn(i, o);
    for (const p of o.seen) seen.add(p);
    for (const p of o.hit) hit.add(p);
    const v = o.violation;
    opts.onRun?.(result.runs, run);
    if (v) {
      result.found = { run, violation: v };
      result.firstMs = clock() - t0;
      break;
    }
  }
  result.coverage = { moments: [...seen], covered: [...seen].filter((p) => hit.has(p)) };
  if (result.found && opts.shrink !== false) {
    const s = shrink(topology, result.found.run, property, opts.shrinkBudget ?? 300);
    result.shrunk = { run: s.run, violation: s.violation };
    result.shrinkRuns = s.runs;
  }
  result.wallMs = clock() - t0;
  return result;
}

function parseOrThrow(text: string): Topology {
  const parsed = parseTopology(text);
  if (!parsed.ok) throw new Error(`topology does not parse: ${parsed.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`).join('; ')}`);
  return parsed.topology;
}

/** A fault's time exactly (guided faults fall between round numbers: 8,996.3 ms is `8.9963s`, not `9s`). */
export function exactSeconds(us: number): string {
  return `${(us / 1e6).toFixed(6).replace(/\.?0+$/, '')}s`;
}

/** The story of a run in one line: `crash Kafka/2 at 12.4 s, restart Kafka/2 at 19 s: loses 3 acknowledged messages (...)`. */
export function describeRun(run: Run, violation?: Violation): string {
  const parts = run.faults.map((line) => {
    const f = parseFault(line) as Fault;
    return `${formatFault({ ...f, at: 0 }).replace(/^\S+\s+/, '')} at ${exactSeconds(f.at)}`;
  });
  const story = parts.length ? parts.join(', then ') : 'no fault';
  return `${story} (seed ${run.seed}, ${formatDuration(run.durationUs)} run)${violation ? `: ${violation.summary}` : ''}`;
}

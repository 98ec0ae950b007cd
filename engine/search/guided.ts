/**
 * The guided half of "Find a failure" (issue 17 §1): random schedules first, then schedules that place a fault at, or
 * just after, a moment the checkers saw in an earlier run (an ISR shrank, a leader was elected, a group began to
 * rebalance, a consumer fetched or committed, an outbox relay published a batch, a saga sent a step), on a component
 * involved in it. As AFL and TigerBeetle's VOPR do: each guided run is an earlier run (its seed, its faults up to the
 * moment, so the moment happens again, the engine being deterministic) plus one fault in that moment's window, and the
 * moments no fault has hit yet, by (kind, component), are tried first.
 *
 * Deterministic: guided run i depends only on the search seed and on the moments of the random phase (its first
 * GUIDE_FROM runs, taken in index order), never on which worker ran what or how fast. Every run stays a plain
 * (seed, duration, fault lines) triple, replayable with `npm run sim`.
 */
import { parseFault } from '../faults/parse.ts';
import { traceKindNamed } from '../history/trace.ts';
// Kafka's consumer groups share their numbers with the port's subscriptions (engine/kafka/family.ts).
import { placeName, subscriptionName } from '../messaging/state.ts';
import type { Topology } from '../topology/types.ts';
import { startTrial, type PropertyArg } from './properties.ts';
import { drawRun, isRecovery, rng, type Episode, type Run, type Violation } from './search.ts';

/** The moments the search records, by trace kind (engine/kafka/trace.ts, engine/outbox/trace.ts, engine/sagas/trace.ts). */
const MOMENT_KINDS: { trace: string; label: string; keep?: (a: number, b: number, node: number) => boolean }[] = [
  { trace: 'isr', label: 'isr-shrink', keep: (_a, b) => b === 1 },
  { trace: 'election', label: 'election', keep: (_a, _b, node) => node >= 0 },
  { trace: 'controller', label: 'controller-election', keep: (_a, b) => b === 1 },
  { trace: 'rebalance', label: 'rebalance' },
  // A consumer's fetch opens the window in which it processes what it has not committed yet; its commit closes it.
  { trace: 'deliver', label: 'fetch' },
  { trace: 'commit', label: 'commit' },
  // A relay published a row of its batch and has not marked it sent yet: a crash now publishes it again.
  { trace: 'relayPublish', label: 'relay-batch' },
  { trace: 'sagaCommand', label: 'saga-step' },
];

/** One moment of a run: `isr-shrink` at `Kafka/1` (place `orders-topic-3`) at 12.3456 s. */
export interface Moment {
  /** `label component`, the unit of coverage: `isr-shrink Kafka/1`, `rebalance Inventory` (a group), `fetch Billing`. */
  pair: string;
  label: string;
  /** The host it happened at, or the consumer group of a rebalance. */
  component: string;
  place?: string;
  t: number;
}

/** What one run showed: its verdict, the moments seen (sampled, at most one per pair every SPACING_US), and coverage. */
export interface Observation {
  violation?: Violation;
  moments: Moment[];
  /** Pairs seen in the run, in the order first seen. */
  seen: string[];
  /** Pairs whose moment a fault of the run hit: a fault on an involved component within HIT_WINDOW_US after it. */
  hit: string[];
}

/** A fault "hits" a moment when it fires on an involved component this soon after it. */
export const HIT_WINDOW_US = 500_000;
/** Moments of one pair are kept at least this far apart (a consumer fetches every few milliseconds). */
const SPACING_US = 500_000;
/** The run is stepped in slices this long, and the trace ring read after each (its capacity covers a busy slice). */
const SLICE_US = 50_000;
const TRACE_CAPACITY = 1 << 11;

/** What a fault line acts on: `Kafka/2`, `leader:orders-topic/3` as the place `orders-topic-3`, a service; undefined for restarts and heals. */
function targetOf(fault: string): { host?: string; place?: string; consumer: boolean } | undefined {
  const m = /^(crash-after-processing|crash|partition|slow)\s+(\S+)/.exec(fault);
  if (!m || isRecovery(`0s ${fault}`)) return undefined;
  const leader = /^leader:(.+)\/(\d+)$/.exec(m[2]!);
  if (leader) return { place: `${leader[1]}-${leader[2]}`, consumer: false };
  return { host: m[2]!, consumer: m[1] === 'crash-after-processing' };
}

/** A fault on `target` involves the moment: the same host (or one of the service's instances), the same partition, or a consumer of a rebalancing group. */
function involves(target: { host?: string; place?: string; consumer: boolean }, m: { label: string; component: string; place?: string }, episodeKind?: string): boolean {
  if (m.label === 'rebalance') return target.consumer || episodeKind === 'consumer';
  if (target.place !== undefined) return target.place === m.place;
  const h = target.host!;
  return m.component === h || (m.component.startsWith(h) && /^[/#-]\d/.test(m.component.slice(h.length)));
}

const untimedFault = (line: string) => line.replace(/^\S+\s+/, '');
const timeOf = (line: string): number => {
  const f = parseFault(line);
  if (typeof f === 'string') throw new Error(f);
  return f.at;
};

/**
 * Runs one schedule, judges it as `runOnce` does, and records its moments and which of them its faults hit. The run
 * is the same run (stepping a simulation in slices changes nothing it does); the trace ring is read between slices.
 */
export function observeRun(topology: Topology, run: Run, property: PropertyArg): Observation {
  const trial = startTrial(topology, run, property, TRACE_CAPACITY);
  const w = trial.world;
  const tr = w.trace;
  // Trace kind number → index in MOMENT_KINDS + 1 (0: not a moment).
  const table = new Uint8Array(256);
  MOMENT_KINDS.forEach((k, i) => {
    const n = traceKindNamed(k.trace);
    if (n !== undefined) table[n] = i + 1;
  });
  const faults = run.faults
    .map((line) => ({ at: timeOf(line), target: targetOf(untimedFault(line)) }))
    .filter((f): f is { at: number; target: NonNullable<ReturnType<typeof targetOf>> } => f.target !== undefined);
  const leaders = faults.some((f) => f.target.place !== undefined);
  const moments: Moment[] = [];
  const seen: string[] = [];
  const hit = new Set<string>();
  // Per (kind, node or group): its pair, the last moment kept, and which faults involve it.
  const pairs = new Map<number, { pair: string; label: string; component: string; last: number; faults: number[] }>();
  let read = 0;
  const scan = () => {
    const end = tr.written;
    for (let s = Math.max(read, end - tr.capacity); s < end; s++) {
      const i = s % tr.capacity;
      const k = table[tr.kind[i]!]!;
      if (k === 0) continue;
      const def = MOMENT_KINDS[k - 1]!;
      const node = tr.node[i]!;
      if (def.keep && !def.keep(tr.a[i]!, tr.b[i]!, node)) continue;
      const group = def.label === 'rebalance';
      const id = k * 1_000_000 + (group ? tr.c[i]! : node);
      let p = pairs.get(id);
      const t = tr.time[i]!;
      const part = tr.part[i]!;
      if (p && t - p.last < SPACING_US && !leaders) {
        // Neither kept nor hit by a leader crash: only the faults on its host can hit it.
        for (const j of p.faults) if (faults[j]!.at >= t && faults[j]!.at <= t + HIT_WINDOW_US) hit.add(p.pair);
        continue;
      }
      const place = part >= 0 ? placeName(w.msg, part) : undefined;
      if (!p) {
        const component = group ? (subscriptionName(w.msg, tr.c[i]!) || `group ${tr.c[i]}`) : (w.net.names[node] ?? `node ${node}`);
        const pair = `${def.label} ${component}`;
        p = { pair, label: def.label, component, last: -Infinity, faults: [] };
        faults.forEach((f, j) => {
          if (f.target.place === undefined && involves(f.target, { label: def.label, component })) p!.faults.push(j);
        });
        pairs.set(id, p);
        if (!seen.includes(pair)) seen.push(pair);
      }
      // A leader crash involves the moments of its partition (whichever host they were at).
      for (let j = 0; j < faults.length; j++) {
        const f = faults[j]!;
        if (f.at < t || f.at > t + HIT_WINDOW_US) continue;
        if (p.faults.includes(j) || (f.target.place !== undefined && f.target.place === place)) hit.add(p.pair);
      }
      if (t - p.last >= SPACING_US) {
        p.last = t;
        moments.push({ pair: p.pair, label: p.label, component: p.component, place, t });
      }
    }
    read = end;
  };
  for (let t = SLICE_US; t < run.durationUs; t += SLICE_US) {
    trial.advance(t);
    scan();
  }
  trial.advance(run.durationUs);
  scan();
  return { violation: trial.verdict(), moments, seen, hit: seen.filter((p) => hit.has(p)) };
}

/** How far after a moment a guided fault fires: mostly at once (the narrow windows), sometimes a little later. */
const DELAYS_US = [100, 100, 500, 1_000, 2_000, 5_000, 20_000, 100_000];
const roundTo = (us: number, step: number) => Math.round(us / step) * step;
const at = (us: number) => (us % 1_000_000 === 0 ? `${us / 1_000_000}s` : `${us / 1000}ms`);

interface PairState {
  pair: string;
  /** Times a fault hit it (in the random phase) or a guided run aimed at it. */
  hits: number;
  /** Its moments, each with the run it happened in. */
  moments: { m: Moment; parent: Run }[];
}

/** Most moments kept per pair (the first ones, in index and time order). */
const MOMENTS_PER_PAIR = 64;

/**
 * Draws guided runs from the random phase's observations (given in index order): each aims at the pair hit least so
 * far (ties drawn at random), one of its moments, a fault on a component involved in it, a short delay after it.
 * Returns undefined when the random phase saw no moment at all.
 */
export function guide(phase: { run: Run; obs: Observation }[], vocabulary: Episode[], seed: number): (() => Run) | undefined {
  const byPair = new Map<string, PairState>();
  const order: PairState[] = [];
  for (const { run, obs } of phase) {
    for (const m of obs.moments) {
      let s = byPair.get(m.pair);
      if (!s) {
        s = { pair: m.pair, hits: 0, moments: [] };
        byPair.set(m.pair, s);
        order.push(s);
      }
      if (s.moments.length < MOMENTS_PER_PAIR && m.t < run.durationUs - 1_000_000) s.moments.push({ m, parent: run });
    }
    for (const p of obs.hit) {
      const s = byPair.get(p);
      if (s) s.hits++;
    }
  }
  const usable = order.filter((s) => s.moments.length > 0);
  if (usable.length === 0 || vocabulary.length === 0) return undefined;
  // Its own stream, so guided runs do not shift the random runs drawn between them.
  const random = rng((seed ^ 0x5f3759df) >>> 0);
  const targets = vocabulary.map((e) => targetOf(e.fault));
  return () => {
    const least = Math.min(...usable.map((s) => s.hits));
    const tied = usable.filter((s) => s.hits === least);
    const s = tied[Math.floor(random() * tied.length)]!;
    s.hits++;
    const { m, parent } = s.moments[Math.floor(random() * s.moments.length)]!;
    const involved = vocabulary.filter((e, i) => targets[i] && involves(targets[i]!, m, e.kind));
    const pool = involved.length > 0 ? involved : vocabulary;
    const e = pool[Math.floor(random() * pool.length)]!;
    const t = roundTo(m.t + DELAYS_US[Math.floor(random() * DELAYS_US.length)]!, 100);
    // The parent's faults up to the moment (so it happens again), and its later restarts and heals (so what it
    // crashed comes back as it did there); its later faults are left out.
    const lines = parent.faults.map((line) => ({ t: timeOf(line), line })).filter((x) => x.t <= m.t || isRecovery(x.line));
    lines.push({ t, line: `${at(t)} ${e.fault}` });
    if (e.recover && random() < 0.75) {
      const r = Math.min(parent.durationUs - 100_000, roundTo(t + 1_000_000 + random() * 9_000_000, 100_000));
      if (r > t) lines.push({ t: r, line: `${at(r)} ${e.recover}` });
    }
    // Stable: lines at the same time keep the parent's order, the new fault after them.
    lines.sort((a, b) => a.t - b.t);
    return { seed: parent.seed, durationUs: parent.durationUs, faults: lines.map((x) => x.line) };
  };
}

/** The random runs whose moments guide the rest (the kinds and components of a design show in a few runs). */
const GUIDE_FROM = 16;

/** How many runs are random before guidance starts, unless the search says: half the budget, at most 50. */
export function randomPhase(budget: number): number {
  return Math.max(1, Math.min(50, Math.ceil(budget / 2)));
}

/**
 * The runs of a search in index order: the first `randomRuns` drawn at random (the runs a search drew before it was
 * guided, unchanged), then three guided runs for every random one. Guided runs need the random phase's observations
 * first (`learn`, any order); `draw` must be called for every index in order, by every worker alike.
 */
export class Planner {
  readonly randomRuns: number;
  /** The random phase's runs, by index (a worker re-runs the first GUIDE_FROM another one tried, to learn their moments). */
  readonly phase: Run[] = [];
  private readonly observed: (Observation | undefined)[] = [];
  private readonly random: () => number;
  private next?: () => Run;
  private built = false;
  guidedRuns = 0;

  constructor(
    private readonly vocabulary: Episode[],
    private readonly opts: { seed: number; durationUs: number; maxEpisodes: number; randomRuns: number; guided: boolean },
  ) {
    this.random = rng(opts.seed);
    this.randomRuns = opts.randomRuns;
  }

  /** Whether run i is guided (once the random phase saw some moment). */
  guidedAt(i: number): boolean {
    return this.opts.guided && i >= this.randomRuns && (i - this.randomRuns) % 4 !== 3;
  }

  /**
   * Whether drawing run i needs observations of the random phase not learnt yet; their indices. Guidance reads the
   * first GUIDE_FROM random runs only: each of W workers re-runs those of them the others tried, (W-1)/W of them.
   */
  missing(i: number): number[] {
    if (!this.guidedAt(i) || this.built) return [];
    const out: number[] = [];
    for (let j = 0; j < Math.min(this.randomRuns, GUIDE_FROM); j++) if (!this.observed[j]) out.push(j);
    return out;
  }

  learn(i: number, obs: Observation): void {
    if (i < this.randomRuns) this.observed[i] = obs;
  }

  draw(i: number): Run {
    if (!this.guidedAt(i)) {
      const run = drawRun(this.random, this.vocabulary, this.opts.durationUs, this.opts.maxEpisodes);
      if (i < this.randomRuns) this.phase[i] = run;
      return run;
    }
    if (!this.built) {
      if (this.missing(i).length > 0) throw new Error(`guided run ${i}: the random phase is not all observed`);
      this.built = true;
      this.next = guide(this.phase.slice(0, GUIDE_FROM).map((run, j) => ({ run, obs: this.observed[j]! })), this.vocabulary, this.opts.seed);
    }
    if (!this.next) return drawRun(this.random, this.vocabulary, this.opts.durationUs, this.opts.maxEpisodes);
    this.guidedRuns++;
    return this.next();
  }
}

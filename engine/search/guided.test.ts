/**
 * The guided phase of "Find a failure" (issue 17 §1): after the random runs, schedules that put a fault at the moments
 * the checkers saw. Deterministic, reproducible run by run, the same in one worker or several, and reported as coverage.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../simulation.ts';
import { parseTopology } from '../topology/parse.ts';
import { observeRun, Planner, randomPhase } from './guided.ts';
import { runScan, type ScanStep } from './scan.ts';
import { faultVocabulary, runOnce, search, type Run } from './search.ts';

const acks1 = readFileSync(new URL('../../docs/topologies/orders-acks1.mmd', import.meta.url), 'utf8');
const topology = parseTopology(acks1).topology;

/**
 * Billing commits its position before it processes what it fetched, one record a poll, quickly, at a low rate: a
 * consumer crash skips a record only inside the few milliseconds between a commit and the end of that record's
 * processing, a window the commit opens. A crash drawn at a random 100 ms step lands there about once in a hundred;
 * the guided phase crashes Billing just after commits it saw.
 */
export const narrow = `graph LR
  OrderService[Order Service] -->|OrderPlacedEvent| Kafka[Kafka Broker: orders]
  Kafka -->|subscribe| BillingService[Billing Service]
  %% @config OrderService rate=5/s key=customerId
  %% @config BillingService commit=before processing=2ms max.poll.records=1
`;

describe('guided search', () => {
  it('(a) is deterministic: the same text, seed and budget give the same schedules, guided ones included, and the same result', () => {
    const runs = (seed: number) => {
      const out: Run[] = [];
      const r = search(topology, { property: 'no-loss', budget: 8, seed, kinds: ['broker', 'leader'], durationUs: 4_000_000, shrink: false, onRun: (_i, run) => out.push(run) });
      return { out, r };
    };
    const a = runs(3);
    const b = runs(3);
    expect(a.r.guidedRuns).toBeGreaterThan(0);
    expect(b.out).toEqual(a.out);
    expect(b.r).toEqual({ ...a.r, wallMs: b.r.wallMs });
    expect(runs(4).out).not.toEqual(a.out);
    // The first half are the random runs a search drew before it was guided: unchanged.
    const unguided: Run[] = [];
    search(topology, { property: 'no-loss', budget: 8, seed: 3, kinds: ['broker', 'leader'], durationUs: 4_000_000, shrink: false, guided: false, onRun: (_i, run) => unguided.push(run) });
    const r = randomPhase(8);
    expect(a.out.slice(0, r)).toEqual(unguided.slice(0, r));
    expect(a.out.slice(r)).not.toEqual(unguided.slice(r, a.out.length));
    // Every guided run replays alone from (text, seed, schedule): observing it changes nothing it does.
    for (const run of a.out.slice(r)) expect(observeRun(topology, run, 'no-loss').violation).toEqual(runOnce(topology, run, 'no-loss'));
  }, 120_000);

  it('(a) a guided run puts a fault just after a moment an earlier run saw, on a component involved in it, keeping that run\'s seed and earlier faults', () => {
    const spec = createSimulation(topology, { traceCapacity: 16 }).spec;
    const vocabulary = faultVocabulary(spec, ['broker', 'leader']);
    const planner = new Planner(vocabulary, { seed: 9, durationUs: 6_000_000, maxEpisodes: 3, randomRuns: 2, guided: true });
    const phase = [0, 1].map((i) => {
      const run = planner.draw(i);
      const obs = observeRun(topology, run, 'no-loss');
      planner.learn(i, obs);
      return { run, obs };
    });
    expect(phase[0]!.obs.seen).toContain('election Kafka/1');
    const guided = planner.draw(2);
    const parent = phase.find((p) => p.run.seed === guided.seed)!;
    expect(parent).toBeDefined();
    const times = parent.obs.moments.map((m) => m.t);
    // One new fault line (not a restart or heal) that its parent did not have, within 100 ms after one of its moments.
    const added = guided.faults.filter((f) => !parent.run.faults.includes(f) && !/\s(restart|heal)\b/.test(f));
    expect(added).toHaveLength(1);
    const at = Math.round(Number(/^([\d.]+)(ms|s)/.exec(added[0]!)![1]) * (added[0]!.match(/^[\d.]+ms/) ? 1000 : 1_000_000));
    expect(times.some((t) => at > t && at <= t + 100_000)).toBe(true);
  }, 60_000);

  it('(a) workers that share the runs try exactly the runs one process tries, guided ones included', async () => {
    const job = { property: 'no-loss' as const, seed: 2, budget: 8, durationUs: 3_000_000, kinds: ['broker' as const, 'leader' as const], workers: 1, worker: 0 };
    const one: ScanStep[] = [];
    await runScan(topology, job, (s) => one.push(s), () => Infinity, async () => undefined);
    const two: ScanStep[] = [];
    for (const worker of [0, 1]) await runScan(topology, { ...job, workers: 2, worker }, (s) => two.push(s), () => Infinity, async () => undefined);
    two.sort((x, y) => x.index - y.index);
    const firstFail = one.findIndex((s) => s.violation);
    const upTo = firstFail < 0 ? one.length : firstFail + 1;
    expect(two.slice(0, upTo).map((s) => [s.index, s.run, s.violation, s.seen, s.hit])).toEqual(one.slice(0, upTo).map((s) => [s.index, s.run, s.violation, s.seen, s.hit]));
  }, 120_000);

  it('(b) a crash inside the few milliseconds after a commit skips a record: the guided search finds it in clearly fewer runs than random alone', () => {
    const text = parseTopology(narrow).topology;
    const budget = 120;
    const firstFound = (seed: number, guided: boolean) => {
      const r = search(text, { property: 'no-missed', budget, seed, kinds: ['consumer', 'broker'], durationUs: 20_000_000, randomRuns: 10, guided, shrink: false });
      if (r.found) expect(runOnce(text, r.found.run, 'no-missed'), r.found.run.faults.join('; ')).toEqual(r.found.violation);
      return r.found ? r.runs : budget + 1;
    };
    const seeds = [1, 2, 3, 4, 5, 6, 7, 8];
    const random = seeds.map((s) => firstFound(s, false));
    const guided = seeds.map((s) => firstFound(s, true));
    const median = (xs: number[]) => {
      const a = [...xs].sort((x, y) => x - y);
      return (a[3]! + a[4]!) / 2;
    };
    // Measured: random alone >120, 90, >120, 78, 85, 55, 57, 105 (median 87.5, not found counted as 121); guided 28, 32, 17, 43, 28, 47, 21, 31 (median 29.5).
    console.log(`runs to the first counterexample over search seeds 1-8: random ${random.join(', ')} (median ${median(random)}); guided ${guided.join(', ')} (median ${median(guided)})`);
    expect(guided.every((n) => n <= budget)).toBe(true);
    expect(median(guided) * 2).toBeLessThan(median(random));
  }, 180_000);

  it('(c) reports the moments the runs saw and those a fault hit, by kind and component', () => {
    const r = search(narrow, { property: 'no-duplicates', budget: 8, seed: 5, kinds: ['broker', 'consumer'], durationUs: 6_000_000, shrink: false, guided: true });
    expect(r.found).toBeUndefined();
    expect(r.coverage.moments).toEqual(expect.arrayContaining(['election Kafka/1', 'rebalance BillingService', 'fetch BillingService', 'commit BillingService']));
    expect(r.coverage.covered).toEqual(expect.arrayContaining(['commit BillingService']));
    const wide = search(topology, { property: 'no-loss', budget: 2, seed: 5, kinds: ['broker'], durationUs: 6_000_000, shrink: false });
    for (const label of ['election', 'rebalance', 'fetch', 'commit']) expect(wide.coverage.moments.some((m) => m.startsWith(`${label} `)), label).toBe(true);
    expect(r.coverage.covered.length).toBeGreaterThan(0);
    for (const c of r.coverage.covered) expect(r.coverage.moments).toContain(c);
    expect(r.coverage.covered.length).toBeLessThan(r.coverage.moments.length + 1);
  }, 60_000);
});

/**
 * A worker's share of a search: the runs by index, a limit that stops it, and the moment a found run first fails.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkHistory } from '../check/checks.ts';
import { createSimulation } from '../simulation.ts';
import { parseTopology } from '../topology/parse.ts';
import { momentOf, runScan, untimed, type ScanJob, type ScanStep } from './scan.ts';
import { observeRun, Planner, randomPhase } from './guided.ts';
import { faultVocabulary, violationOf } from './search.ts';

const topology = parseTopology(readFileSync(new URL('../../docs/topologies/orders-acks1.mmd', import.meta.url), 'utf8')).topology;
const job: ScanJob = { property: 'no-loss', seed: 5, budget: 6, durationUs: 2_000_000, kinds: ['broker'], workers: 2, worker: 0 };
const now = async () => undefined;

describe('a share of the search', () => {
  it('worker k of W tries the runs i ≡ k (mod W), each the run the search draws at i', async () => {
    const spec = createSimulation(topology, { traceCapacity: 16 }).spec;
    // The runs as one process draws them: random, then guided by what the random ones saw (learnt in index order).
    const planner = new Planner(faultVocabulary(spec, job.kinds), { seed: job.seed, durationUs: job.durationUs, maxEpisodes: 3, randomRuns: randomPhase(job.budget), guided: true });
    const all = Array.from({ length: job.budget }, (_, i) => {
      const run = planner.draw(i);
      planner.learn(i, observeRun(topology, run, job.property));
      return run;
    });
    expect(planner.guidedRuns).toBeGreaterThan(0);
    for (const worker of [0, 1]) {
      const steps: ScanStep[] = [];
      const tried = await runScan(topology, { ...job, worker }, (s) => steps.push(s), () => Infinity, now);
      expect(tried).toBe(steps.length);
      expect(steps.map((s) => s.index)).toEqual([worker, worker + 2, worker + 4].slice(0, steps.length));
      for (const s of steps) expect(s.run).toEqual(all[s.index]);
      for (const s of steps) for (const f of s.faults) expect(s.run.faults.map(untimed)).toContain(f);
    }
  }, 60_000);

  it('stops at its limit: past a lower failing index found elsewhere, or at once after stop (-1)', async () => {
    const steps: number[] = [];
    expect(await runScan(topology, job, (s) => steps.push(s.index), () => 2, now)).toBe(2);
    expect(steps).toEqual([0, 2]);
    expect(await runScan(topology, job, () => undefined, () => -1, now)).toBe(0);
  }, 60_000);

  it('finds the first moment a run breaks the property: broken there, not a step before', () => {
    const run = { seed: 281104, durationUs: 10_000_000, faults: ['100ms partition Kafka/3 | Kafka/1,Kafka/2,Kafka/controller'] };
    const at = momentOf(topology, run, 'no-loss');
    expect(at).toBeGreaterThan(100_000);
    expect(at).toBeLessThan(run.durationUs);
    const judged = (t: number) => {
      const sim = createSimulation(topology, { seed: run.seed, faults: run.faults, traceCapacity: 1024 });
      sim.run(t);
      return violationOf('no-loss', checkHistory(sim.world));
    };
    expect(judged(at)).toBeDefined();
    expect(judged(at - 250_000)).toBeUndefined();
  }, 60_000);
});

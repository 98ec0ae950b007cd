/**
 * Find a failure in A and B: both variants are searched under the same settings with the same number of workers,
 * their progress and outcomes are kept apart, and Cancel stops both.
 */
import { describe, expect, it } from 'vitest';
import type { ScanJob, ScanStep } from '../../../engine/search/scan.ts';
import type { Run } from '../../../engine/search/search.ts';
import type { SearchSettings, SearchWorker } from '../../search/coordinator.ts';
import { bothRunning, searchBoth, swapped, workersEach, type BothSearch } from './searchBoth.ts';

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
const violation = (n: number) => ({ property: 'no-loss' as const, count: n, ids: [n], summary: `loses ${n} acknowledged messages` });

interface Fake extends SearchWorker {
  text?: string;
  job?: ScanJob;
  terminated: boolean;
}

/**
 * A worker whose runs fail on the text `failing` (its run `failAt`) and pass on any other; `stuck` never answers,
 * as a worker mid-run.
 */
function fake(failing: string, failAt: number, stuck = false): Fake {
  const w: Fake = {
    terminated: false,
    async scan(text, job, onStep) {
      w.text = text;
      w.job = job;
      if (stuck) return new Promise<number>(() => undefined);
      let n = 0;
      for (let i = job.worker; i < job.budget; i += job.workers) {
        await tick();
        if (w.terminated) break;
        const bad = text === failing && i === failAt;
        onStep({ index: i, run: { seed: i, durationUs: 1_000_000, faults: [`${i}00ms crash Kafka/1`] }, faults: ['crash Kafka/1'], vocabulary: 3, ...(bad ? { violation: violation(2) } : {}) } as ScanStep);
        n++;
        if (bad) break;
      }
      return n;
    },
    limit: async () => undefined,
    shrink: async (_text: string, run: Run) => ({ run, violation: violation(2), runs: 4, atUs: 500_000, story: '' }),
    terminate: () => void (w.terminated = true),
  };
  return w;
}

const settings: SearchSettings = { property: 'no-loss', budget: { runs: 6 }, kinds: ['broker', 'split'], seed: 7 };
const texts = { a: 'graph LR\n  %% acks=1', b: 'graph LR\n  %% acks=all' };

describe('find a failure in A and B', () => {
  it('searches both texts with the same property, kinds, budget, search seed and number of workers', async () => {
    const spawned: Fake[] = [];
    const h = searchBoth(texts, settings, '6 runs', { spawn: () => (spawned.push(fake(texts.a, 3)), spawned.at(-1)!), workers: 4, now: () => 0, onChange: () => undefined });
    await h.done;
    expect(spawned).toHaveLength(4);
    const jobsOf = (text: string) => spawned.filter((w) => w.text === text).map((w) => w.job!);
    const [ja, jb] = [jobsOf(texts.a), jobsOf(texts.b)];
    expect(ja).toHaveLength(2);
    expect(jb).toHaveLength(2);
    const same = ({ property, seed, budget, kinds, workers, durationUs }: ScanJob) => ({ property, seed, budget, kinds, workers, durationUs });
    expect(ja.map(same)).toEqual(jb.map(same));
    expect(same(ja[0]!)).toEqual({ property: 'no-loss', seed: 7, budget: 6, kinds: ['broker', 'split'], workers: 2, durationUs: 30_000_000 });
  });

  it("keeps each variant's progress and outcome apart: A's counterexample, B's survival", async () => {
    const seen: BothSearch[] = [];
    const h = searchBoth(texts, settings, '6 runs', { spawn: () => fake(texts.a, 3), workers: 2, now: () => 0, onChange: (s) => seen.push(s) });
    expect(bothRunning(seen[0])).toBe(true);
    expect(seen[0]).toMatchObject({ budgetLabel: '6 runs', workers: 1, a: { text: texts.a, outcome: null }, b: { text: texts.b, outcome: null } });
    const s = await h.done;
    expect(bothRunning(s)).toBe(false);
    expect(s.a.outcome).toMatchObject({ kind: 'found', runs: 4, shrunk: { violation: { count: 2 } } });
    expect(s.b.outcome).toMatchObject({ kind: 'survived', runs: 6 });
    expect(s.a.progress?.phase).toBe('shrinking');
    expect(s.b.progress).toMatchObject({ phase: 'searching', tried: 6 });
    expect(seen.at(-1)).toEqual(s);
    // Swapping the texts swaps the results with them.
    expect(swapped(s)).toMatchObject({ a: { text: texts.b, outcome: { kind: 'survived' } }, b: { text: texts.a, outcome: { kind: 'found' } } });
  });

  it('Cancel stops both searches at once and ends every worker', async () => {
    const spawned: Fake[] = [];
    const h = searchBoth(texts, { ...settings, budget: { ms: 60_000 } }, '1 min', { spawn: () => (spawned.push(fake('', -1, true)), spawned.at(-1)!), workers: 6, now: () => 0, onChange: () => undefined });
    await tick();
    h.cancel();
    const s = await h.done;
    expect(s.a.outcome).toMatchObject({ kind: 'cancelled' });
    expect(s.b.outcome).toMatchObject({ kind: 'cancelled' });
    expect(spawned).toHaveLength(6);
    expect(spawned.every((w) => w.terminated)).toBe(true);
  });

  it('shares the workers out evenly, at least one each, never more than a budget in runs can use', () => {
    expect(workersEach(7, { budget: { runs: 200 } })).toBe(3);
    expect(workersEach(1, { budget: { runs: 200 } })).toBe(1);
    expect(workersEach(8, { budget: { runs: 2 } })).toBe(2);
    expect(workersEach(8, { budget: { ms: 30_000 } })).toBe(4);
  });
});

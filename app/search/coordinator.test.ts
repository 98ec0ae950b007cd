/**
 * The coordinator of "Find a failure": runs shared out among workers give the command line's counterexample whatever
 * their number, progress adds up across workers, a time budget stops them, and Cancel ends them all at once.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScan, shrinkFound, type ScanStep } from '../../engine/search/scan.ts';
import { search, type Run } from '../../engine/search/search.ts';
import { parseTopology } from '../../engine/topology/parse.ts';
import { startSearch, timeLeft, workerCount, type SearchProgress, type SearchWorker } from './coordinator.ts';

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
const acks1 = readFileSync(new URL('../../docs/topologies/orders-acks1.mmd', import.meta.url), 'utf8');

/** A worker in this process, running the engine's scan as the Web Worker does. */
function inProcess(): SearchWorker & { terminated: boolean } {
  let limit = Number.POSITIVE_INFINITY;
  const w = {
    terminated: false,
    scan: (text: string, job: Parameters<SearchWorker['scan']>[1], onStep: (s: ScanStep) => void) =>
      runScan(parseTopology(text).topology, job, (s) => !w.terminated && onStep(s), () => (w.terminated ? -1 : limit), tick),
    limit: async (i: number) => void (limit = Math.min(limit, i)),
    shrink: async (text: string, run: Run, property: 'no-loss', budget: number, onRun: (r: number) => void) => shrinkFound(parseTopology(text).topology, run, property, budget, onRun),
    terminate: () => void (w.terminated = true),
  };
  return w;
}

/** A worker that reports the given steps, one per tick, honouring limits; it records the limits it was given. */
function scripted(steps: Partial<ScanStep>[], log: number[] = []): SearchWorker & { terminated: boolean } {
  let limit = Number.POSITIVE_INFINITY;
  const w = {
    terminated: false,
    async scan(_text: string, _job: unknown, onStep: (s: ScanStep) => void) {
      let n = 0;
      for (const s of steps) {
        await tick();
        if (w.terminated || s.index! > limit) break;
        onStep({ run: { seed: 1, durationUs: 1, faults: [] }, faults: [], vocabulary: 4, ...s } as ScanStep);
        n++;
        if (s.violation) break;
      }
      return n;
    },
    limit: async (i: number) => {
      log.push(i);
      limit = Math.min(limit, i);
    },
    shrink: async (_t: string, run: Run) => ({ run, violation: violation(1), runs: 3, atUs: 1_000_000, story: 'crash X at 1 s' }),
    terminate: () => void (w.terminated = true),
  };
  return w;
}

const violation = (n: number) => ({ property: 'no-loss' as const, count: n, ids: [n], summary: `loses ${n}` });

describe('find a failure in workers', () => {
  it('finds the same counterexample, and shrinks it the same, with one worker or three as the engine alone does', async () => {
    const settings = { property: 'no-loss' as const, budget: { runs: 6 }, kinds: ['broker', 'leader', 'split'] as const, seed: 3, durationUs: 10_000_000, shrinkBudget: 6 };
    const alone = search(acks1, { ...settings, kinds: [...settings.kinds], budget: 6 });
    expect(alone.found, 'the engine finds a loss within 6 runs of search seed 3').toBeDefined();
    for (const workers of [1, 3]) {
      const spawned: ReturnType<typeof inProcess>[] = [];
      const h = startSearch(acks1, { ...settings, kinds: [...settings.kinds] }, {
        spawn: () => (spawned.push(inProcess()), spawned[spawned.length - 1]!),
        workers,
        now: () => 0,
        onProgress: () => undefined,
      });
      const o = await h.done;
      expect(o.kind).toBe('found');
      if (o.kind !== 'found') continue;
      expect(o.runs).toBe(alone.runs);
      expect(o.found.run).toEqual(alone.found!.run);
      expect(o.shrunk.run).toEqual(alone.shrunk!.run);
      expect(o.shrunk.violation).toEqual(alone.shrunk!.violation);
      expect(o.shrunk.atUs).toBeGreaterThan(0);
      expect(o.shrunk.atUs).toBeLessThanOrEqual(o.shrunk.run.durationUs);
      expect(spawned).toHaveLength(workers);
      expect(spawned.every((w) => w.terminated)).toBe(true);
    }
  }, 120_000);

  it('keeps the lowest failing index when a later one fails first, and tells every worker to stop past it', async () => {
    const logs: number[][] = [[], []];
    const scripts = [
      [{ index: 0 }, { index: 2 }, { index: 4, violation: violation(2) }, { index: 6 }],
      [{ index: 1, violation: violation(9) }, { index: 3 }],
    ];
    let k = 0;
    const h = startSearch('text', { property: 'no-loss', budget: { runs: 8 }, kinds: ['broker'], seed: 1 }, { spawn: () => scripted(scripts[k]!, logs[k++]), workers: 2, now: () => 0, onProgress: () => undefined });
    const o = await h.done;
    expect(o.kind).toBe('found');
    if (o.kind === 'found') {
      expect(o.runs).toBe(2);
      expect(o.found.violation.count).toBe(9);
    }
    expect(logs[0]).toContain(1);
    expect(logs[1]).toContain(1);
  });

  it('adds up progress across workers: runs tried, faults explored out of the vocabulary, time left at the pace so far', async () => {
    let now = 0;
    const seen: SearchProgress[] = [];
    const scripts = [
      [{ index: 0, faults: ['crash A'] }, { index: 2, faults: ['crash A', 'crash B'] }],
      [{ index: 1, faults: ['crash C'] }, { index: 3, faults: [] }],
    ];
    let k = 0;
    const h = startSearch('text', { property: 'no-loss', budget: { runs: 4 }, kinds: ['broker'], seed: 1 }, {
      spawn: () => scripted(scripts[k++]!),
      workers: 2,
      now: () => (now += 100),
      onProgress: (p) => seen.push(p),
    });
    const o = await h.done;
    expect(o).toMatchObject({ kind: 'survived', runs: 4, vocabulary: 4, workers: 2 });
    const last = seen[seen.length - 1]!;
    expect(last).toMatchObject({ phase: 'searching', tried: 4, explored: 3, vocabulary: 4 });
    expect(seen.map((p) => p.tried)).toEqual([1, 2, 3, 4]);
    expect(last.leftMs).toBe(0);
    expect(seen[0]!.leftMs).toBeGreaterThan(0);
  });

  it('a time budget stops every worker once it is spent, and the design survived the runs tried', async () => {
    let now = 0;
    const logs: number[][] = [[], []];
    const many = (from: number) => Array.from({ length: 50 }, (_, i) => ({ index: from + 2 * i }));
    let k = 0;
    const h = startSearch('text', { property: 'no-loss', budget: { ms: 1000 }, kinds: ['broker'], seed: 1 }, {
      spawn: () => scripted(many(k), logs[k++]),
      workers: 2,
      now: () => (now += 100),
      onProgress: () => undefined,
    });
    const o = await h.done;
    expect(o.kind).toBe('survived');
    if (o.kind === 'survived') expect(o.runs).toBeLessThan(20);
    expect(logs.every((l) => l.includes(-1))).toBe(true);
  });

  it('Cancel settles the search at once and terminates every worker, even mid-run', async () => {
    const spawned: SearchWorker[] = [];
    const stuck: SearchWorker = {
      scan: () => new Promise<number>(() => undefined),
      limit: async () => undefined,
      shrink: () => new Promise(() => undefined),
      terminate: () => undefined,
    };
    const ended: number[] = [];
    const h = startSearch('text', { property: 'no-loss', budget: { runs: 100 }, kinds: ['broker'], seed: 1 }, {
      spawn: () => {
        const i = spawned.length;
        const w = { ...stuck, terminate: () => void ended.push(i) };
        spawned.push(w);
        return w;
      },
      workers: 3,
      now: () => 0,
      onProgress: () => undefined,
    });
    await tick();
    h.cancel();
    expect(await h.done).toEqual({ kind: 'cancelled', tried: 0, wallMs: 0 });
    expect(ended.sort()).toEqual([0, 1, 2]);
  });

  it('Cancel while shrinking still answers with the failing run as found, not shrunk', async () => {
    const w = scripted([{ index: 0, violation: violation(4) }]);
    w.shrink = () => new Promise<never>(() => undefined);
    const seen: SearchProgress[] = [];
    const h = startSearch('text', { property: 'no-loss', budget: { runs: 5 }, kinds: ['broker'], seed: 1 }, { spawn: () => w, workers: 1, now: () => 0, onProgress: (p) => seen.push(p) });
    await expect.poll(() => seen.some((p) => p.phase === 'shrinking')).toBe(true);
    h.cancel();
    const o = await h.done;
    expect(o).toMatchObject({ kind: 'found', runs: 1, unshrunk: true, found: { violation: { count: 4 } }, shrunk: { atUs: 1, violation: { count: 4 } } });
    expect(w.terminated).toBe(true);
  });

  it('a worker that fails says why', async () => {
    const h = startSearch('text', { property: 'no-loss', budget: { runs: 1 }, kinds: ['broker'], seed: 1 }, {
      spawn: () => ({ ...scripted([]), scan: async () => Promise.reject(new Error('line 3, column 1: unknown node')) }),
      workers: 1,
      now: () => 0,
      onProgress: () => undefined,
    });
    expect(await h.done).toEqual({ kind: 'error', message: 'line 3, column 1: unknown node' });
  });

  it("hands the workers a property with what it needs, and runs a lesson's goals for the lesson's own length", async () => {
    const jobs: Parameters<SearchWorker['scan']>[1][] = [];
    const lesson = { goals: [], run: { seed: 24, durationS: 45, faults: ['20s crash {Inventory}'] } };
    const h = startSearch('text', { property: { name: 'lesson-goals', lesson }, budget: { runs: 1 }, kinds: ['service'], seed: 1, durationUs: 10_000_000 }, {
      spawn: () => ({ ...scripted([]), scan: async (_t: string, job: Parameters<SearchWorker['scan']>[1]) => (jobs.push(job), 0) }),
      workers: 1,
      now: () => 0,
      onProgress: () => undefined,
    });
    expect((await h.done).kind).toBe('survived');
    expect(jobs[0]).toMatchObject({ property: { name: 'lesson-goals', lesson }, durationUs: 45_000_000, kinds: ['service'] });
  });

  it('uses one worker per core but one, at least one; time left is exact for a time budget and estimated for runs', () => {
    expect(workerCount(8)).toBe(7);
    expect(workerCount(1)).toBe(1);
    expect(workerCount(undefined)).toBe(1);
    expect(workerCount(32)).toBe(8);
    expect(timeLeft({ ms: 30_000 }, 10, 12_000)).toBe(18_000);
    expect(timeLeft({ ms: 30_000 }, 10, 31_000)).toBe(0);
    expect(timeLeft({ runs: 200 }, 0, 500)).toBeNull();
    expect(timeLeft({ runs: 200 }, 50, 10_000)).toBe(30_000);
  });
});

import { describe, expect, it } from 'vitest';
import type { Sample } from '../../../engine/index.ts';
import { createColumns, syncColumns } from './columns.ts';

const sample = (sec: number, over: Partial<Sample> = {}): Sample => ({
  t: sec * 1e6, produced: 100, processed: 90, lag: 10, p50: 12, p95: 20, p99: 40, checkoutsOk: 99, checkoutsFailed: 1, entries: [{ ok: 59, failed: 1 }, { ok: 40, failed: 0 }], ...over,
});

describe('chart columns', () => {
  it('append the samples a frame adds, and leave the rest alone', () => {
    const c = createColumns();
    const first = [sample(1), sample(2)];
    expect(syncColumns(c, first)).toBe('rebuilt');
    const t = c.t;
    expect(syncColumns(c, [...first])).toBe('same');
    expect(syncColumns(c, [...first, sample(3)])).toBe('appended');
    expect(c.t).toBe(t); // the same array, grown
    expect(c.t).toEqual([1, 2, 3]);
    expect(c.success[2]).toBeCloseTo(99);
  });

  it('rebuild when a seek replaced the series', () => {
    const c = createColumns();
    syncColumns(c, [sample(1), sample(2), sample(3)]);
    expect(syncColumns(c, [sample(1), sample(2)])).toBe('rebuilt');
    expect(c.t).toEqual([1, 2]);
    expect(syncColumns(c, [])).toBe('rebuilt');
    expect(c.t).toEqual([]);
  });

  it('leave gaps, not zeros, where a second had no latency or no checkouts', () => {
    const c = createColumns();
    syncColumns(c, [sample(1, { processed: 0, p50: 0, p95: 0, p99: 0, checkoutsOk: 0, checkoutsFailed: 0 })]);
    expect([c.p50[0], c.p99[0], c.success[0]]).toEqual([null, null, null]);
  });

  it('keep one success column per entry point, a gap where an entry had no checkout that second', () => {
    const c = createColumns();
    syncColumns(c, [sample(1), sample(2, { entries: [{ ok: 0, failed: 20 }, { ok: 0, failed: 0 }] })]);
    expect(c.entrySuccess).toEqual([
      [98.33333333333333, 0],
      [100, null],
    ]);
    syncColumns(c, [sample(1, { entries: [] })]);
    expect(c.entrySuccess).toEqual([]); // a new run without entries: rebuilt
  });
});

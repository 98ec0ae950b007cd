import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addCounts, BUCKETS, bucketOf, bucketStart, createHistogram, fromCounts, mergeInto, quantile, recordValue } from './histogram.ts';
import { nextInt, stream } from '../sim/random.ts';

describe('log-bucket histogram', () => {
  it('maps every value into the bucket that starts at or below it', () => {
    for (const v of [0, 1, 15, 16, 17, 31, 32, 100, 1000, 123456, 2 ** 31, 2 ** 32 + 5, 2 ** 39]) {
      const b = bucketOf(v);
      expect(bucketStart(b)).toBeLessThanOrEqual(v);
      expect(bucketStart(b + 1)).toBeGreaterThan(v);
    }
  });

  it('reads percentiles within 1/16 of the exact ones', () => {
    const h = createHistogram();
    const s = stream(9, 'h');
    const values: number[] = [];
    for (let i = 0; i < 20000; i++) {
      const v = nextInt(s, 1000) * nextInt(s, 1000);
      values.push(v);
      recordValue(h, v);
    }
    values.sort((a, b) => a - b);
    for (const q of [0.5, 0.95, 0.99]) {
      const exact = values[Math.ceil(q * values.length) - 1]!;
      expect(Math.abs(quantile(h, q) - exact) / exact).toBeLessThan(1 / 16);
    }
    expect(quantile(createHistogram(), 0.5)).toBe(0);
  });

  it('keeps only the range of buckets its values fell in, and reads as if it kept them all', () => {
    const values = fc.array(fc.oneof(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 0, max: 2 ** 40 })), { maxLength: 60 });
    fc.assert(
      fc.property(values, values, (xs, ys) => {
        // Reference: every bucket counted in a full array.
        const all = new Float64Array(BUCKETS);
        for (const v of [...xs, ...ys]) all[bucketOf(v)]!++;
        const a = createHistogram();
        const b = createHistogram();
        for (const v of xs) recordValue(a, v);
        for (const v of ys) recordValue(b, v);
        const merged = createHistogram();
        mergeInto(merged, a);
        mergeInto(merged, b);
        const spread = new Float64Array(BUCKETS);
        addCounts(merged, spread);
        expect(spread).toEqual(all);
        expect(merged.total).toBe(xs.length + ys.length);
        const ref = fromCounts(all);
        ref.min = merged.min;
        ref.max = merged.max;
        for (const q of [0, 0.5, 0.99, 1]) expect(quantile(merged, q)).toBe(quantile(ref, q));
        // The range kept is the values' own, with a few buckets to spare.
        if (xs.length > 0) expect(a.counts.length).toBeLessThanOrEqual(bucketOf(Math.max(...xs)) - bucketOf(Math.min(...xs)) + 1 + 2 * 4);
      }),
    );
  });
});

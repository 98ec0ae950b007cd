import { describe, expect, it } from 'vitest';
import { bucketOf, bucketStart, createHistogram, quantile, recordValue } from './histogram.ts';
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
});

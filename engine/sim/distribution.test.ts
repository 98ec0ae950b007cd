import { describe, expect, it } from 'vitest';
import { formatDistribution, mean, parseDistribution, sample, type Distribution } from './distribution.ts';
import { stream } from './random.ts';

const parsed = (t: string) => {
  const d = parseDistribution(t);
  if (typeof d === 'string') throw new Error(d);
  return d;
};

describe('distributions', () => {
  it('read the forms a learner writes', () => {
    expect(parsed('5ms')).toEqual({ type: 'constant', us: 5000 });
    expect(parsed('7')).toEqual({ type: 'constant', us: 7000 });
    expect(parsed('exp(5ms)')).toEqual({ type: 'exponential', meanUs: 5000 });
    expect(parsed('uniform(1ms, 9ms)')).toEqual({ type: 'uniform', minUs: 1000, maxUs: 9000 });
    expect(parsed('uniform(1ms..9ms)')).toEqual({ type: 'uniform', minUs: 1000, maxUs: 9000 });
    expect(parsed('normal(20ms,4ms)')).toEqual({ type: 'normal', meanUs: 20000, sdUs: 4000 });
    expect(parsed('lognormal(20ms, 0.5)')).toEqual({ type: 'lognormal', medianUs: 20000, sigma: 0.5 });
  });

  it('say what is wrong with a bad one', () => {
    expect(parseDistribution('fast')).toMatch(/not a duration/);
    expect(parseDistribution('uniform(9ms, 1ms)')).toMatch(/uniform\(...\) takes <min>, <max>, e.g. 1ms, 9ms/);
    expect(parseDistribution('zipf(2)')).toMatch(/unknown distribution 'zipf'/);
  });

  it('draw with the right mean and never below zero', () => {
    const cases: Distribution[] = [
      parsed('exp(5ms)'),
      parsed('uniform(1ms, 9ms)'),
      parsed('normal(20ms, 4ms)'),
      parsed('lognormal(20ms, 0.5)'),
    ];
    for (const d of cases) {
      const s = stream(11, formatDistribution(d));
      let sum = 0;
      let bad = 0;
      const n = 40000;
      for (let i = 0; i < n; i++) {
        const x = sample(d, s);
        if (!(x >= 0 && Number.isInteger(x))) bad++;
        sum += x;
      }
      expect(bad).toBe(0);
      expect(Math.abs(sum / n - mean(d)) / mean(d)).toBeLessThan(0.02);
    }
  });

  it('repeat exactly for the same stream', () => {
    const d = parsed('lognormal(20ms, 0.5)');
    const a = stream(5, 'x'), b = stream(5, 'x');
    for (let i = 0; i < 100; i++) expect(sample(d, a)).toBe(sample(d, b));
  });
});

import { describe, expect, it } from 'vitest';
import { advanceDots, DENSE_DOTS, dotFractions, noDots } from './dots.ts';

const run = (perSecond: number, seconds: number, travel = 1) => {
  const s = noDots();
  for (let t = 0; t < seconds * 60; t++) advanceDots(s, perSecond, 1 / 60, travel);
  return s;
};

describe('edge dots', () => {
  it('draws one dot per message at low rates, each travelling end to end', () => {
    const s = run(2, 3);
    expect(s.dense).toBe(false);
    expect(dotFractions(s).length).toBeGreaterThanOrEqual(1);
    expect(dotFractions(s).length).toBeLessThanOrEqual(3);
    expect(dotFractions(s).every((f) => f >= 0 && f < 1)).toBe(true);
  });

  it('spaces dots by their arrival, not all at the source', () => {
    const s = noDots();
    advanceDots(s, 4, 1, 2); // four messages in one long frame
    expect([...dotFractions(s)].sort()).toEqual([0, 0.125, 0.25, 0.375]);
  });

  it('turns a busy edge into a stream of a fixed number of dots', () => {
    const s = run(1000, 1);
    expect(s.dense).toBe(true);
    expect(dotFractions(s)).toHaveLength(DENSE_DOTS);
  });

  it('lets the last dots arrive when the messages stop', () => {
    const s = run(3, 1);
    expect(dotFractions(s).length).toBeGreaterThan(0);
    for (let t = 0; t < 90; t++) advanceDots(s, 0, 1 / 60, 1);
    expect(dotFractions(s)).toHaveLength(0);
  });
});

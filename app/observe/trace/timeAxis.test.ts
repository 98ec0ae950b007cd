import { describe, expect, it } from 'vitest';
import { buildTimeAxis } from './timeAxis.ts';

describe('spacetime time axis', () => {
  it('keeps order, gives longer gaps more room, and never lets a gap vanish', () => {
    const times = [0, 50, 1_000, 11_000, 111_000];
    const a = buildTimeAxis(times);
    const xs = times.map(a.x);
    for (let i = 1; i < xs.length; i++) expect(xs[i]!).toBeGreaterThan(xs[i - 1]!);
    expect(xs[1]! - xs[0]!).toBeGreaterThanOrEqual(4);
    expect(xs[4]! - xs[3]!).toBeGreaterThan(xs[3]! - xs[2]!);
    expect(a.x(6_000)).toBeCloseTo((xs[2]! + xs[3]!) / 2);
    expect(a.breaks).toEqual([]);
  });

  it('cuts long waits into marked breaks and labels each stretch from its start', () => {
    const times = [10_000_000, 10_002_000, 13_500_000, 13_501_000];
    const a = buildTimeAxis(times, { breakPx: 30 });
    expect(a.breaks).toHaveLength(1);
    expect(a.breaks[0]!.dt).toBe(3_498_000);
    expect(a.x(13_500_000) - a.x(10_002_000)).toBeCloseTo(30);
    expect(a.ticks.map((t) => t.label)).toEqual(['10.000 s', '13.500 s']);
  });

  it('stretches a short story to the width it is given', () => {
    const a = buildTimeAxis([0, 1000, 2000], { fitWidth: 600 });
    expect(a.width).toBeCloseTo(600);
    expect(a.ticks[0]!.label).toBe('0.000 s');
    expect(a.ticks.slice(1).map((t) => t.label)).toEqual(['+1 ms', '+2 ms']);
  });

  it('never lets tick labels overlap, even where stretches follow each other closely', () => {
    const times = [1_000_000, 1_001_000, 2_000_000, 2_001_000, 3_000_000, 3_500_000, 4_000_000];
    const a = buildTimeAxis(times, { breakUs: 250_000, breakPx: 20 });
    for (let i = 1; i < a.ticks.length; i++) expect(a.ticks[i]!.x).toBeGreaterThanOrEqual(a.ticks[i - 1]!.x + a.ticks[i - 1]!.label.length * 6 + 8);
    expect(a.ticks[0]!.label).toBe('1.000 s');
  });
});

import { describe, expect, it } from 'vitest';
import { formatCount, formatDuration, formatMs, formatPercent, formatTime } from './format.ts';

describe('format', () => {
  it('prints simulated times and durations at a readable precision', () => {
    expect(formatTime(12_345_678)).toBe('12.346 s');
    expect(formatDuration(850)).toBe('850 µs');
    expect(formatDuration(12_400)).toBe('12.4 ms');
    expect(formatDuration(250_000)).toBe('250 ms');
    expect(formatDuration(3_200_000)).toBe('3.20 s');
    expect(formatDuration(125_000_000)).toBe('2 min 5 s');
    expect(formatDuration(60_000_000)).toBe('1 min');
  });

  it('prints counts, milliseconds and shares', () => {
    expect(formatCount(18012)).toBe('18,012');
    expect(formatMs(0.9123)).toBe('0.912 ms');
    expect(formatMs(13.056)).toBe('13.1 ms');
    expect(formatMs(5111.8)).toBe('5,112 ms');
    expect(formatMs(NaN)).toBe('–');
    expect(formatPercent(18012, 18012)).toBe('100%');
    expect(formatPercent(8202, 18011)).toBe('45.5%');
    expect(formatPercent(0, 0)).toBe('–');
  });
});

import { describe, expect, it } from 'vitest';
import { compact, successRate } from './format.ts';

describe('compact', () => {
  it('keeps counts short', () => {
    expect([0, 999, 1000, 9_960, 12_345, 999_999, 4_560_000, 12_000_000].map(compact)).toEqual(['0', '999', '1.0k', '10k', '12k', '1.0M', '4.6M', '12M']);
  });
});

describe('successRate', () => {
  it('never rounds a failure away', () => {
    expect(successRate(0, 0)).toBe('–');
    expect(successRate(10, 0)).toBe('100%');
    expect(successRate(9999, 1)).toBe('99.9%');
    expect(successRate(1, 3)).toBe('25.0%');
  });
});

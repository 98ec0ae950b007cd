import { describe, expect, it } from 'vitest';
import { exactSeconds } from './search.ts';

describe('exactSeconds', () => {
  it('prints a guided fault time exactly, not rounded to a second', () => {
    expect(exactSeconds(8_996_300)).toBe('8.9963s');
    expect(exactSeconds(12_000_000)).toBe('12s');
    expect(exactSeconds(1)).toBe('0.000001s');
  });
});

import { describe, expect, it } from 'vitest';
import { diffChange } from './diff.ts';

const apply = (a: string, c: { from: number; to: number; insert: string }) => a.slice(0, c.from) + c.insert + a.slice(c.to);

describe('diffChange', () => {
  it('replaces only what differs', () => {
    expect(diffChange('graph TD\n A', 'graph LR\n A')).toEqual({ from: 6, to: 8, insert: 'LR' });
    expect(diffChange('abc', 'abc')).toEqual({ from: 3, to: 3, insert: '' });
    expect(diffChange('', 'x')).toEqual({ from: 0, to: 0, insert: 'x' });
  });

  it('never lets the common prefix and suffix overlap', () => {
    for (const [a, b] of [['aa', 'aaa'], ['aaa', 'aa'], ['abab', 'ab'], ['x\ny', 'x\n\ny']] as const) {
      const c = diffChange(a, b);
      expect(c.from).toBeLessThanOrEqual(c.to);
      expect(apply(a, c)).toBe(b);
    }
  });
});

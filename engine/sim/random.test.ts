import { describe, expect, it } from 'vitest';
import { chance, nextFloat, nextInt, nextU32, stream } from './random.ts';

describe('seeded streams', () => {
  it('implement xoshiro128**', () => {
    // Outputs of Vigna's reference C implementation (xoshiro128starstar.c) from the state {1, 2, 3, 4}.
    const s = new Uint32Array([1, 2, 3, 4]);
    expect([nextU32(s), nextU32(s), nextU32(s), nextU32(s)]).toEqual([11520, 0, 5927040, 70819200]);
  });

  it('repeat for the same seed and name, differ otherwise', () => {
    const draw = (seed: number, name: string) => {
      const s = stream(seed, name);
      return [nextU32(s), nextU32(s), nextU32(s)];
    };
    expect(draw(7, 'network')).toEqual(draw(7, 'network'));
    expect(draw(7, 'network')).not.toEqual(draw(8, 'network'));
    expect(draw(7, 'network')).not.toEqual(draw(7, 'consumer:A'));
  });

  it('draw uniform integers without bias', () => {
    const s = stream(3, 'ints');
    const counts = new Array(6).fill(0);
    for (let i = 0; i < 60000; i++) counts[nextInt(s, 6)]++;
    for (const c of counts) expect(Math.abs(c - 10000)).toBeLessThan(400);
    for (let i = 0; i < 1000; i++) {
      const f = nextFloat(s);
      expect(f).toBeGreaterThanOrEqual(0);
      expect(f).toBeLessThan(1);
    }
    expect(chance(s, 0)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { exp, ln } from './detmath.ts';

const relErr = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), Number.MIN_VALUE);

describe('deterministic ln and exp', () => {
  it('agree with Math.log within a few ulps over many magnitudes', () => {
    for (let i = -300; i <= 300; i += 7) {
      for (const m of [1, 1.5, 2.75, 9.99]) {
        const x = m * 10 ** i;
        expect(relErr(ln(x), Math.log(x))).toBeLessThan(1e-14);
      }
    }
    for (let x = 1e-6; x < 1; x += 0.013) expect(Math.abs(ln(x) - Math.log(x))).toBeLessThan(1e-15 * Math.max(1, Math.abs(Math.log(x))) + 1e-16);
  });

  it('agree with Math.exp within a few ulps', () => {
    for (let x = -700; x <= 700; x += 3.7) expect(relErr(exp(x), Math.exp(x))).toBeLessThan(1e-14);
    for (let x = -1; x <= 1; x += 0.0137) expect(relErr(exp(x), Math.exp(x))).toBeLessThan(1e-15);
  });

  it('handle the edges', () => {
    expect(ln(0)).toBe(-Infinity);
    expect(ln(-1)).toBeNaN();
    expect(ln(1)).toBe(0);
    expect(exp(0)).toBe(1);
    expect(exp(1000)).toBe(Infinity);
    expect(exp(-1000)).toBe(0);
  });

  it('are inverses', () => {
    for (const x of [0.001, 0.5, 3, 42, 1e6]) expect(relErr(exp(ln(x)), x)).toBeLessThan(1e-14);
  });
});

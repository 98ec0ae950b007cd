import { describe, expect, it } from 'vitest';
import { routePath } from '../edges/routePath.ts';
import { pointAt, samplePath } from './pathSampler.ts';

describe('samplePath', () => {
  it('measures straight segments exactly', () => {
    const p = samplePath('M0,0 L30,40 L30,100');
    expect(p.length).toBe(110);
    const at = { x: 0, y: 0 };
    pointAt(p, 0.5, at);
    expect(at).toEqual({ x: 30, y: 45 });
  });

  it('follows cubic curves from their start to their end', () => {
    const p = samplePath('M 0 0 C 0 50 100 50 100 100');
    const at = { x: 0, y: 0 };
    pointAt(p, 1, at);
    expect(at).toEqual({ x: 100, y: 100 });
    pointAt(p, 0.5, at);
    expect(at.x).toBeCloseTo(50, 0);
    expect(p.length).toBeGreaterThan(Math.hypot(100, 100));
  });

  it('reads the paths the layout routes draw', () => {
    const p = samplePath(routePath([{ x: 0, y: 0 }, { x: 40, y: 60 }, { x: 0, y: 120 }]));
    expect(p.maxY).toBe(120);
    expect(p.minX).toBe(0);
  });

  it('clamps fractions outside 0..1', () => {
    const p = samplePath('M0,0 L10,0');
    const at = { x: -1, y: -1 };
    pointAt(p, 7, at);
    expect(at).toEqual({ x: 10, y: 0 });
  });
});

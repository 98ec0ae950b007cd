import { describe, expect, it } from 'vitest';
import { routePath } from './routePath.ts';

/** The last coordinate pair of a path. */
const end = (d: string) => d.trim().split(/[\s,CLM]+/).filter(Boolean).slice(-2).map(Number);

describe('routePath', () => {
  it('draws a straight line between two points', () => {
    expect(routePath([{ x: 0, y: 0 }, { x: 0, y: 50 }])).toBe('M0,0 L0,50');
  });

  it('starts and ends exactly on the first and last points of a longer route', () => {
    const d = routePath([
      { x: 10, y: 0 },
      { x: 40, y: 30 },
      { x: 40, y: 60 },
      { x: 10, y: 90 },
    ]);
    expect(d.startsWith('M10,0 C')).toBe(true);
    expect(end(d)).toEqual([10, 90]);
    expect(d.match(/C/g)).toHaveLength(5);
  });

  it('draws nothing for an empty route', () => {
    expect(routePath([])).toBe('');
  });
});

import { describe, expect, it } from 'vitest';
import { freeSpot } from './placement.ts';

const size = { width: 160, height: 60 };
const box = (x: number, y: number, width = 160, height = 60) => ({ x, y, width, height });

describe('freeSpot', () => {
  it('takes the middle when it is free', () => {
    expect(freeSpot({ x: 500, y: 300 }, size, [box(0, 0)])).toEqual({ x: 420, y: 270 });
  });

  it('never covers a node or a subgraph box, however many are added in turn', () => {
    const taken = [box(400, 250, 300, 200)]; // a subgraph over the middle
    for (let n = 0; n < 12; n++) {
      const at = freeSpot({ x: 500, y: 300 }, size, taken);
      for (const b of taken) {
        const apart = at.x >= b.x + b.width || b.x >= at.x + size.width || at.y >= b.y + b.height || b.y >= at.y + size.height;
        expect(apart, `spot ${n} at ${JSON.stringify(at)} covers ${JSON.stringify(b)}`).toBe(true);
      }
      taken.push({ ...at, ...size });
    }
  });

  it('stays near the middle: the next spot is a neighbour of the first', () => {
    const first = freeSpot({ x: 0, y: 0 }, size, []);
    const second = freeSpot({ x: 0, y: 0 }, size, [{ ...first, ...size }]);
    expect(Math.abs(second.x - first.x) + Math.abs(second.y - first.y)).toBeLessThanOrEqual(size.width + 24);
  });

  it('goes below everything when no spot around the middle is free', () => {
    const wall = box(-10_000, -10_000, 20_000, 20_000);
    expect(freeSpot({ x: 0, y: 0 }, size, [wall])).toEqual({ x: -80, y: 10_024 });
  });
});

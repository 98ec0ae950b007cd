import { expect, it } from 'vitest';
import { rowOffsets, visibleRange, visibleRows } from './window.ts';

it('draws the rows in view and a few either side, never past the ends', () => {
  expect(visibleRows(500, 0, 200, 20)).toEqual({ from: 0, to: 16 });
  expect(visibleRows(500, 2000, 200, 20)).toEqual({ from: 94, to: 116 });
  expect(visibleRows(500, 9800, 200, 20)).toEqual({ from: 484, to: 500 });
  expect(visibleRows(0, 0, 200, 20)).toEqual({ from: 0, to: 0 });
});

it('finds the rows in view when a wrapped line makes some taller', () => {
  const heights = Array.from({ length: 100 }, (_, i) => (i % 10 === 0 ? 42 : 21));
  const offsets = rowOffsets(heights);
  expect(offsets[0]).toBe(0);
  expect(offsets[100]).toBe(10 * 42 + 90 * 21);
  // Row 10 starts at 42 + 9 * 21 = 231; a view from 231 to 431 shows rows 10 to 18 (row 19 starts at 441).
  expect(visibleRange(offsets, 231, 200, 0)).toEqual({ from: 10, to: 19 });
  expect(visibleRange(offsets, 231, 200)).toEqual({ from: 4, to: 25 });
  expect(visibleRange(offsets, 1e6, 200, 0)).toEqual({ from: 99, to: 100 });
  expect(visibleRange(rowOffsets([]), 0, 200)).toEqual({ from: 0, to: 0 });
});

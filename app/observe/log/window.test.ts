import { expect, it } from 'vitest';
import { visibleRows } from './window.ts';

it('draws the rows in view and a few either side, never past the ends', () => {
  expect(visibleRows(500, 0, 200, 20)).toEqual({ from: 0, to: 16 });
  expect(visibleRows(500, 2000, 200, 20)).toEqual({ from: 94, to: 116 });
  expect(visibleRows(500, 9800, 200, 20)).toEqual({ from: 484, to: 500 });
  expect(visibleRows(0, 0, 200, 20)).toEqual({ from: 0, to: 0 });
});

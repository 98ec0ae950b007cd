import { describe, expect, it } from 'vitest';
import { fitInsets, legibleViewport, showsMinimap, ZOOM_FIT_MAX, ZOOM_FLOOR } from './framing.ts';

describe('framing the drawing', () => {
  it('shows the overview map only for drawings large enough to need one', () => {
    expect(showsMinimap(7)).toBe(false); // the practice template fits the view whole
    expect(showsMinimap(300)).toBe(true);
    expect(showsMinimap(5000)).toBe(false); // past a thousand nodes the map itself would be the cost
  });

  it('keeps the map corner clear when it fits a drawing the map is drawn over', () => {
    expect(fitInsets(7).right).toBe(24);
    expect(fitInsets(300).right).toBe(200);
  });
});

describe('a legible fit', () => {
  const inset = { top: 20, right: 20, bottom: 20, left: 20 };

  it('fits and centres a drawing that is legible whole', () => {
    const v = legibleViewport({ x: 0, y: 0, width: 480, height: 280 }, 1000, 600, inset);
    expect(v.zoom).toBeCloseTo(ZOOM_FIT_MAX);
    expect(v.x).toBeCloseTo(20 + (960 - 480 * ZOOM_FIT_MAX) / 2);
  });

  it('stops at the zoom floor and frames a wide drawing from its left end, centred vertically', () => {
    const v = legibleViewport({ x: 100, y: 50, width: 4000, height: 200 }, 1000, 600, inset);
    expect(v.zoom).toBe(ZOOM_FLOOR);
    expect(v.x).toBeCloseTo(20 - 100 * ZOOM_FLOOR); // the drawing's left edge at the inset
    expect(v.y).toBeCloseTo(20 + (560 - 200 * ZOOM_FLOOR) / 2 - 50 * ZOOM_FLOOR);
  });

  it('frames a tall drawing from its top', () => {
    const v = legibleViewport({ x: 0, y: -30, width: 300, height: 5000 }, 1000, 600, inset);
    expect(v.zoom).toBe(ZOOM_FLOOR);
    expect(v.y).toBeCloseTo(20 + 30 * ZOOM_FLOOR);
  });
});

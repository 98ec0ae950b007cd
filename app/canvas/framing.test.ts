import { describe, expect, it } from 'vitest';
import { fitOptions, showsMinimap } from './framing.ts';

describe('framing the drawing', () => {
  it('shows the overview map only for drawings large enough to need one', () => {
    expect(showsMinimap(7)).toBe(false); // the practice template fits the view whole
    expect(showsMinimap(300)).toBe(true);
    expect(showsMinimap(5000)).toBe(false); // past a thousand nodes the map itself would be the cost
  });

  it('keeps the map corner clear when it fits a drawing the map is drawn over', () => {
    expect(fitOptions(7).padding).toBe(0.12);
    expect(fitOptions(300).padding).toMatchObject({ right: '200px' });
  });
});

import { describe, expect, it } from 'vitest';
import { parseTopology } from './parse.ts';
import { SHAPE_BRACKETS, shapeFromName } from './shapes.ts';
import type { Shape } from './types.ts';

describe('shapes', () => {
  it('write each shape with brackets that read back as it', () => {
    for (const [shape, [open, close]] of Object.entries(SHAPE_BRACKETS) as [Shape, [string, string]][]) {
      const node = parseTopology(`flowchart LR\n  A${open}label${close}`).topology.nodes[0];
      expect(node?.shape, shape).toBe(shape);
      expect(node?.label).toBe('label');
    }
  });

  it('map mermaid 11 names to the nearest classic shape', () => {
    expect(shapeFromName('cyl')).toBe('cylinder');
    expect(shapeFromName('rounded')).toBe('round');
    expect(shapeFromName('lean-r')).toBe('lean_right');
    expect(shapeFromName('trap-t')).toBe('inv_trapezoid');
    expect(shapeFromName('blob')).toBeUndefined();
  });
});

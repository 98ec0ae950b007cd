import { describe, expect, it } from 'vitest';
import type { Shape } from './types.ts';

describe('topology types', () => {
  it('name shapes as mermaid does', () => {
    const s: Shape = 'cylinder';
    expect(s).toBe('cylinder');
  });
});

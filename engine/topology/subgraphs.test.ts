import { describe, expect, it } from 'vitest';
import { SubgraphTable } from './subgraphs.ts';

describe('SubgraphTable', () => {
  it('lists members once, in the order collected, without the subgraph itself', () => {
    const t = new SubgraphTable();
    expect(t.add('S', 'Title', ['B', 'A', 'B', 'S', { dir: 'LR' }, ' '], false)).toBe('S');
    expect(t.get('S')).toEqual({ id: 'S', title: 'Title', nodes: ['B', 'A'], dir: 'LR', markdown: false });
  });

  it('leaves a node with the subgraph that closed first, and names anonymous ones by closing order', () => {
    const t = new SubgraphTable();
    t.add('inner', 'inner', ['A'], false);
    expect(t.add(undefined, 'Outer Title', ['A', 'B', 'inner'], false)).toBe('subGraph1');
    expect(t.get('subGraph1')?.nodes).toEqual(['B', 'inner']);
    expect(t.owners()).toEqual(new Map([['A', 'inner'], ['B', 'subGraph1'], ['inner', 'subGraph1']]));
  });

  it('merges a subgraph opened again under the same id', () => {
    const t = new SubgraphTable();
    t.add('S', 'S', ['A'], false);
    t.add('S', 'S', ['B'], false);
    expect(t.list).toHaveLength(1);
    expect(t.get('S')?.nodes).toEqual(['A', 'B']);
  });
});

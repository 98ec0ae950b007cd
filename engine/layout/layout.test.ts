import { describe, expect, it } from 'vitest';
import { edge, group, node, topology } from '../testing/topologyBuilder.ts';
import { FAST_LAYOUT_NODES, layoutTopology } from './layout.ts';
import { nodeSize } from './measure.ts';
import type { Box } from './types.ts';

const contains = (outer: Box, inner: Box) =>
  outer.x <= inner.x &&
  outer.y <= inner.y &&
  outer.x + outer.width >= inner.x + inner.width &&
  outer.y + outer.height >= inner.y + inner.height;

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('layoutTopology', () => {
  it('follows the direction of the text', () => {
    const parts = { nodes: [node('A'), node('B')], edges: [edge('A', 'B')] };
    const lr = layoutTopology(topology({ ...parts, direction: 'LR' }));
    expect(lr.nodes.B!.x).toBeGreaterThan(lr.nodes.A!.x + lr.nodes.A!.width);
    const td = layoutTopology(topology({ ...parts, direction: 'TD' }));
    expect(td.direction).toBe('TB');
    expect(td.nodes.B!.y).toBeGreaterThan(td.nodes.A!.y + td.nodes.A!.height);
    const bt = layoutTopology(topology({ ...parts, direction: 'BT' }));
    expect(bt.nodes.B!.y + bt.nodes.B!.height).toBeLessThan(bt.nodes.A!.y);
  });

  it('gives every node its drawn size and keeps nodes apart', () => {
    const t = topology({
      nodes: [node('A'), node('B', { label: 'A much longer label that has to wrap onto a second line' }), node('C'), node('D')],
      edges: [edge('A', 'B'), edge('A', 'C'), edge('A', 'D'), edge('B', 'D')],
    });
    const l = layoutTopology(t);
    const boxes = t.nodes.map((n) => l.nodes[n.id]!);
    t.nodes.forEach((n, i) => expect(boxes[i]).toMatchObject(nodeSize(n)));
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i]!, boxes[j]!)).toBe(false);
  });

  it('never moves a pinned node', () => {
    const t = topology({ nodes: [node('A'), node('B'), node('C')], edges: [edge('A', 'B'), edge('B', 'C')] });
    const l = layoutTopology(t, { B: { x: 900, y: -40 } });
    expect(l.nodes.B).toMatchObject({ x: 900, y: -40 });
    expect(contains(l.bounds, l.nodes.B!)).toBe(true);
  });

  it('draws subgraphs around their members, nested ones inside their parent', () => {
    const t = topology({
      nodes: [node('A'), node('B'), node('C'), node('D')],
      edges: [edge('A', 'B'), edge('B', 'C'), edge('C', 'D')],
      groups: [group('outer', ['A', 'inner'], { title: 'Outer' }), group('inner', ['B', 'C'], { parent: 'outer' })],
    });
    const l = layoutTopology(t);
    expect(contains(l.groups.inner!, l.nodes.B!)).toBe(true);
    expect(contains(l.groups.inner!, l.nodes.C!)).toBe(true);
    expect(contains(l.groups.outer!, l.groups.inner!)).toBe(true);
    expect(contains(l.groups.outer!, l.nodes.A!)).toBe(true);
    expect(contains(l.groups.outer!, l.nodes.D!)).toBe(false);
  });

  it('draws every box around its members in a nesting deeper than dagre lays out as clusters', () => {
    const depth = 20;
    const groups = Array.from({ length: depth }, (_, i) => group(`g${i}`, i === depth - 1 ? ['A', 'B'] : [`g${i + 1}`], i > 0 ? { parent: `g${i - 1}` } : {}));
    const l = layoutTopology(topology({ nodes: [node('A'), node('B'), node('C')], edges: [edge('A', 'B'), edge('B', 'C')], groups }));
    for (let i = 0; i < depth; i++) {
      expect(contains(l.groups[`g${i}`]!, l.nodes.A!)).toBe(true);
      if (i > 0) expect(contains(l.groups[`g${i - 1}`]!, l.groups[`g${i}`]!)).toBe(true);
    }
    expect(contains(l.groups.g0!, l.nodes.C!)).toBe(false);
  });

  it('lays out edges that end on a subgraph, and subgraphs with nothing inside', () => {
    const t = topology({
      nodes: [node('P'), node('C1'), node('X')],
      edges: [edge('P0', 'C1'), edge('X', 'Empty')],
      groups: [group('P0', ['P']), group('Empty', [])],
    });
    const l = layoutTopology(t);
    expect(l.groups.Empty).toMatchObject({ width: 180, height: 64 });
    expect(contains(l.groups.P0!, l.nodes.P!)).toBe(true);
    expect(l.nodes.C1!.y).toBeGreaterThan(l.nodes.P!.y);
  });

  it('switches to the fast mode for large graphs, and stays deterministic', () => {
    const n = FAST_LAYOUT_NODES + 1;
    const nodes = Array.from({ length: n }, (_, i) => node(`N${i}`));
    const edges = nodes.slice(1).map((x, i) => edge(`N${Math.floor(i / 3)}`, x.id));
    const t = topology({ nodes, edges });
    const a = layoutTopology(t);
    expect(a.quality).toBe('dagre-fast');
    expect(Object.keys(a.nodes)).toHaveLength(n);
    expect(layoutTopology(t)).toEqual(a);
  });
});

describe('edge routes', () => {
  it('route edges between unpinned nodes from border to border, with the label between', () => {
    const t = topology({
      nodes: [node('A'), node('B'), node('C')],
      edges: [edge('A', 'B', { label: 'orders', kind: 'publish' }), edge('B', 'C')],
    });
    const l = layoutTopology(t);
    const route = l.edges.L_A_B_0!;
    const a = l.nodes.A!;
    const b = l.nodes.B!;
    expect(route.points[0]!.y).toBe(a.y + a.height);
    expect(route.points.at(-1)!.y).toBe(b.y);
    expect(route.label.y).toBeGreaterThan(a.y + a.height);
    expect(route.label.y).toBeLessThan(b.y);
  });

  it('drop the route of an edge with a pinned end, which dagre did not place', () => {
    const t = topology({ nodes: [node('A'), node('B'), node('C')], edges: [edge('A', 'B'), edge('B', 'C')] });
    const l = layoutTopology(t, { C: { x: 500, y: 500 } });
    expect(l.edges.L_A_B_0).toBeDefined();
    expect(l.edges.L_B_C_0).toBeUndefined();
  });
});

describe('pinned nodes', () => {
  it('do not move the rest: adding a pinned node leaves every other node where it was', () => {
    const nodes = [node('A'), node('B'), node('C')];
    const edges = [edge('A', 'B'), edge('A', 'C')];
    const before = layoutTopology(topology({ nodes, edges, groups: [group('G', ['B', 'C'])] }));
    const after = layoutTopology(
      topology({ nodes: [...nodes, node('New')], edges: [...edges, edge('New', 'A')], groups: [group('G', ['B', 'C', 'New'])] }),
      { New: { x: -300, y: 40 } },
    );
    for (const id of ['A', 'B', 'C']) expect(after.nodes[id]).toEqual(before.nodes[id]);
    expect(after.nodes.New).toMatchObject({ x: -300, y: 40 });
    expect(contains(after.groups.G!, after.nodes.New!)).toBe(true);
  });

  it('leave a subgraph of only pinned nodes drawn around them', () => {
    const t = topology({ nodes: [node('A'), node('P')], groups: [group('Only', ['P'])] });
    const l = layoutTopology(t, { P: { x: 500, y: 500 } });
    expect(contains(l.groups.Only!, l.nodes.P!)).toBe(true);
    expect(l.groups.Only!.x).toBeGreaterThan(400);
  });
});

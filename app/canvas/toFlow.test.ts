import { describe, expect, it } from 'vitest';
// The app never lays out on the main thread (dagre stays in the worker's bundle); its tests may.
import { layoutTopology } from '../../engine/layout/layout.ts';
import { edge, group, node, topology } from '../../engine/testing/topologyBuilder.ts';
import { groupFlowId, isGroupFlowNode } from './flowTypes.ts';
import { handleSides, toFlow } from './toFlow.ts';

const sample = topology({
  direction: 'LR',
  nodes: [node('Order'), node('Kafka', { kind: 'kafka', topics: ['orders-topic'] }), node('Inv'), node('Note', { kind: 'note' })],
  edges: [
    edge('Order', 'Kafka', { kind: 'publish', id: 'e1' }),
    edge('Kafka', 'Inv', { kind: 'subscribe', stroke: 'dotted', id: 'e2' }),
    edge('Inv', 'Async', { kind: 'link', arrowEnd: 'cross', id: 'e3' }),
    edge('Note', 'Order', { kind: 'link', stroke: 'invisible', id: 'e4' }),
    edge('Ghost', 'Order', { id: 'e5' }),
  ],
  groups: [group('Async', ['Order', 'Kafka', 'Inv'], { title: 'Target' })],
});

describe('toFlow', () => {
  const layout = layoutTopology(sample);

  it('draws one node per topology node, typed by kind, where the layout put it', () => {
    const flow = toFlow(sample, layout, {});
    const kafka = flow.nodes.find((n) => n.id === 'Kafka')!;
    expect(kafka.type).toBe('kafka');
    expect(kafka.position).toEqual({ x: layout.nodes.Kafka!.x, y: layout.nodes.Kafka!.y });
    expect(kafka).toMatchObject({ width: layout.nodes.Kafka!.width, height: layout.nodes.Kafka!.height });
    expect(flow.nodes.filter((n) => !isGroupFlowNode(n)).map((n) => n.id)).toEqual(['Order', 'Kafka', 'Inv', 'Note']);
  });

  it('puts subgraph boxes first and underneath, prefixed so they cannot clash with node ids', () => {
    const flow = toFlow(sample, layout, {});
    const first = flow.nodes[0]!;
    expect(first.id).toBe(groupFlowId('Async'));
    expect(first.type).toBe('subgraph');
    expect(first.zIndex).toBeLessThan(0);
    expect(first).toMatchObject({ draggable: false, selectable: false });
  });

  it('moves dragged nodes and grows their subgraph to keep them inside', () => {
    const flow = toFlow(sample, layout, { Inv: { x: 2000, y: 900 } });
    const inv = flow.nodes.find((n) => n.id === 'Inv')!;
    expect(inv.position).toEqual({ x: 2000, y: 900 });
    const box = flow.nodes[0]!;
    expect(box.position.x + box.width!).toBeGreaterThanOrEqual(2000 + layout.nodes.Inv!.width);
    expect(box.position.y + box.height!).toBeGreaterThanOrEqual(900 + layout.nodes.Inv!.height);
  });

  it('connects edges to nodes and subgraphs, styled by kind and stroke, and drops ones to unknown ends', () => {
    const flow = toFlow(sample, layout, {});
    const byId = Object.fromEntries(flow.edges.map((e) => [e.id, e]));
    expect(Object.keys(byId)).toEqual(['e1', 'e2', 'e3', 'e4']);
    expect(byId.e1).toMatchObject({ source: 'Order', target: 'Kafka', markerEnd: 'el-arrow-publish', type: 'kind' });
    expect(byId.e1!.markerStart).toBeUndefined();
    expect(byId.e2!.style).toMatchObject({ strokeDasharray: '3 4' });
    expect(byId.e3).toMatchObject({ target: groupFlowId('Async'), markerEnd: 'el-cross-link' });
    expect(byId.e4!.hidden).toBe(true);
  });

  it('follows the route of the layout until an end is moved', () => {
    const laid = toFlow(sample, layout, {});
    expect(laid.edges.find((e) => e.id === 'e1')!.data!.route).toEqual(layout.edges.e1);
    const moved = toFlow(sample, layout, { Kafka: { x: 5, y: 5 } });
    expect(moved.edges.find((e) => e.id === 'e1')!.data!.route).toBeUndefined();
    expect(moved.edges.find((e) => e.id === 'e2')!.data!.route).toBeUndefined();
  });

  it('marks selected nodes and edges', () => {
    const flow = toFlow(sample, layout, {}, new Set(['Kafka', 'e2']));
    expect(flow.nodes.find((n) => n.id === 'Kafka')!.selected).toBe(true);
    expect(flow.nodes.find((n) => n.id === 'Order')!.selected).toBe(false);
    expect(flow.edges.find((e) => e.id === 'e2')!.selected).toBe(true);
  });

  it('gives every node its handles, so React Flow need not measure them', () => {
    const order = toFlow(sample, layout, {}).nodes.find((n) => n.id === 'Order')!;
    const { width, height } = layout.nodes.Order!;
    expect(order.handles).toEqual([
      { id: 'in', type: 'target', position: 'left', x: -4, y: height / 2 - 4, width: 8, height: 8 },
      { id: 'out', type: 'source', position: 'right', x: width - 4, y: height / 2 - 4, width: 8, height: 8 },
    ]);
  });

  it('turns handles to follow the direction', () => {
    expect(handleSides('LR')).toEqual({ source: 'right', target: 'left' });
    expect(handleSides('TB')).toEqual({ source: 'bottom', target: 'top' });
    expect(handleSides('BT')).toEqual({ source: 'top', target: 'bottom' });
    expect(handleSides('RL')).toEqual({ source: 'left', target: 'right' });
  });
});

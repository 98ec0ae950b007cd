import { describe, expect, it } from 'vitest';
import { edge, node } from '../testing/topologyBuilder.ts';
import { nodeCaption } from './caption.ts';
import { chipRows, edgeLabelSize, liveRows, nodeMetrics, nodeSize, textWidth, wrapLabel } from './measure.ts';

describe('nodeSize', () => {
  it('stays within the minimum and maximum width', () => {
    expect(nodeSize(node('A')).width).toBe(nodeMetrics.minWidth);
    expect(nodeSize(node('A', { label: 'x'.repeat(400) })).width).toBe(nodeMetrics.maxWidth);
  });

  it('grows taller with each label line and with the topics a Kafka node hosts', () => {
    const one = nodeSize(node('A', { label: 'Orders' })).height;
    const two = nodeSize(node('A', { label: 'Orders\nService' })).height;
    expect(two - one).toBe(nodeMetrics.labelLine);
    const kafka = nodeSize(node('K', { kind: 'kafka', topics: ['orders-topic'] })).height;
    expect(kafka).toBeGreaterThan(one);
  });

  it('reserves rows for live state on what the simulation runs, none on notes and events', () => {
    const plain = nodeSize(node('N', { kind: 'note', label: 'Orders' })).height;
    const service = nodeSize(node('A', { label: 'Orders' })).height;
    const kafka = nodeSize(node('K', { kind: 'kafka', label: 'Orders' })).height;
    expect(service - plain).toBe(nodeMetrics.liveGap + nodeMetrics.liveRow);
    expect(kafka - plain).toBe(nodeMetrics.liveGap + 2 * nodeMetrics.liveRow);
    expect(liveRows('event')).toBe(0);
  });
});

describe('wrapLabel', () => {
  it('breaks at newlines, then at spaces past the width', () => {
    expect(wrapLabel('a\nb', 500)).toEqual(['a', 'b']);
    expect(wrapLabel('alpha beta gamma delta', 60)).toEqual(['alpha', 'beta', 'gamma', 'delta']);
    expect(wrapLabel('unbreakable-long-word', 10)).toEqual(['unbreakable-long-word']);
  });
});

describe('chipRows', () => {
  it('starts a new row when a chip would overflow', () => {
    const chip = (c: string) => textWidth(c, 11) + 14;
    const two = chip('orders') + nodeMetrics.chipGap + chip('payments');
    expect(chipRows(['orders', 'payments', 'shipments'], two)).toEqual([['orders', 'payments'], ['shipments']]);
    expect(chipRows(['orders', 'payments', 'shipments'], two - 1)).toEqual([['orders'], ['payments'], ['shipments']]);
    expect(chipRows(['orders', 'payments', 'shipments'], 1000)).toHaveLength(1);
    expect(chipRows([], 120)).toEqual([]);
  });
});

describe('nodeCaption', () => {
  it('says how the node was read', () => {
    expect(nodeCaption(node('K', { kind: 'kafka', config: { brokers: '3' } }))).toBe('kafka · 3 brokers');
    expect(nodeCaption(node('K', { kind: 'kafka', config: { brokers: '1' } }))).toBe('kafka · 1 broker');
    expect(nodeCaption(node('K', { kind: 'kafka' }))).toBe('kafka cluster');
    expect(nodeCaption(node('T', { kind: 'topic', config: { partitions: '12' } }))).toBe('topic · 12 partitions');
    expect(nodeCaption(node('P', { kind: 'partition', partitionOf: { topic: 'orders', index: 0 } }))).toBe(
      'partition 0 of orders',
    );
    expect(nodeCaption(node('C', { kind: 'consumer', consumerGroup: 'A' }))).toBe('consumer · group A');
    expect(nodeCaption(node('S'))).toBe('service');
    expect(nodeCaption(node('R', { kind: 'schema-registry' }))).toBe('schema registry');
  });
});

describe('edgeLabelSize', () => {
  it('makes room for the kind badge and the label, and none for a plain link', () => {
    const plain = edgeLabelSize(edge('A', 'B', { kind: 'link' }));
    expect(plain).toBeNull();
    const badge = edgeLabelSize(edge('A', 'B', { kind: 'publish' }))!;
    const both = edgeLabelSize(edge('A', 'B', { kind: 'publish', label: '1. Async Publish' }))!;
    expect(both.width).toBeGreaterThan(badge.width);
    expect(edgeLabelSize(edge('A', 'B', { kind: 'link', label: 'x'.repeat(300) }))!.width).toBe(220);
  });
});

import { describe, expect, it } from 'vitest';
import { inferNode, type NodeFacts } from './infer-node.ts';

const facts = (label: string, more: Partial<NodeFacts> = {}): NodeFacts => ({ id: 'N', label, classes: [], groups: [], ...more });

describe('inferNode', () => {
  it('takes the kind from a class first, the last kind class winning', () => {
    expect(inferNode(facts('Orders DB', { classes: ['hot', 'kafka', 'topic'] }))).toMatchObject({ kind: 'topic', kindSource: 'class', kindReason: "class 'topic' sets the kind" });
    expect(inferNode(facts('orders.v1', { classes: ['topic'] })).topics).toEqual(['orders.v1']);
  });

  it('then from the label, then the shape, then the subgraph, else a service', () => {
    expect(inferNode(facts('Kafka: a, b'))).toMatchObject({ kind: 'kafka', kindSource: 'label', topics: ['a', 'b'] });
    expect(inferNode(facts('Orders', { shape: 'cylinder' }))).toMatchObject({ kind: 'database', kindSource: 'shape' });
    const group = { id: 'CG', title: 'Consumer Group: fulfillment', reading: { kind: 'consumer-group' as const, name: 'fulfillment', reason: '' } };
    expect(inferNode(facts('Worker 1', { groups: [group] }))).toMatchObject({ kind: 'service', kindSource: 'label', consumerGroup: 'fulfillment' });
    expect(inferNode(facts('C1', { groups: [group] }))).toMatchObject({ kind: 'consumer', kindSource: 'context', consumerGroup: 'fulfillment' });
    const partition = { id: 'P0', title: 'Partition 0', reading: { kind: 'partition' as const, index: 0, reason: '' } };
    expect(inferNode(facts('Offset 0: OrderPlaced', { groups: [partition] }))).toMatchObject({ kind: 'event', kindSource: 'context' });
    expect(inferNode(facts('Billing'))).toMatchObject({ kind: 'service', kindSource: 'default' });
  });

  it('reads a topic subgraph’s members as its partitions', () => {
    const topic = { id: 'T', title: 'Topic: orders', reading: { kind: 'topic' as const, name: 'orders', reason: '' } };
    expect(inferNode(facts('P3', { groups: [topic] }))).toMatchObject({ kind: 'partition', kindSource: 'context', partitionIndex: 3 });
  });
});

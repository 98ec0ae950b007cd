import { describe, expect, it } from 'vitest';
import { readGroupTitle } from './infer-group.ts';

describe('readGroupTitle', () => {
  it('reads topics, partitions, consumer groups, clusters and services', () => {
    expect(readGroupTitle('Topic: order-events')).toMatchObject({ kind: 'topic', name: 'order-events' });
    expect(readGroupTitle('payments Topic')).toMatchObject({ kind: 'topic', name: 'payments' });
    expect(readGroupTitle('Partition 2')).toMatchObject({ kind: 'partition', index: 2 });
    expect(readGroupTitle('Consumer Group: fulfillment')).toMatchObject({ kind: 'consumer-group', name: 'fulfillment' });
    expect(readGroupTitle('Consumer Group')).toEqual({ kind: 'consumer-group', reason: "the title 'Consumer Group' names a consumer group" });
    expect(readGroupTitle('Kafka Cluster')?.kind).toBe('kafka');
    expect(readGroupTitle('Order Service')).toMatchObject({ kind: 'service', name: 'Order Service' });
  });

  it('does not read a kind into titles that only mention one', () => {
    expect(readGroupTitle('Target Architecture - Event-Driven Kafka')).toBeUndefined();
    expect(readGroupTitle('Legacy Architecture - Synchronous HTTP')).toBeUndefined();
    expect(readGroupTitle('Partition Tolerance')).toBeUndefined();
  });
});

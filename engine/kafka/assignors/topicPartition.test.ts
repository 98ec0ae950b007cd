import { describe, expect, it } from 'vitest';
import { PartitionRegistry, parseTopicPartition, sortPartitionNames, topicPartitionName } from './topicPartition.ts';

describe('topic partition names', () => {
  it('prints as TopicPartition.toString does', () => {
    expect(topicPartitionName('orders', 3)).toBe('orders-3');
  });

  it('parses at the last dash, since topic names may contain dashes', () => {
    expect(parseTopicPartition('order-events-11')).toEqual({ topic: 'order-events', partition: 11 });
    expect(parseTopicPartition('orders-0')).toEqual({ topic: 'orders', partition: 0 });
    // "orders-" is a legal topic name, so this is its partition 1.
    expect(parseTopicPartition('orders--1')).toEqual({ topic: 'orders-', partition: 1 });
  });

  it('rejects names that are not topic-N', () => {
    for (const bad of ['orders', '-3', 'orders-', 'orders-x', 'orders-01', 'orders-1.5']) {
      expect(parseTopicPartition(bad)).toBeUndefined();
    }
  });

  it('sorts by topic, then numerically by partition', () => {
    expect(sortPartitionNames(['b-0', 'a-10', 'a-2', 'a-b-1'])).toEqual(['a-2', 'a-10', 'a-b-1', 'b-0']);
  });

  it('hands out one object per partition', () => {
    const registry = new PartitionRegistry();
    expect(registry.get('orders', 2)).toBe(registry.get('orders', 2));
    expect(registry.all('orders', 3).map((tp) => tp.name)).toEqual(['orders-0', 'orders-1', 'orders-2']);
  });
});

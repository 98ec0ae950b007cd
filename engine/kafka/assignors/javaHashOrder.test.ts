import { describe, expect, it } from 'vitest';
import { JavaHashOrder, javaHashMapOrder, javaStringHash, topicPartitionHash } from './javaHashOrder.ts';

// Expected orders were printed by OpenJDK 17.0.15 iterating `new HashMap<>()` / `new HashSet<>()` after the same puts.
describe('javaStringHash', () => {
  it('is String.hashCode', () => {
    expect(javaStringHash('consumer1')).toBe(-421004549);
    expect(javaStringHash('consumer3')).toBe(-421004547);
    expect(javaStringHash('orders')).toBe(-1008770331);
    expect(javaStringHash('')).toBe(0);
    expect(javaStringHash('Aa')).toBe(javaStringHash('BB'));
  });

  it('hashes UTF-16 code units, as Java does', () => {
    expect(javaStringHash('é')).toBe(0xe9);
    expect(javaStringHash('😀')).toBe(Math.imul(31, 0xd83d) + 0xde00);
  });
});

describe('javaHashMapOrder', () => {
  it('iterates members as the leader HashMap does', () => {
    expect(javaHashMapOrder(['consumer1', 'consumer2', 'consumer3'])).toEqual(['consumer3', 'consumer2', 'consumer1']);
  });

  it('follows the table as it grows past 12 and 24 keys', () => {
    const twenty = Array.from({ length: 20 }, (_, i) => `consumer${i}`);
    expect(javaHashMapOrder(twenty).join(',')).toBe(
      'consumer12,consumer11,consumer10,consumer9,consumer8,consumer7,consumer6,consumer19,consumer18,consumer17,' +
        'consumer16,consumer15,consumer14,consumer13,consumer5,consumer4,consumer3,consumer2,consumer1,consumer0',
    );
    const fourteen = Array.from({ length: 14 }, (_, i) => `c${String(i).padStart(2, '0')}`);
    expect(javaHashMapOrder(fourteen).join(',')).toBe('c00,c11,c10,c02,c13,c01,c12,c04,c03,c06,c05,c08,c07,c09');
  });

  it('keeps insertion order among keys in one bucket', () => {
    expect(javaHashMapOrder(['Aa', 'BB'])).toEqual(['Aa', 'BB']);
    expect(javaHashMapOrder(['BB', 'Aa'])).toEqual(['BB', 'Aa']);
    expect(
      javaHashMapOrder(['consumer-group-1-6f1c2b3a-9e0d', 'consumer-group-1-0a7d44e1-22f3', 'b', 'a', 'orders', 'Aa', 'BB']),
    ).toEqual(['Aa', 'BB', 'a', 'b', 'consumer-group-1-6f1c2b3a-9e0d', 'orders', 'consumer-group-1-0a7d44e1-22f3']);
  });
});

describe('JavaHashOrder of TopicPartitions', () => {
  const tp = (topic: string, partition: number): string => `${topic}-${partition}`;
  const hashOf = (name: string): number => {
    const dash = name.lastIndexOf('-');
    return topicPartitionHash(name.slice(0, dash), Number(name.slice(dash + 1)));
  };

  it('iterates a HashSet<TopicPartition> as Java does, through removals and re-adds', () => {
    const set = new JavaHashOrder<string>(hashOf);
    for (let p = 0; p < 20; p++) set.add(tp('topic', p));
    expect(set.ordered().join(',')).toBe(
      'topic-0,topic-18,topic-17,topic-19,topic-10,topic-9,topic-12,topic-11,topic-14,topic-13,topic-16,topic-15,' +
        'topic-2,topic-1,topic-4,topic-3,topic-6,topic-5,topic-8,topic-7',
    );
    set.delete(tp('topic', 4));
    set.delete(tp('topic', 0));
    set.add(tp('topic', 4));
    set.add(tp('orders', 3));
    expect(set.ordered().join(',')).toBe(
      'topic-18,topic-17,topic-19,topic-10,topic-9,topic-12,topic-11,topic-14,topic-13,topic-16,topic-15,' +
        'topic-2,topic-1,topic-4,topic-3,topic-6,orders-3,topic-5,topic-8,topic-7',
    );
    expect(set.first()).toBe('topic-18');
  });

  it('returns the element iterator().next() returns', () => {
    const set = new JavaHashOrder<string>(hashOf);
    for (const name of ['orders-7', 'orders-2', 'orders-11']) set.add(name);
    expect(set.first()).toBe('orders-7');
    expect(new JavaHashOrder<string>(hashOf).first()).toBeUndefined();
  });

  it('ignores a second add of the same key, as put on an existing key does', () => {
    const set = new JavaHashOrder<string>(javaStringHash);
    set.add('BB');
    set.add('Aa');
    set.add('BB');
    expect(set.ordered()).toEqual(['BB', 'Aa']);
    expect(set.size).toBe(2);
  });
});

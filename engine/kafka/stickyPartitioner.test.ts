import { describe, expect, it } from 'vitest';
import {
  createStickyPartitioner,
  recordAppended,
  stickyPartitionForAppend,
  updateLoadStats,
  type PickUniform,
  type StickyPartitionerState,
  type TopicAvailability,
} from './stickyPartitioner.ts';

/** Kafka's test `SequentialPartitioner`: the "random" draws are 0, 1, 2, ... taken modulo n. */
function sequentialPick(): PickUniform {
  let next = 0;
  return (n) => next++ % n;
}

/** A small seeded generator (mulberry32), so runs repeat. */
function seededPick(seed: number): PickUniform {
  let s = seed;
  return (n) => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

const allFull = (): boolean => true;

function topic(numPartitions: number, available = [...Array(numPartitions).keys()]): TopicAvailability {
  return { numPartitions, available };
}

/** Appends one record of `bytes` to whatever partition the partitioner picks, with every batch full. */
function send(state: StickyPartitionerState, t: TopicAvailability, pick: PickUniform, bytes = 1): number {
  const p = stickyPartitionForAppend(state, t, allFull, pick);
  recordAppended(state, bytes, true, t, pick);
  return p;
}

// Transcribed from BuiltInPartitionerTest (clients/src/test/java/org/apache/kafka/clients/producer/internals/,
// apache/kafka@1eb7644349cb).
describe('sticky partitioner, as in BuiltInPartitionerTest', () => {
  it('testStickyPartitioning: sticks until batch.size bytes, then switches', () => {
    const pick = sequentialPick();
    const a = createStickyPartitioner(3);
    const topicA = topic(3);
    const first = send(a, topicA, pick);
    expect(send(a, topicA, pick)).toBe(first);
    expect(send(a, topicA, pick)).toBe(first);
    expect(stickyPartitionForAppend(a, topicA, allFull, pick)).not.toBe(first);

    const b = createStickyPartitioner(1);
    for (let i = 0; i < 10; i++) expect(send(b, topic(1), pick)).toBe(0);
  });

  it('unavailablePartitionsTest: never picks a partition without a leader', () => {
    const pick = seededPick(7);
    const a = createStickyPartitioner(1);
    const topicA = topic(3, [0, 2]);
    const seen = new Set<number>();
    for (let i = 0; i < 100; i++) seen.add(send(a, topicA, pick));
    expect(seen).toEqual(new Set([0, 2]));

    const b = createStickyPartitioner(1);
    for (let i = 0; i < 100; i++) expect(send(b, topic(2, [1]), pick)).toBe(1);

    // With no partition available, it still picks one among all partitions.
    const c = createStickyPartitioner(1);
    expect(send(c, topic(1, []), pick)).toBe(0);
    expect(send(c, topic(1, []), pick)).toBe(0);
  });

  it('adaptivePartitionsTest: picks partitions in inverse proportion to their queue sizes', () => {
    const pick = sequentialPick();
    const state = createStickyPartitioner(1);
    const queueSizes = [5, 0, 3, 0, 1];
    updateLoadStats(state, queueSizes, [0, 1, 2, 3, 4]);
    const cycles = 2;
    const frequencies = [0, 0, 0, 0, 0];
    // 21 = sum of (max + 1 - size) = 1 + 6 + 3 + 6 + 5: one full cycle of sequential draws.
    for (let i = 0; i < 21 * cycles; i++) frequencies[send(state, topic(5), pick)]!++;
    expect(frequencies).toEqual(queueSizes.map((size) => (6 - size) * cycles));
  });

  it('testStickyBatchSizeMoreThatZero: batch.size must be at least 1', () => {
    expect(() => createStickyPartitioner(0)).toThrow(RangeError);
    expect(() => createStickyPartitioner(1)).not.toThrow();
  });
});

describe('sticky partitioner switching around open batches (RecordAccumulator.append)', () => {
  it('defers the switch while the partition has an open batch', () => {
    const pick = sequentialPick();
    const state = createStickyPartitioner(100);
    const t = topic(4);
    const first = stickyPartitionForAppend(state, t, () => false, pick);
    recordAppended(state, 150, false, t, pick);
    expect(state.partition).toBe(first);
    // The next record finds that partition's batches all full, so the deferred switch happens first.
    expect(stickyPartitionForAppend(state, t, allFull, pick)).not.toBe(first);
    expect(state.producedBytes).toBe(0);
  });

  it('switches at twice batch.size even with an open batch', () => {
    const pick = sequentialPick();
    const state = createStickyPartitioner(100);
    const t = topic(4);
    const first = stickyPartitionForAppend(state, t, () => false, pick);
    recordAppended(state, 199, false, t, pick);
    expect(state.partition).toBe(first);
    recordAppended(state, 1, false, t, pick);
    expect(state.partition).not.toBe(first);
  });

  it('draws exactly once per switch, so the seeded stream stays aligned', () => {
    let draws = 0;
    const counting: PickUniform = () => {
      draws++;
      return 0;
    };
    const state = createStickyPartitioner(10);
    for (let i = 0; i < 100; i++) send(state, topic(3), counting, 5);
    expect(draws).toBe(1 + 50); // the first choice, then one switch per 10 bytes
  });
});

describe('updateLoadStats', () => {
  it('stays uniform when every queue is the same length', () => {
    const state = createStickyPartitioner(1);
    updateLoadStats(state, [2, 2, 2], [0, 1, 2]);
    expect(state.cumulativeWeights).toBeNull();
  });

  it('stays uniform for a single partition or no sizes', () => {
    const state = createStickyPartitioner(1);
    updateLoadStats(state, [4], [0]);
    expect(state.cumulativeWeights).toBeNull();
    updateLoadStats(state, null);
    expect(state.cumulativeWeights).toBeNull();
  });

  it('weights equal queues when slow partitions were dropped from the end', () => {
    const state = createStickyPartitioner(1);
    updateLoadStats(state, [2, 2, 2], [0, 1, 2], 2);
    expect(state.cumulativeWeights).toEqual([1, 2]);
    expect(state.weightedPartitions).toEqual([0, 1]);
  });

  it('builds the cumulative table of BuiltInPartitioner.updatePartitionLoadStats (0 3 1 -> 4 5 8)', () => {
    const state = createStickyPartitioner(1);
    updateLoadStats(state, [0, 3, 1], [4, 7, 9]);
    expect(state.cumulativeWeights).toEqual([4, 5, 8]);
    // Draws 0..3 go to the first partition, 4 to the second, 5..7 to the third.
    const chosen = [0, 1, 2, 3, 4, 5, 6, 7].map((draw) => {
      const s = { ...state, partition: -1 };
      return stickyPartitionForAppend(s, topic(10), allFull, () => draw);
    });
    expect(chosen).toEqual([4, 4, 4, 4, 7, 9, 9, 9]);
  });
});

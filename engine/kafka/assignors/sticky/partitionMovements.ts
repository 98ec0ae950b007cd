/**
 * The moves the general sticky algorithm has made so far in a round (`AbstractStickyAssignor.PartitionMovements`).
 * When a partition of topic T should move from A to B but some other partition of T already moved from B to A, the
 * algorithm moves that one back instead, so no two members end up swapping partitions of the same topic.
 * "Some other partition" is the first element of a Java `HashSet<TopicPartition>`, so the set keeps Java's order.
 */
import { JavaHashOrder } from '../javaHashOrder.ts';
import type { TopicPartition } from '../topicPartition.ts';

interface Move {
  readonly from: string;
  readonly to: string;
}

function pairKey(from: string, to: string): string {
  return `${from.length}:${from}${to}`;
}

function newPartitionSet(): JavaHashOrder<TopicPartition> {
  return new JavaHashOrder<TopicPartition>((tp) => tp.hash);
}

export class PartitionMovements {
  private readonly byPartition = new Map<TopicPartition, Move>();
  private readonly byTopic = new Map<string, Map<string, JavaHashOrder<TopicPartition>>>();

  /** Records that `partition` goes from `from` to `to`, folding it into any earlier move of the same partition. */
  move(partition: TopicPartition, from: string, to: string): void {
    const earlier = this.byPartition.get(partition);
    if (earlier === undefined) {
      this.add(partition, { from, to });
      return;
    }
    this.remove(partition, earlier);
    if (earlier.from !== to) this.add(partition, { from: earlier.from, to });
  }

  /** The partition to actually move when `partition` should go from `from` to `to`. */
  partitionToMove(partition: TopicPartition, from: string, to: string): TopicPartition {
    const topicMoves = this.byTopic.get(partition.topic);
    if (topicMoves === undefined) return partition;
    const origin = this.byPartition.get(partition)?.from ?? from;
    return topicMoves.get(pairKey(to, origin))?.first() ?? partition;
  }

  private add(partition: TopicPartition, move: Move): void {
    this.byPartition.set(partition, move);
    let topicMoves = this.byTopic.get(partition.topic);
    if (topicMoves === undefined) {
      topicMoves = new Map();
      this.byTopic.set(partition.topic, topicMoves);
    }
    const key = pairKey(move.from, move.to);
    let partitions = topicMoves.get(key);
    if (partitions === undefined) {
      partitions = newPartitionSet();
      topicMoves.set(key, partitions);
    }
    partitions.add(partition);
  }

  private remove(partition: TopicPartition, move: Move): void {
    this.byPartition.delete(partition);
    const topicMoves = this.byTopic.get(partition.topic)!;
    const key = pairKey(move.from, move.to);
    const partitions = topicMoves.get(key)!;
    partitions.delete(partition);
    if (partitions.size === 0) topicMoves.delete(key);
    if (topicMoves.size === 0) this.byTopic.delete(partition.topic);
  }
}

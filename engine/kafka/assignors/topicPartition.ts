/**
 * Topic partitions, named and ordered as Kafka names and orders them. Inside an assignor run every partition is one
 * interned object, so identity comparison and Map/Set keys are cheap.
 */
import { topicPartitionHash } from './javaHashOrder.ts';

export interface TopicPartition {
  readonly topic: string;
  readonly partition: number;
  /** `topic-N`, as `TopicPartition.toString()` prints it. */
  readonly name: string;
  /** `TopicPartition.hashCode()`, for Java iteration order. */
  readonly hash: number;
}

/**
 * The name Kafka prints for a partition.
 * @example topicPartitionName('orders', 3) // 'orders-3'
 */
export function topicPartitionName(topic: string, partition: number): string {
  return `${topic}-${partition}`;
}

/**
 * Splits `topic-N` at its last dash (topic names may contain dashes), or returns undefined if it is not that shape.
 * @example parseTopicPartition('order-events-11') // { topic: 'order-events', partition: 11 }
 */
export function parseTopicPartition(name: string): { topic: string; partition: number } | undefined {
  const dash = name.lastIndexOf('-');
  if (dash <= 0) return undefined;
  const digits = name.slice(dash + 1);
  if (!/^(0|[1-9][0-9]*)$/.test(digits)) return undefined;
  return { topic: name.slice(0, dash), partition: Number(digits) };
}

/** Java's `String.compareTo`: UTF-16 code unit order, which is also JavaScript's `<` on strings. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Kafka's `TopicPartitionComparator`: topic name, then partition number. */
export function compareTopicThenPartition(a: TopicPartition, b: TopicPartition): number {
  return compareStrings(a.topic, b.topic) || a.partition - b.partition;
}

/** Sorts partition names by topic then partition number (the order results are reported in). */
export function sortPartitionNames(names: string[]): string[] {
  return names.sort((a, b) => {
    const pa = parseTopicPartition(a);
    const pb = parseTopicPartition(b);
    if (pa === undefined || pb === undefined) return compareStrings(a, b);
    return compareStrings(pa.topic, pb.topic) || pa.partition - pb.partition;
  });
}

/** Hands out one `TopicPartition` object per (topic, partition) for the duration of an assignor run. */
export class PartitionRegistry {
  private readonly byTopic = new Map<string, TopicPartition[]>();

  get(topic: string, partition: number): TopicPartition {
    let partitions = this.byTopic.get(topic);
    if (partitions === undefined) {
      partitions = [];
      this.byTopic.set(topic, partitions);
    }
    let tp = partitions[partition];
    if (tp === undefined) {
      tp = { topic, partition, name: topicPartitionName(topic, partition), hash: topicPartitionHash(topic, partition) };
      partitions[partition] = tp;
    }
    return tp;
  }

  /** Partitions 0..count-1 of `topic`, in order. */
  all(topic: string, count: number): TopicPartition[] {
    const result: TopicPartition[] = [];
    for (let p = 0; p < count; p++) result.push(this.get(topic, p));
    return result;
  }
}

/**
 * Kafka's `RoundRobinAssignor` (eager): all subscribed partitions, sorted by topic then partition, are dealt to the
 * sorted members in turn; a member not subscribed to a partition's topic is skipped, and the turn stays with the
 * next one. With identical subscriptions counts differ by at most one; with mixed subscriptions they can differ more.
 */
import { compareMemberInfo, emptyLists, type Group } from './group.ts';
import type { PartitionRegistry, TopicPartition } from './topicPartition.ts';

/** Round-robin assignment for `group`, member id to partitions (in assignment order). */
export function assignRoundRobin(group: Group, registry: PartitionRegistry): Map<string, TopicPartition[]> {
  const lists = emptyLists(group);
  const ring = [...group.members].sort(compareMemberInfo);
  let turn = 0;
  // partitionsPerTopic is sorted by topic name, which is the TreeSet order Kafka walks.
  for (const [topic, count] of group.partitionsPerTopic) {
    for (let p = 0; p < count; p++) {
      // Some member subscribes to every topic in partitionsPerTopic, so this finds one within a lap.
      while (!ring[turn]!.subscribes.has(topic)) turn = (turn + 1) % ring.length;
      lists.get(ring[turn]!.memberId)!.push(registry.get(topic, p));
      turn = (turn + 1) % ring.length;
    }
  }
  return lists;
}

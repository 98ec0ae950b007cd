/**
 * Kafka's `RangeAssignor` (eager): topic by topic, the members subscribed to it are sorted and each takes a
 * contiguous range; the first `partitions % members` of them take one extra. Because every topic starts again from
 * the first member, members that sort first end up with more partitions when a group subscribes to many topics.
 * Rack-aware range assignment (KIP-881) is not modelled.
 */
import { compareMemberInfo, emptyLists, type Group } from './group.ts';
import type { PartitionRegistry, TopicPartition } from './topicPartition.ts';

/** Range assignment for `group`, member id to partitions (in assignment order). */
export function assignRange(group: Group, registry: PartitionRegistry): Map<string, TopicPartition[]> {
  const lists = emptyLists(group);
  for (const [topic, count] of group.partitionsPerTopic) {
    const consumers = group.members.filter((m) => m.subscribes.has(topic)).sort(compareMemberInfo);
    if (consumers.length === 0) continue;
    const perConsumer = Math.floor(count / consumers.length);
    const withExtra = count % consumers.length;
    let next = 0;
    consumers.forEach((consumer, i) => {
      const take = perConsumer + (i < withExtra ? 1 : 0);
      const list = lists.get(consumer.memberId)!;
      for (let p = next; p < next + take; p++) list.push(registry.get(topic, p));
      next += take;
    });
  }
  return lists;
}

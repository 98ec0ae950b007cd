/**
 * Kafka's client-side partition assignors, as the group leader runs them in one rebalance round.
 */
import { readGroup, toAssignment } from './group.ts';
import { assignRange } from './range.ts';
import { assignRoundRobin } from './roundRobin.ts';
import { assignCooperativeSticky } from './sticky/cooperativeSticky.ts';
import { PartitionRegistry } from './topicPartition.ts';
import type { Assignment, AssignmentStrategy, GroupMember, TopicPartitionCounts } from './types.ts';

export type { Assignment, AssignmentStrategy, GroupMember, TopicPartitionCounts } from './types.ts';
export { addedPartitions, assignmentMatchesSubscription, needsFollowUpRebalance, revokedPartitions } from './cooperative.ts';
export { parseTopicPartition, topicPartitionName } from './topicPartition.ts';
export { assignmentViolations, stickyBalanceViolations, unassignedPartitions } from './validate.ts';

const assignors = {
  range: assignRange,
  roundrobin: assignRoundRobin,
  'cooperative-sticky': assignCooperativeSticky,
} as const;

/**
 * One round of `strategy` as Kafka's group leader computes it: every member appears in the result (an empty list
 * when idle), partitions are named `topic-N` and each list is sorted by topic then partition. `members` is in the
 * order the coordinator listed them in the JoinGroup response (it only matters through Java's HashMap order).
 * @example
 * assignPartitions('range', [{ memberId: 'a', topics: ['orders'] }, { memberId: 'b', topics: ['orders'] }], { orders: 3 })
 * // { a: ['orders-0', 'orders-1'], b: ['orders-2'] }
 */
export function assignPartitions(
  strategy: AssignmentStrategy,
  members: readonly GroupMember[],
  topics: TopicPartitionCounts,
): Assignment {
  const assign = assignors[strategy];
  if (assign === undefined) throw new Error(`unknown partition.assignment.strategy ${String(strategy)}`);
  const group = readGroup(members, topics);
  if (group.members.length === 0) return {};
  return toAssignment(members, assign(group, new PartitionRegistry()));
}

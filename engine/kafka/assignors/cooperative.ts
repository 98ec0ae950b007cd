/**
 * What a member does with its new assignment under the cooperative protocol (KIP-429, `ConsumerCoordinator
 * .onJoinComplete`): it keeps consuming what it still has, revokes what it lost, starts on what it gained, and, if it
 * revoked anything, rejoins at once so the partitions it let go can be handed out in a second round.
 */
import { parseTopicPartition } from './topicPartition.ts';
import type { Assignment, GroupMember } from './types.ts';

/**
 * Partitions in `before` that are not in `after`, in `before`'s order: what a member must revoke.
 * @example revokedPartitions(['orders-0', 'orders-1'], ['orders-1']) // ['orders-0']
 */
export function revokedPartitions(before: readonly string[], after: readonly string[]): string[] {
  const kept = new Set(after);
  return before.filter((p) => !kept.has(p));
}

/**
 * Partitions in `after` that were not in `before`, in `after`'s order: what a member starts consuming.
 * @example addedPartitions(['orders-0'], ['orders-0', 'orders-2']) // ['orders-2']
 */
export function addedPartitions(before: readonly string[], after: readonly string[]): string[] {
  const had = new Set(before);
  return after.filter((p) => !had.has(p));
}

/**
 * Whether any member loses a partition it owned, which makes it rejoin and so starts a follow-up rebalance.
 * Members missing from `assignment` are taken to lose everything.
 */
export function needsFollowUpRebalance(members: readonly GroupMember[], assignment: Assignment): boolean {
  return members.some((m) => revokedPartitions(m.ownedPartitions ?? [], assignment[m.memberId] ?? []).length > 0);
}

/**
 * Whether every assigned partition belongs to a subscribed topic. A consumer whose assignment fails this rejoins
 * instead of taking it (`ConsumerCoordinator.onJoinComplete`); Kafka's sticky assignor can produce such assignments.
 * @example assignmentMatchesSubscription(['orders'], ['orders-0', 'payments-1']) // false
 */
export function assignmentMatchesSubscription(topics: readonly string[], assigned: readonly string[]): boolean {
  const subscribed = new Set(topics);
  return assigned.every((name) => subscribed.has(parseTopicPartition(name)?.topic ?? ''));
}

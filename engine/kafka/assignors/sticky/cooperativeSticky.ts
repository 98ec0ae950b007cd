/**
 * Kafka's `CooperativeStickyAssignor` (KIP-429): the sticky assignment, minus every partition that would move from
 * one member to another in this round. Such a partition is only revoked now; its new owner gets it in the follow-up
 * rebalance the revoking member triggers, so no partition is ever consumed by two members at once.
 */
import type { Group } from '../group.ts';
import type { PartitionRegistry, TopicPartition } from '../topicPartition.ts';
import { assignConstrained } from './constrained.ts';
import { assignGeneral } from './general.ts';
import { readOwnership, removeFrom, reportedPartitions } from './ownership.ts';

/**
 * Partitions the general path hands to a member while another member still reports owning them
 * (`computePartitionsTransferringOwnership`), compared against what members reported, not what survived validation.
 */
function transferringOwnership(
  group: Group,
  assignment: ReadonlyMap<string, readonly TopicPartition[]>,
  registry: PartitionRegistry,
): Map<TopicPartition, string> {
  const added = new Map<TopicPartition, string>();
  const revoked = new Set<TopicPartition>();
  for (const [memberId, assigned] of assignment) {
    const owned = new Set(reportedPartitions(group.memberById.get(memberId)!, registry));
    for (const tp of assigned) if (!owned.has(tp)) added.set(tp, memberId);
    const kept = new Set(assigned);
    for (const tp of owned) if (!kept.has(tp)) revoked.add(tp);
  }
  for (const tp of [...added.keys()]) if (!revoked.has(tp)) added.delete(tp);
  return added;
}

/** One round of cooperative-sticky assignment, member id to partitions. */
export function assignCooperativeSticky(group: Group, registry: PartitionRegistry): Map<string, TopicPartition[]> {
  const ownership = readOwnership(group, registry);
  let assignment: Map<string, TopicPartition[]>;
  let transferring: Map<TopicPartition, string>;
  if (ownership.allSubscriptionsEqual) {
    ({ assignment, transferring } = assignConstrained(group.partitionsPerTopic, ownership, registry));
  } else {
    assignment = assignGeneral(group, ownership, registry);
    transferring = transferringOwnership(group, assignment, registry);
  }
  for (const [tp, memberId] of transferring) removeFrom(assignment.get(memberId)!, tp);
  return assignment;
}

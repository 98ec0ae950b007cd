/**
 * When the general sticky algorithm stops moving partitions (`isBalanced`, `getBalanceScore`).
 */
import type { Group } from '../group.ts';
import type { PartitionRegistry, TopicPartition } from '../topicPartition.ts';
import type { MembersByLoad } from './membersByLoad.ts';

/** The state `isBalanced` reads: who holds what, and members ordered by load. */
export interface LoadView {
  readonly group: Group;
  readonly current: ReadonlyMap<string, readonly TopicPartition[]>;
  readonly ownerOf: ReadonlyMap<TopicPartition, string>;
  readonly byLoad: MembersByLoad;
  readonly registry: PartitionRegistry;
}

/**
 * Balanced means the loads differ by at most one, or no member short of its maximum could take a partition it
 * subscribes to from a member holding at least two more than it.
 */
export function isBalanced(view: LoadView): boolean {
  const { group, current, ownerOf, byLoad, registry } = view;
  const min = current.get(byLoad.first())!.length;
  const max = current.get(byLoad.last())!.length;
  if (min >= max - 1) return true;
  for (const memberId of byLoad.members()) {
    const count = current.get(memberId)!.length;
    const member = group.memberById.get(memberId)!;
    if (count === maxAssignable(group, memberId)) continue;
    for (const topic of member.topics) {
      const partitions = group.partitionsPerTopic.get(topic) ?? 0;
      for (let p = 0; p < partitions; p++) {
        const owner = ownerOf.get(registry.get(topic, p));
        if (owner === memberId || owner === undefined) continue;
        if (count + 1 < current.get(owner)!.length) return false;
      }
    }
  }
  return true;
}

/** The most partitions a member could hold: every partition of every topic it subscribes to. */
export function maxAssignable(group: Group, memberId: string): number {
  let total = 0;
  for (const topic of group.memberById.get(memberId)!.topics) total += group.partitionsPerTopic.get(topic) ?? 0;
  return total;
}

/** The sum over all pairs of members of the difference in their loads; 0 is perfectly even. */
export function balanceScore(assignment: ReadonlyMap<string, readonly TopicPartition[]>): number {
  const sizes = [...assignment.values()].map((list) => list.length);
  let score = 0;
  for (let i = 0; i < sizes.length; i++) {
    for (let j = i + 1; j < sizes.length; j++) score += Math.abs(sizes[i]! - sizes[j]!);
  }
  return score;
}

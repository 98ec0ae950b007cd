/**
 * What the sticky assignor believes each member owns going into a round (`AbstractStickyAssignor
 * .allSubscriptionsEqual`). Members are visited in the leader's `HashMap` order, and that order matters:
 * - two members of the same generation claiming one partition both lose it, and it is marked as having had several
 *   owners (the cooperative assignor then withholds it for a round);
 * - of two claims from different generations, the newer generation keeps the partition;
 * - subscriptions count as "all equal" by comparing each member with the first member that subscribed to anything,
 *   so members with empty subscriptions met before that one do not break equality (a quirk kept on purpose).
 */
import type { Group, Member } from '../group.ts';
import { parseTopicPartition, type PartitionRegistry, type TopicPartition } from '../topicPartition.ts';

/** Kafka's `DEFAULT_GENERATION`: a member that reports no generation counts as generation -1. */
export const NO_GENERATION = -1;

export interface Ownership {
  readonly allSubscriptionsEqual: boolean;
  /** Each member's still-valid owned partitions, keyed in the leader's member order. */
  readonly owned: Map<string, TopicPartition[]>;
  readonly claimedBySeveral: Set<TopicPartition>;
  readonly maxGeneration: number;
}

/** The generation a member reports, with "none" (absent or negative) as -1, as Kafka's `Subscription` reads it. */
export function generationOf(member: Member): number {
  return member.generation === undefined || member.generation < 0 ? NO_GENERATION : member.generation;
}

/** The member's owned partitions as parsed objects (any topic, even unsubscribed or deleted ones). */
export function reportedPartitions(member: Member, registry: PartitionRegistry): TopicPartition[] {
  const result: TopicPartition[] = [];
  for (const name of member.ownedPartitions) {
    const parsed = parseTopicPartition(name);
    if (parsed !== undefined) result.push(registry.get(parsed.topic, parsed.partition));
  }
  return result;
}

function isSameTopicSet(topics: readonly string[], reference: ReadonlySet<string>): boolean {
  return topics.length === reference.size && topics.every((t) => reference.has(t));
}

/** Resolves competing ownership claims and checks whether every member subscribes to the same topics. */
export function readOwnership(group: Group, registry: PartitionRegistry): Ownership {
  let allSubscriptionsEqual = true;
  const reference = new Set<string>();
  const owned = new Map<string, TopicPartition[]>();
  const claimedBySeveral = new Set<TopicPartition>();
  const claimant = new Map<TopicPartition, Member>();
  let maxGeneration = NO_GENERATION;

  for (const member of group.members) {
    if (reference.size === 0) for (const t of member.topics) reference.add(t);
    else if (allSubscriptionsEqual && !isSameTopicSet(member.topics, reference)) allSubscriptionsEqual = false;

    const generation = generationOf(member);
    maxGeneration = Math.max(maxGeneration, generation);
    const mine: TopicPartition[] = [];
    owned.set(member.memberId, mine);

    for (const tp of reportedPartitions(member, registry)) {
      const count = group.partitionsPerTopic.get(tp.topic);
      // Kafka never shrinks a topic, so it has no rule for a claim past the last partition; we drop such claims.
      if (count === undefined || tp.partition >= count) continue;
      const other = claimant.get(tp);
      if (other === undefined) {
        mine.push(tp);
        claimant.set(tp, member);
        continue;
      }
      const otherGeneration = generationOf(other);
      if (generation === otherGeneration) {
        claimedBySeveral.add(tp);
        removeFrom(owned.get(other.memberId)!, tp);
        claimant.set(tp, member);
      } else if (generation > otherGeneration) {
        mine.push(tp);
        removeFrom(owned.get(other.memberId)!, tp);
        claimant.set(tp, member);
      }
    }
  }
  return { allSubscriptionsEqual, owned, claimedBySeveral, maxGeneration };
}

/** Java's `List.remove(Object)`: drops the first occurrence, if any. */
export function removeFrom<T>(list: T[], item: T): void {
  const at = list.indexOf(item);
  if (at >= 0) list.splice(at, 1);
}

/**
 * The group as an assignor sees it once the leader has read every member's subscription: members in the order
 * Java iterates the leader's `HashMap<memberId, Subscription>`, and the partition count of every subscribed topic.
 */
import { javaHashMapOrder } from './javaHashOrder.ts';
import { compareStrings, compareTopicThenPartition, type TopicPartition } from './topicPartition.ts';
import type { Assignment, GroupMember, TopicPartitionCounts } from './types.ts';

export interface Member {
  readonly memberId: string;
  readonly groupInstanceId: string | undefined;
  /** Subscribed topics, duplicates removed (a Java consumer subscribes with a Set). */
  readonly topics: readonly string[];
  readonly subscribes: ReadonlySet<string>;
  readonly ownedPartitions: readonly string[];
  readonly generation: number | undefined;
}

export interface Group {
  /** Members in Java `HashMap` iteration order, as the leader's `ConsumerCoordinator` builds that map. */
  readonly members: readonly Member[];
  readonly memberById: ReadonlyMap<string, Member>;
  /** Subscribed topics that exist (more than 0 partitions), sorted by name, with their partition counts. */
  readonly partitionsPerTopic: ReadonlyMap<string, number>;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/** Validates the input and puts it in the order Kafka's leader would hold it. Throws on a repeated member id. */
export function readGroup(members: readonly GroupMember[], topics: TopicPartitionCounts): Group {
  const memberById = new Map<string, Member>();
  for (const m of members) {
    if (memberById.has(m.memberId)) throw new Error(`member id ${m.memberId} appears twice in the group`);
    const subscribed = unique(m.topics);
    memberById.set(m.memberId, {
      memberId: m.memberId,
      groupInstanceId: m.groupInstanceId,
      topics: subscribed,
      subscribes: new Set(subscribed),
      ownedPartitions: unique(m.ownedPartitions ?? []),
      generation: m.generation,
    });
  }
  const subscribed = new Set<string>();
  for (const m of memberById.values()) for (const topic of m.topics) subscribed.add(topic);
  const partitionsPerTopic = new Map<string, number>();
  for (const topic of [...subscribed].sort(compareStrings)) {
    const count = topics[topic];
    if (count === undefined || count === 0) continue;
    if (!Number.isInteger(count) || count < 0) throw new RangeError(`topic ${topic} has ${count} partitions`);
    partitionsPerTopic.set(topic, count);
  }
  const ordered = javaHashMapOrder([...memberById.keys()]).map((id) => memberById.get(id)!);
  return { members: ordered, memberById, partitionsPerTopic };
}

/**
 * Kafka's `MemberInfo` order: static members first, by `group.instance.id`, then dynamic members by member id.
 * Sorting with it keeps a stable group's assignment stable when member ids change on restart.
 */
export function compareMemberInfo(a: Member, b: Member): number {
  if (a.groupInstanceId !== undefined && b.groupInstanceId !== undefined) {
    return compareStrings(a.groupInstanceId, b.groupInstanceId);
  }
  if (a.groupInstanceId !== undefined) return -1;
  if (b.groupInstanceId !== undefined) return 1;
  return compareStrings(a.memberId, b.memberId);
}

/** Every member with an empty list, so idle members still appear in the result. */
export function emptyLists(group: Group): Map<string, TopicPartition[]> {
  return new Map(group.members.map((m) => [m.memberId, []]));
}

/** The public result: every input member (input order), each list sorted by topic then partition. */
export function toAssignment(members: readonly GroupMember[], lists: ReadonlyMap<string, readonly TopicPartition[]>): Assignment {
  const result: Assignment = {};
  for (const m of members) {
    const list = [...(lists.get(m.memberId) ?? [])].sort(compareTopicThenPartition);
    result[m.memberId] = list.map((tp) => tp.name);
  }
  return result;
}

/**
 * The sticky assignor's general path, used when members subscribe to different topics (`AbstractStickyAssignor
 * .GeneralAssignmentBuilder`):
 * 1. keep every still-valid owned partition where it is;
 * 2. give each unowned partition to the least-loaded member subscribed to its topic (topics with the fewest possible
 *    consumers first);
 * 3. move partitions from heavier to lighter members while that improves balance (reassignments.ts), and undo the
 *    whole step if the balance score did not improve.
 * Rack-aware placement (KIP-881) is not modelled.
 */
import type { Group } from '../group.ts';
import { compareStrings, type PartitionRegistry, type TopicPartition } from '../topicPartition.ts';
import { balanceScore, maxAssignable } from './balance.ts';
import { MembersByLoad } from './membersByLoad.ts';
import { generationOf, removeFrom, reportedPartitions, type Ownership } from './ownership.ts';
import { Reassigner, type PreviousOwner } from './reassignments.ts';

/** The general sticky assignment, member id to partitions. */
export function assignGeneral(group: Group, ownership: Ownership, registry: PartitionRegistry): Map<string, TopicPartition[]> {
  const { partitionsPerTopic, memberById } = group;
  const current = ownership.owned;
  const consumersOf = new Map<string, string[]>([...partitionsPerTopic.keys()].map((topic) => [topic, []]));
  for (const member of group.members) for (const topic of member.topics) consumersOf.get(topic)?.push(member.memberId);
  const ownerOf = new Map<TopicPartition, string>();
  for (const [memberId, list] of current) for (const tp of list) ownerOf.set(tp, memberId);
  const sortedTopics = [...partitionsPerTopic.keys()].sort(
    (a, b) => consumersOf.get(a)!.length - consumersOf.get(b)!.length || compareStrings(a, b),
  );
  const allPartitions = sortedTopics.flatMap((topic) => registry.all(topic, partitionsPerTopic.get(topic)!));

  // 1. Keep owned partitions of topics the owner still subscribes to.
  let revocationRequired = false;
  const kept = new Set<TopicPartition>();
  for (const [memberId, list] of current) {
    for (const tp of [...list]) {
      if (memberById.get(memberId)!.subscribes.has(tp.topic)) kept.add(tp);
      else {
        removeFrom(list, tp);
        revocationRequired = true;
      }
    }
  }

  // 2. Hand out the rest, each to the least-loaded subscriber at that moment.
  const byLoad = new MembersByLoad((memberId) => current.get(memberId)!.length);
  for (const memberId of current.keys()) byLoad.add(memberId);
  const initializing = current.get(byLoad.last())!.length === 0;
  const unassigned = allPartitions.filter((tp) => !kept.has(tp));
  for (const tp of unassigned) {
    const taker = byLoad.members().find((id) => memberById.get(id)!.subscribes.has(tp.topic));
    if (taker === undefined) continue;
    byLoad.remove(taker);
    current.get(taker)!.push(tp);
    ownerOf.set(tp, taker);
    byLoad.add(taker);
  }

  // 3. Only topics with two or more possible consumers, and members holding such partitions (or short of their
  // maximum), take part in balancing; the rest is set aside and put back at the end.
  const movable = (tp: TopicPartition): boolean => consumersOf.get(tp.topic)!.length >= 2;
  const setAside = new Map<string, TopicPartition[]>();
  for (const member of group.members) {
    const list = current.get(member.memberId)!;
    if (list.length < maxAssignable(group, member.memberId) || list.some(movable)) continue;
    byLoad.remove(member.memberId);
    setAside.set(member.memberId, list);
    current.delete(member.memberId);
  }
  const before = new Map([...current].map(([id, list]) => [id, [...list]]));
  const ownersBefore = new Map(ownerOf);
  const reassigner = new Reassigner({ group, current, ownerOf, byLoad, registry }, consumersOf, readPreviousOwners(group, ownership, registry));
  // Kafka first tries moving only newly assigned partitions, unless a subscription change already forces revocations;
  // whether that pass moved anything does not count towards the check below.
  if (!revocationRequired) reassigner.perform(unassigned.filter(movable));
  const performed = reassigner.perform(allPartitions.filter(movable));
  if (!initializing && performed && balanceScore(current) >= balanceScore(before)) {
    current.clear();
    for (const [id, list] of before) current.set(id, list);
    ownerOf.clear();
    for (const [tp, id] of ownersBefore) ownerOf.set(tp, id);
  }
  for (const [id, list] of setAside) current.set(id, list);
  return current;
}

/**
 * Owners from older generations (`prepopulateCurrentAssignments`): a member reporting a generation below the newest
 * one in the group, or none while others report one, is remembered per partition, the newest such claim winning.
 */
function readPreviousOwners(group: Group, ownership: Ownership, registry: PartitionRegistry): Map<TopicPartition, PreviousOwner> {
  const previous = new Map<TopicPartition, PreviousOwner>();
  for (const member of group.members) {
    // A member with no generation counts as -1, so it is "older" exactly when someone reports a generation.
    const generation = generationOf(member);
    if (generation >= ownership.maxGeneration) continue;
    for (const tp of reportedPartitions(member, registry)) {
      const known = previous.get(tp);
      if (known === undefined || generation > known.generation) previous.set(tp, { memberId: member.memberId, generation });
    }
  }
  return previous;
}

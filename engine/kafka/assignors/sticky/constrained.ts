/**
 * The sticky assignor's fast path when every member subscribes to the same topics (`AbstractStickyAssignor
 * .ConstrainedAssignmentBuilder`). With P partitions and N members, each member ends with floor(P/N) or ceil(P/N)
 * partitions, and exactly P % N of them with the larger count:
 * 1. each member keeps what it owns, up to its quota (owned partitions taken lowest partition number first);
 * 2. the rest are dealt round-robin, first to members under the minimum quota (sorted by member id), then to members
 *    at the minimum that may still take one more.
 * Partitions that leave a member which owned them are reported as transferring, for the cooperative protocol.
 * Rack-aware filling (KIP-881) is not modelled.
 */
import { compareStrings, type PartitionRegistry, type TopicPartition } from '../topicPartition.ts';
import type { Ownership } from './ownership.ts';

export interface ConstrainedResult {
  readonly assignment: Map<string, TopicPartition[]>;
  /** Partition to its new member, for partitions another member still owns. */
  readonly transferring: Map<TopicPartition, string>;
}

function byPartitionThenTopic(a: TopicPartition, b: TopicPartition): number {
  return a.partition - b.partition || compareStrings(a.topic, b.topic);
}

/** The constrained (uniform subscription) sticky assignment. */
export function assignConstrained(
  partitionsPerTopic: ReadonlyMap<string, number>,
  ownership: Ownership,
  registry: PartitionRegistry,
): ConstrainedResult {
  const memberCount = ownership.owned.size;
  let total = 0;
  for (const count of partitionsPerTopic.values()) total += count;
  const minQuota = Math.floor(total / memberCount);
  const maxQuota = Math.ceil(total / memberCount);
  const expectedAtMax = total % memberCount;
  let atMax = 0;

  const assignment = new Map<string, TopicPartition[]>();
  for (const memberId of ownership.owned.keys()) assignment.set(memberId, []);
  const kept = new Set<TopicPartition>();
  const maybeRevoked = new Map<TopicPartition, string>();
  const transferring = new Map<TopicPartition, string>();
  let underMin: string[] = [];
  let atMin: string[] = [];

  for (const [memberId, claimed] of ownership.owned) {
    const owned = claimed.filter((tp) => !ownership.claimedBySeveral.has(tp)).sort(byPartitionThenTopic);
    let keep: number;
    if (owned.length < minQuota) {
      keep = owned.length;
      underMin.push(memberId);
    } else if (owned.length >= maxQuota && atMax < expectedAtMax) {
      keep = maxQuota;
      atMax++;
      if (atMax === expectedAtMax) atMin = [];
    } else {
      keep = minQuota;
      if (atMax < expectedAtMax) atMin.push(memberId);
    }
    const list = assignment.get(memberId)!;
    owned.forEach((tp, i) => {
      if (i < keep) {
        list.push(tp);
        kept.add(tp);
      } else {
        maybeRevoked.set(tp, memberId);
      }
    });
  }

  const unassigned: TopicPartition[] = [];
  for (const [topic, count] of partitionsPerTopic) {
    for (const tp of registry.all(topic, count)) if (!kept.has(tp)) unassigned.push(tp);
  }
  underMin = underMin.sort(compareStrings);
  atMin = atMin.sort(compareStrings);

  const give = (tp: TopicPartition, memberId: string): number => {
    const list = assignment.get(memberId)!;
    list.push(tp);
    const previous = maybeRevoked.get(tp);
    if ((previous !== undefined && previous !== memberId) || ownership.claimedBySeveral.has(tp)) {
      transferring.set(tp, memberId);
    }
    return list.length;
  };

  // Java walks `underMin` with an iterator and restarts it at the end of each lap; `next` is that cursor.
  let next = 0;
  for (const tp of unassigned) {
    let memberId: string;
    let fromLap = true;
    if (next < underMin.length) {
      memberId = underMin[next++]!;
    } else if (underMin.length === 0 && atMin.length === 0) {
      throw new Error('sticky assignor: no member left to take partition ' + tp.name);
    } else if (underMin.length === 0) {
      memberId = atMin.shift()!;
      fromLap = false;
    } else {
      next = 0;
      memberId = underMin[next++]!;
    }
    const count = give(tp, memberId);
    if (count === minQuota && fromLap) {
      underMin.splice(--next, 1);
      atMin.push(memberId);
    } else if (count === maxQuota) {
      atMax++;
    }
  }

  if (underMin.length > 0) {
    if (atMax !== expectedAtMax) throw new Error('sticky assignor: members left under quota with nothing to assign');
    for (const memberId of underMin) {
      if (assignment.get(memberId)!.length !== minQuota) throw new Error(`sticky assignor: ${memberId} is under quota`);
    }
  }
  return { assignment, transferring };
}

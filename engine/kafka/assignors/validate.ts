/**
 * Checks on an assignment that hold for every Kafka assignor, for tests and for the engine's invariant checks:
 * nothing assigned twice or to a member that does not subscribe to it, and (for the sticky assignor) Kafka's notion
 * of balance. Each returns human-readable violations, empty when all is well.
 */
import { parseTopicPartition, topicPartitionName } from './topicPartition.ts';
import type { Assignment, GroupMember, TopicPartitionCounts } from './types.ts';

/**
 * Partitions assigned twice, to a member not subscribed to their topic, or that do not exist; members missing from
 * the result or unknown to the group.
 * @example assignmentViolations(members, { orders: 3 }, assignPartitions('range', members, { orders: 3 })) // []
 */
export function assignmentViolations(members: readonly GroupMember[], topics: TopicPartitionCounts, assignment: Assignment): string[] {
  const violations: string[] = [];
  const known = new Set(members.map((m) => m.memberId));
  for (const id of Object.keys(assignment)) if (!known.has(id)) violations.push(`${id} is not a member of the group`);
  const holder = new Map<string, string>();
  for (const member of members) {
    const list = assignment[member.memberId];
    if (list === undefined) {
      violations.push(`${member.memberId} is missing from the assignment`);
      continue;
    }
    for (const name of list) {
      const tp = parseTopicPartition(name);
      const count = tp === undefined ? undefined : topics[tp.topic];
      if (tp === undefined || count === undefined || tp.partition >= count) violations.push(`${name} does not exist`);
      else if (!member.topics.includes(tp.topic)) violations.push(`${name} went to ${member.memberId}, which does not subscribe to ${tp.topic}`);
      const other = holder.get(name);
      if (other !== undefined) violations.push(`${name} went to both ${other} and ${member.memberId}`);
      holder.set(name, member.memberId);
    }
  }
  return violations;
}

/** Subscribed, existing partitions that no member was given. */
export function unassignedPartitions(members: readonly GroupMember[], topics: TopicPartitionCounts, assignment: Assignment): string[] {
  const given = new Set(Object.values(assignment).flat());
  const subscribed = new Set(members.flatMap((m) => m.topics));
  const missing: string[] = [];
  for (const topic of [...subscribed].sort()) {
    for (let p = 0; p < (topics[topic] ?? 0); p++) {
      if (!given.has(topicPartitionName(topic, p))) missing.push(topicPartitionName(topic, p));
    }
  }
  return missing;
}

function topicsOf(partitions: readonly string[]): Set<string> {
  return new Set(partitions.map((name) => parseTopicPartition(name)?.topic ?? name));
}

/**
 * The sticky assignor's balance, as Kafka's tests define it (`AbstractStickyAssignorTest.verifyValidityAndBalance`):
 * whenever two members' loads differ by two or more, they hold no partitions of a common topic, since otherwise one
 * could have moved to even them out.
 */
export function stickyBalanceViolations(assignment: Assignment): string[] {
  const violations: string[] = [];
  const members = Object.keys(assignment).sort();
  for (let i = 0; i < members.length; i++) {
    for (let j = i + 1; j < members.length; j++) {
      const a = assignment[members[i]!]!;
      const b = assignment[members[j]!]!;
      if (Math.abs(a.length - b.length) <= 1) continue;
      const shared = [...topicsOf(a)].filter((t) => topicsOf(b).has(t));
      if (shared.length > 0) {
        violations.push(`${members[i]} (${a.length}) and ${members[j]} (${b.length}) could even out on ${shared.join(', ')}`);
      }
    }
  }
  return violations;
}

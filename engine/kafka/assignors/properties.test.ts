import { describe, expect, it } from 'vitest';
import {
  addedPartitions,
  assignPartitions,
  assignmentViolations,
  needsFollowUpRebalance,
  revokedPartitions,
  stickyBalanceViolations,
  unassignedPartitions,
  type Assignment,
  type AssignmentStrategy,
  type GroupMember,
} from './index.ts';

// Properties over random groups drawn from fixed seeds, so a failure replays exactly.
function random(seed: number): (n: number) => number {
  let s = seed;
  return (n) => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

interface Scenario {
  topics: Record<string, number>;
  members: GroupMember[];
}

function scenario(seed: number, uniform: boolean): Scenario {
  const int = random(seed);
  const topics: Record<string, number> = {};
  const names = Array.from({ length: 1 + int(5) }, (_, i) => `topic-${i}`);
  for (const name of names) topics[name] = 1 + int(16);
  const shared = names.filter(() => int(3) > 0);
  if (shared.length === 0) shared.push(names[0]!);
  const members = Array.from({ length: 1 + int(12) }, (_, i): GroupMember => {
    const chosen = uniform ? shared : names.filter(() => int(2) === 0);
    const member: GroupMember = { memberId: `member-${int(1000)}-${i}`, topics: chosen.length > 0 ? chosen : [names[int(names.length)]!] };
    if (int(4) === 0) member.groupInstanceId = `instance-${i}`;
    return member;
  });
  return { topics, members };
}

/** The members reporting what they were given, as they do when they rejoin. */
function rejoin(members: GroupMember[], assignment: Assignment, generation: number): GroupMember[] {
  return members.map((m) => ({ ...m, ownedPartitions: assignment[m.memberId] ?? [], generation }));
}

/** Rebalances until nobody revokes anything, checking the cooperative guarantee on every round. */
function settle(members: GroupMember[], topics: Record<string, number>, generation: number): { members: GroupMember[]; assignment: Assignment; rounds: number } {
  let current = members;
  let rounds = 0;
  for (;;) {
    const assignment = assignPartitions('cooperative-sticky', current, topics);
    rounds++;
    // CooperativeStickyAssignorTest.verifyCooperativeValidity: no partition is revoked from one member and added
    // to another in the same round.
    const revoked = new Set(current.flatMap((m) => revokedPartitions(m.ownedPartitions ?? [], assignment[m.memberId]!)));
    const added = current.flatMap((m) => addedPartitions(m.ownedPartitions ?? [], assignment[m.memberId]!));
    expect(added.filter((p) => revoked.has(p))).toEqual([]);
    if (!needsFollowUpRebalance(current, assignment)) return { members: current, assignment, rounds };
    current = rejoin(current, assignment, generation + rounds);
  }
}

const seeds = Array.from({ length: 60 }, (_, i) => 1000 + i);
const sizes = (a: Assignment): number[] => Object.values(a).map((l) => l.length);

describe.each(['range', 'roundrobin', 'cooperative-sticky'] as AssignmentStrategy[])('%s on random groups', (strategy) => {
  it.each(seeds)('assigns every subscribed partition exactly once (seed %i)', (seed) => {
    const { topics, members } = scenario(seed, seed % 2 === 0);
    const assignment = assignPartitions(strategy, members, topics);
    expect(Object.keys(assignment).sort()).toEqual(members.map((m) => m.memberId).sort());
    expect(assignmentViolations(members, topics, assignment)).toEqual([]);
    expect(unassignedPartitions(members, topics, assignment)).toEqual([]);
  });
});

describe('balance with identical subscriptions', () => {
  it.each(seeds)('roundrobin and cooperative-sticky differ by at most one; range per topic (seed %i)', (seed) => {
    const { topics, members } = scenario(seed, true);
    for (const strategy of ['roundrobin', 'cooperative-sticky'] as const) {
      const counts = sizes(assignPartitions(strategy, members, topics));
      expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    }
    const range = assignPartitions('range', members, topics);
    for (const topic of members[0]!.topics) {
      const counts = Object.values(range).map((l) => l.filter((p) => p.startsWith(`${topic}-`)).length);
      expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    }
  });
});

describe('cooperative-sticky across rounds', () => {
  it.each(seeds)('settles, stays put once settled, and is balanced (seed %i)', (seed) => {
    const { topics, members } = scenario(seed, seed % 3 !== 0);
    const settled = settle(members, topics, 1);
    expect(settled.rounds).toBeLessThanOrEqual(2);
    expect(stickyBalanceViolations(settled.assignment)).toEqual([]);
    expect(unassignedPartitions(members, topics, settled.assignment)).toEqual([]);
    const again = assignPartitions('cooperative-sticky', rejoin(settled.members, settled.assignment, 9), topics);
    expect(again).toEqual(settled.assignment);
  });

  it.each(seeds)('keeps owned partitions up to the new quota when members join and leave (seed %i)', (seed) => {
    const int = random(seed * 7);
    const { topics, members } = scenario(seed, true);
    const before = settle(members, topics, 1);
    const stayed = before.members.filter(() => int(4) > 0);
    const joined = Array.from({ length: int(4) }, (_, i): GroupMember => ({ memberId: `joiner-${i}`, topics: members[0]!.topics }));
    const next = [...rejoin(stayed, before.assignment, 5), ...joined];
    if (next.length === 0) return;
    const total = members[0]!.topics.reduce((sum, t) => sum + topics[t]!, 0);
    const minQuota = Math.floor(total / next.length);
    const after = settle(next, topics, 5);
    for (const m of stayed) {
      const kept = after.assignment[m.memberId]!.filter((p) => before.assignment[m.memberId]!.includes(p));
      expect(kept.length).toBeGreaterThanOrEqual(Math.min(before.assignment[m.memberId]!.length, minQuota));
    }
  });
});

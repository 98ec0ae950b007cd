import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assignPartitions, assignmentViolations, type Assignment, type AssignmentStrategy, type GroupMember } from './index.ts';

// Golden cases: inputs drawn at random, expected assignments computed by running Kafka's own assignor classes
// (see the header of fixtures/kafka-oracle-cases.txt for how).
interface OracleCase {
  line: number;
  strategy: AssignmentStrategy;
  topics: Record<string, number>;
  members: GroupMember[];
  expected: Assignment;
}

const list = (field: string): string[] => (field === '-' ? [] : field.split(','));

function readCases(): OracleCase[] {
  const text = readFileSync(new URL('./fixtures/kafka-oracle-cases.txt', import.meta.url), 'utf8');
  const cases: OracleCase[] = [];
  let current: OracleCase | undefined;
  text.split('\n').forEach((line, index) => {
    const [kind, ...f] = line.split(' ');
    if (kind === 'CASE') current = { line: index + 1, strategy: f[0] as AssignmentStrategy, topics: {}, members: [], expected: {} };
    else if (kind === 'TOPIC') current!.topics[f[0]!] = Number(f[1]);
    else if (kind === 'MEMBER') {
      const member: GroupMember = { memberId: f[0]!, topics: list(f[3]!), ownedPartitions: list(f[4]!) };
      if (f[1] !== '-') member.groupInstanceId = f[1]!;
      if (f[2] !== '-1') member.generation = Number(f[2]);
      current!.members.push(member);
    } else if (kind === 'EXPECT') {
      for (const entry of f.join(' ').split(';').filter(Boolean)) {
        const [id, partitions] = entry.split('=');
        current!.expected[id!] = partitions ? partitions.split(',') : [];
      }
    } else if (kind === 'END') cases.push(current!);
  });
  return cases;
}

const cases = readCases();

describe('assignPartitions against Kafka itself', () => {
  it('has cases of every strategy', () => {
    const strategies = new Set(cases.map((c) => c.strategy));
    expect(strategies).toEqual(new Set(['range', 'roundrobin', 'cooperative-sticky']));
    expect(cases.length).toBeGreaterThanOrEqual(150);
  });

  it.each(cases.map((c) => [`${c.strategy} (fixture line ${c.line})`, c] as const))('%s', (_, c) => {
    const actual = assignPartitions(c.strategy, c.members, c.topics);
    expect(actual).toEqual(c.expected);
    // Kafka never assigns a partition twice or one that does not exist. It can hand a partition to a member that
    // no longer subscribes to it (see below), so that one check is left out here.
    const violations = assignmentViolations(c.members, c.topics, actual).filter((v) => !v.includes('does not subscribe'));
    expect(violations).toEqual([]);
  });
});

describe('a quirk of Kafka\'s sticky assignor, reproduced on purpose', () => {
  it('returns a partition to its owner from an older generation even if that member no longer subscribes to it', () => {
    // Kafka's output for this input, from its own CooperativeStickyAssignor: `a` gets t-0 although it only
    // subscribes to u. The general algorithm prefers a partition's previous owner (performReassignments) without
    // checking the subscription. A real consumer then finds the assignment does not match its subscription and
    // rejoins, so the engine's group coordinator should do the same.
    const members: GroupMember[] = [
      { memberId: 'a', topics: ['u'], ownedPartitions: ['t-0'], generation: 1 },
      { memberId: 'b', topics: ['t'], ownedPartitions: ['t-0', 't-1', 't-2', 't-3', 't-4'], generation: 2 },
      { memberId: 'c', topics: ['t'], ownedPartitions: [], generation: 2 },
      { memberId: 'd', topics: ['u'], generation: 2 },
    ];
    const topics = { t: 6, u: 2 };
    const result = assignPartitions('cooperative-sticky', members, topics);
    expect(result).toEqual({ a: ['t-0', 'u-0'], b: ['t-2', 't-3', 't-4'], c: ['t-5'], d: ['u-1'] });
    expect(assignmentViolations(members, topics, result)).toEqual(['t-0 went to a, which does not subscribe to t']);
  });
});

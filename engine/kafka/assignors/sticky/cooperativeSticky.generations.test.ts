import { describe, expect, it } from 'vitest';
import { assignPartitions, needsFollowUpRebalance, stickyBalanceViolations, type Assignment, type GroupMember } from '../index.ts';

// More of AbstractStickyAssignorTest and CooperativeStickyAssignorTest (apache/kafka@1eb7644349cb, without racks):
// ownership across generations, partitions claimed twice, and the non-rack expectations of the rack tests.
type Topics = Record<string, number>;
const coop = (members: GroupMember[], topics: Topics): Assignment => assignPartitions('cooperative-sticky', members, topics);
const m = (memberId: string, topics: string[], ownedPartitions: string[] = [], generation?: number): GroupMember =>
  generation === undefined ? { memberId, topics, ownedPartitions } : { memberId, topics, ownedPartitions, generation };
const set = (...names: string[]): string[] => [...names].sort();
const asSets = (a: Assignment): Record<string, string[]> =>
  Object.fromEntries(Object.entries(a).map(([id, list]) => [id, [...list].sort()]));

const loads = (a: Assignment): number[] => Object.values(a).map((list) => list.length);

/** `verifyRackAssignment` without racks: members consumer0.. with subscriptions and owned partitions as strings. */
function byIndex(topics: Topics, subscriptions: string[][], owned: string[] = []): string[] {
  const members = subscriptions.map((t, i) => m(`consumer${i}`, t, owned[i]?.split(', ') ?? []));
  const result = coop(members, topics);
  return members.map((x) => result[x.memberId]!.join(', '));
}

describe('ownership across generations', () => {
  const both = ['topic', 'topic2'];
  const topics = { topic: 3, topic2: 3 };

  it('testOwnedPartitionsAreInvalidatedForConsumerWithStaleGeneration', () => {
    const owned = ['topic-0', 'topic-2', 'topic2-1'];
    const result = coop([m('consumer1', both, owned, 10), m('consumer2', both, owned, 9)], topics);
    expect(asSets(result)).toEqual({ consumer1: set(...owned), consumer2: set('topic-1', 'topic2-0', 'topic2-2') });
  });

  it('testOwnedPartitionsAreInvalidatedForConsumerWithNoGeneration', () => {
    const owned = ['topic-0', 'topic-2', 'topic2-1'];
    const result = coop([m('consumer1', both, owned, 10), m('consumer2', both, owned)], topics);
    expect(asSets(result)).toEqual({ consumer1: set(...owned), consumer2: set('topic-1', 'topic2-0', 'topic2-2') });
  });

  it('testOwnedPartitionsAreInvalidatedForConsumerWithMultipleGeneration', () => {
    const result = coop(
      [m('consumer1', both, ['topic-0', 'topic2-1', 'topic-1'], 10), m('consumer2', both, ['topic-0', 'topic2-1', 'topic2-2'], 8)],
      topics,
    );
    expect(asSets(result)).toEqual({
      consumer1: set('topic-0', 'topic2-1', 'topic-1'),
      consumer2: set('topic-2', 'topic2-2', 'topic2-0'),
    });
  });

  it('testEnsurePartitionsAssignedToHighestGeneration', () => {
    const three = ['topic', 'topic2', 'topic3'];
    const result = coop(
      [
        m('consumer1', three, ['topic-0', 'topic2-0', 'topic3-0'], 10),
        m('consumer2', three, ['topic-1', 'topic2-1', 'topic3-1'], 9),
        m('consumer3', three, ['topic2-1', 'topic3-0', 'topic3-2'], 8),
      ],
      { topic: 3, topic2: 3, topic3: 3 },
    );
    expect(asSets(result)).toEqual({
      consumer1: set('topic-0', 'topic2-0', 'topic3-0'),
      consumer2: set('topic-1', 'topic2-1', 'topic3-1'),
      consumer3: set('topic-2', 'topic2-2', 'topic3-2'),
    });
  });

  it('testNoReassignmentOnCurrentMembers', () => {
    const four = ['topic', 'topic2', 'topic3', 'topic1'];
    const members = [
      m('consumer1', four, []),
      m('consumer2', four, ['topic-0', 'topic2-0', 'topic1-0'], 9),
      m('consumer3', four, ['topic3-2', 'topic2-2', 'topic1-1'], 8),
      m('consumer4', four, ['topic3-1', 'topic-1', 'topic-2'], 7),
    ];
    const result = coop(members, { topic: 3, topic1: 3, topic2: 3, topic3: 3 });
    expect(result.consumer1).toEqual(set('topic1-2', 'topic2-1', 'topic3-0'));
    expect(needsFollowUpRebalance(members, result)).toBe(false);
  });

  it('testAllConsumersReachExpectedQuotaAndAreConsideredFilled', () => {
    const members = [m('consumer1', ['topic'], ['topic-0', 'topic-1'], 1), m('consumer2', ['topic'], ['topic-2'], 1), m('consumer3', ['topic'], [], 1)];
    expect(coop(members, { topic: 4 })).toEqual({ consumer1: ['topic-0', 'topic-1'], consumer2: ['topic-2'], consumer3: ['topic-3'] });
  });

  it('testAssignorWithOldVersionSubscriptions', () => {
    const members = [m('consumer1', ['topic1'], ['topic1-0'], 1), m('consumer2', ['topic1'], ['topic1-1'], 1), m('consumer3', ['topic1'], [], 1)];
    expect(coop(members, { topic1: 3 })).toEqual({ consumer1: ['topic1-0'], consumer2: ['topic1-1'], consumer3: ['topic1-2'] });
  });
});

describe('a partition claimed by two members of the same generation', () => {
  const members = [
    m('consumer1', ['topic'], ['topic-0', 'topic-1'], 1),
    m('consumer2', ['topic'], ['topic-0', 'topic-2'], 1),
    m('consumer3', ['topic'], [], 1),
  ];

  it('...WithEqualPartitionsPerConsumer: is withheld from everyone for a round', () => {
    const first = coop(members, { topic: 3 });
    expect(first).toEqual({ consumer1: ['topic-1'], consumer2: ['topic-2'], consumer3: [] });
    // testPartitionsTransferringOwnershipIncludeThePartitionClaimedByMultipleConsumersInSameGeneration: it goes
    // to consumer3 once both have revoked it.
    const next = members.map((x) => ({ ...x, ownedPartitions: first[x.memberId]! }));
    expect(needsFollowUpRebalance(members, first)).toBe(true);
    expect(coop(next, { topic: 3 })).toEqual({ consumer1: ['topic-1'], consumer2: ['topic-2'], consumer3: ['topic-0'] });
  });

  it('...WithUnequalPartitionsPerConsumer', () => {
    expect(coop(members, { topic: 4 })).toEqual({ consumer1: ['topic-1', 'topic-3'], consumer2: ['topic-2'], consumer3: [] });
  });
});

describe('non-rack expectations of the rack tests', () => {
  const topics = { t1: 6, t2: 7, t3: 2 };
  const all = ['t1', 't2', 't3'];

  it('testRackAwareAssignmentWithUniformSubscription, and the same again when members own it', () => {
    const expected = ['t1-0, t1-3, t2-0, t2-3, t2-6', 't1-1, t1-4, t2-1, t2-4, t3-0', 't1-2, t1-5, t2-2, t2-5, t3-1'];
    expect(byIndex(topics, [all, all, all])).toEqual(expected);
    expect(byIndex(topics, [all, all, all], expected)).toEqual(expected);
  });

  it('testRackAwareAssignmentWithNonEqualSubscription, and the same again when members own it', () => {
    const expected = ['t1-5, t2-0, t2-2, t2-4, t2-6', 't1-3, t2-1, t2-3, t2-5, t3-0', 't1-0, t1-1, t1-2, t1-4, t3-1'];
    expect(byIndex(topics, [all, all, ['t1', 't3']])).toEqual(expected);
    expect(byIndex(topics, [all, all, ['t1', 't3']], expected)).toEqual(expected);
  });

  it('testRackAwareAssignmentWithNonEqualSubscription: revokes first, then rebalances (all racks match)', () => {
    const owned = ['t1-0, t1-1, t1-2, t1-3, t1-4', 't1-5, t2-0, t2-1, t2-2, t2-3', 't2-4, t2-5, t2-6, t3-0, t3-1'];
    const intermediate = byIndex(topics, [all, all, ['t1', 't3']], owned);
    expect(intermediate).toEqual(['t1-2, t1-3, t1-4', 't2-0, t2-1, t2-2, t2-3', 't3-0, t3-1']);
    expect(byIndex(topics, [all, all, ['t1', 't3']], intermediate)).toEqual([
      't1-2, t1-3, t1-4, t2-4, t2-5',
      't2-0, t2-1, t2-2, t2-3, t2-6',
      't1-0, t1-1, t1-5, t3-0, t3-1',
    ]);
  });
});

describe('membership and topic changes', () => {
  it('testAssignmentUpdatedForDeletedTopic: a missing topic is skipped', () => {
    const result = coop([m('consumer', ['topic1', 'topic2', 'topic3'])], { topic1: 1, topic3: 100 });
    expect(result.consumer).toHaveLength(101);
  });

  it('testNoExceptionThrownWhenOnlySubscribedTopicDeleted', () => {
    const first = coop([m('consumer', ['topic'])], { topic: 3 });
    expect(coop([m('consumer', ['topic'], first.consumer, 1)], {})).toEqual({ consumer: [] });
  });

  it('testAddRemoveTopicTwoConsumers: members keep what they had as topics come and go', () => {
    const one = { topic: 3 };
    const a1 = coop([m('consumer1', ['topic']), m('consumer2', ['topic'])], one);
    expect(loads(a1).sort()).toEqual([1, 2]);
    const two = { topic: 3, topic2: 3 };
    const withTopic2 = [m('consumer1', ['topic', 'topic2'], a1.consumer1, 1), m('consumer2', ['topic', 'topic2'], a1.consumer2, 1)];
    const a2 = coop(withTopic2, two);
    expect(needsFollowUpRebalance(withTopic2, a2)).toBe(false);
    expect(loads(a2)).toEqual([3, 3]);
    expect(a2.consumer1).toEqual(expect.arrayContaining(a1.consumer1!));
    expect(a2.consumer2).toEqual(expect.arrayContaining(a1.consumer2!));
    const onlyTopic2 = [m('consumer1', ['topic2'], a2.consumer1, 1), m('consumer2', ['topic2'], a2.consumer2, 1)];
    const a3 = coop(onlyTopic2, { topic2: 3 });
    expect(loads(a3).sort()).toEqual([1, 2]);
    expect(a2.consumer1).toEqual(expect.arrayContaining(a3.consumer1!));
    expect(a2.consumer2).toEqual(expect.arrayContaining(a3.consumer2!));
  });

  it('testStickiness: survivors keep their partition when the leader leaves', () => {
    const topics = { topic1: 3 };
    const four = ['consumer1', 'consumer2', 'consumer3', 'consumer4'].map((id) => m(id, ['topic1']));
    const before = coop(four, topics);
    for (const list of Object.values(before)) expect(list.length).toBeLessThanOrEqual(1);
    const survivors = four.slice(1).map((x) => ({ ...x, ownedPartitions: before[x.memberId]!, generation: 1 }));
    const after = coop(survivors, topics);
    for (const x of survivors) {
      expect(after[x.memberId]).toHaveLength(1);
      if (before[x.memberId]!.length === 1) expect(after[x.memberId]).toEqual(before[x.memberId]);
    }
    expect(stickyBalanceViolations(after)).toEqual([]);
  });
});

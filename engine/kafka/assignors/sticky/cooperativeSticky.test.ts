import { describe, expect, it } from 'vitest';
import {
  assignPartitions,
  assignmentViolations,
  needsFollowUpRebalance,
  stickyBalanceViolations,
  type Assignment,
  type GroupMember,
} from '../index.ts';

// Expected assignments transcribed from AbstractStickyAssignorTest
// (clients/src/test/java/org/apache/kafka/clients/consumer/internals/AbstractStickyAssignorTest.java) as run by
// CooperativeStickyAssignorTest (clients/src/test/java/org/apache/kafka/clients/consumer/), apache/kafka@1eb7644349cb,
// in their configurations without racks. Kafka's `generationId` there is 1.
type Topics = Record<string, number>;
const coop = (members: GroupMember[], topics: Topics): Assignment => assignPartitions('cooperative-sticky', members, topics);
const m = (memberId: string, topics: string[], ownedPartitions: string[] = [], generation?: number): GroupMember =>
  generation === undefined ? { memberId, topics, ownedPartitions } : { memberId, topics, ownedPartitions, generation };
const sorted = (...names: string[]): string[] => [...names].sort();
const asSets = (a: Assignment): Record<string, string[]> =>
  Object.fromEntries(Object.entries(a).map(([id, list]) => [id, [...list].sort()]));

/** Members again, each reporting what `assignment` gave it, at generation 1 (the tests' follow-up subscription). */
function nextRound(members: GroupMember[], assignment: Assignment): GroupMember[] {
  return members.map((x) => ({ ...x, ownedPartitions: assignment[x.memberId] ?? [], generation: 1 }));
}

/**
 * CooperativeStickyAssignorTest.verifyValidityAndBalance: while someone revokes, rebalance again as the protocol
 * would; then the result must be valid and balanced. Returns the settled assignment.
 */
function settle(members: GroupMember[], topics: Topics, first: Assignment): Assignment {
  let current = members;
  let assignment = first;
  for (let rounds = 0; needsFollowUpRebalance(current, assignment); rounds++) {
    expect(rounds).toBeLessThan(4);
    current = nextRound(current, assignment);
    assignment = coop(current, topics);
  }
  expect(assignmentViolations(current, topics, assignment)).toEqual([]);
  expect(stickyBalanceViolations(assignment)).toEqual([]);
  return assignment;
}

describe('CooperativeStickyAssignor, as AbstractStickyAssignorTest expects', () => {
  it('testOneConsumerNoTopic / testOneConsumerNonexistentTopic', () => {
    expect(coop([m('consumer', [])], {})).toEqual({ consumer: [] });
    expect(coop([m('consumer', ['topic'])], { topic: 0 })).toEqual({ consumer: [] });
  });

  it('testOneConsumerOneTopic / testOneConsumerMultipleTopics', () => {
    expect(coop([m('consumer', ['topic'])], { topic: 3 })).toEqual({ consumer: ['topic-0', 'topic-1', 'topic-2'] });
    expect(coop([m('consumer', ['topic1', 'topic2'])], { topic1: 1, topic2: 2 })).toEqual({
      consumer: ['topic1-0', 'topic2-0', 'topic2-1'],
    });
  });

  it('testOnlyAssignsPartitionsFromSubscribedTopics', () => {
    const owned = ['topic-0', 'topic-1', 'other-0', 'other-1'];
    expect(coop([m('consumer', ['topic'], owned, 1)], { topic: 2 })).toEqual({ consumer: ['topic-0', 'topic-1'] });
  });

  it('testTwoConsumersOneTopicTwoPartitions', () => {
    expect(coop([m('consumer1', ['topic']), m('consumer2', ['topic'])], { topic: 2 })).toEqual({
      consumer1: ['topic-0'],
      consumer2: ['topic-1'],
    });
  });

  it('testMultipleConsumersMixedTopicSubscriptions', () => {
    const members = [m('consumer1', ['topic1']), m('consumer2', ['topic1', 'topic2']), m('consumer3', ['topic1'])];
    expect(coop(members, { topic1: 3, topic2: 2 })).toEqual({
      consumer1: ['topic1-0', 'topic1-2'],
      consumer2: ['topic2-0', 'topic2-1'],
      consumer3: ['topic1-1'],
    });
  });

  it('testTwoConsumersTwoTopicsSixPartitions', () => {
    const members = [m('consumer1', ['topic1', 'topic2']), m('consumer2', ['topic1', 'topic2'])];
    expect(coop(members, { topic1: 3, topic2: 3 })).toEqual({
      consumer1: ['topic1-0', 'topic1-2', 'topic2-1'],
      consumer2: ['topic1-1', 'topic2-0', 'topic2-2'],
    });
  });

  it('testConsumerOwningMinQuotaExpectedMaxQuota', () => {
    const both = ['topic1', 'topic2'];
    const members = [m('consumer1', both, ['topic1-0', 'topic2-1'], 1), m('consumer2', both, ['topic1-1', 'topic2-2'], 1)];
    expect(coop(members, { topic1: 2, topic2: 3 })).toEqual({
      consumer1: sorted('topic1-0', 'topic2-1', 'topic2-0'),
      consumer2: ['topic1-1', 'topic2-2'],
    });
  });

  it('testMaxQuotaConsumerMoreThanNumExpectedMaxCapacityMembers: topic2-0 moves to consumer3 a round later', () => {
    const both = ['topic1', 'topic2'];
    const topics = { topic1: 2, topic2: 2 };
    const members = [
      m('consumer1', both, ['topic1-0', 'topic2-0'], 1),
      m('consumer2', both, ['topic1-1', 'topic2-1'], 1),
      m('consumer3', both, [], 1),
    ];
    // partitionsTransferringOwnership is {topic2-0: consumer3}, so the first round withholds topic2-0.
    const first = coop(members, topics);
    expect(first).toEqual({ consumer1: ['topic1-0'], consumer2: ['topic1-1', 'topic2-1'], consumer3: [] });
    expect(settle(members, topics, first)).toEqual({
      consumer1: ['topic1-0'],
      consumer2: ['topic1-1', 'topic2-1'],
      consumer3: ['topic2-0'],
    });
  });

  it('testAllConsumersAreUnderMinQuota', () => {
    const both = ['topic1', 'topic2'];
    const members = [m('consumer1', both, ['topic1-0'], 1), m('consumer2', both, ['topic1-1'], 1), m('consumer3', both, [], 1)];
    expect(coop(members, { topic1: 2, topic2: 3 })).toEqual({
      consumer1: ['topic1-0', 'topic2-1'],
      consumer2: ['topic1-1', 'topic2-2'],
      consumer3: ['topic2-0'],
    });
  });

  it('testAddRemoveConsumerOneTopic', () => {
    const topics = { topic: 3 };
    const alone = coop([m('consumer1', ['topic'])], topics);
    expect(alone).toEqual({ consumer1: ['topic-0', 'topic-1', 'topic-2'] });
    const joined = [m('consumer1', ['topic'], alone.consumer1, 1), m('consumer2', ['topic'], [], 1)];
    const first = coop(joined, topics);
    expect(first).toEqual({ consumer1: ['topic-0', 'topic-1'], consumer2: [] }); // topic-2 is transferring
    const settled = settle(joined, topics, first);
    expect(settled).toEqual({ consumer1: ['topic-0', 'topic-1'], consumer2: ['topic-2'] });
    expect(coop([m('consumer2', ['topic'], settled.consumer2, 1)], topics)).toEqual({
      consumer2: ['topic-0', 'topic-1', 'topic-2'],
    });
  });

  it('testTopicBalanceAfterReassignment: every member gets an even share of each topic', () => {
    const both = ['topic1', 'topic2'];
    const topics = { topic1: 12, topic2: 12 };
    const perTopic = (a: Assignment, share: number) => {
      for (const list of Object.values(a)) {
        expect(list.filter((p) => p.startsWith('topic1-')).length).toBe(share);
        expect(list.filter((p) => p.startsWith('topic2-')).length).toBe(share);
      }
    };
    let members = [m('consumer1', both)];
    let a = settle(members, topics, coop(members, topics));
    perTopic(a, 12);
    members = [m('consumer1', both, a.consumer1, 1), m('consumer2', both, [], 1)];
    a = settle(members, topics, coop(members, topics));
    perTopic(a, 6);
    members = [m('consumer1', both, a.consumer1, 1), m('consumer2', both, a.consumer2, 1), m('consumer3', both, [], 1), m('consumer4', both, [], 1)];
    a = settle(members, topics, coop(members, topics));
    perTopic(a, 3);
    members = [m('consumer3', both, a.consumer3, 1), m('consumer4', both, a.consumer4, 1)];
    const shrunk = coop(members, topics);
    expect(needsFollowUpRebalance(members, shrunk)).toBe(false);
    perTopic(shrunk, 6);
  });

  it('testAddRemoveTwoConsumersTwoTopics', () => {
    const both = ['topic1', 'topic2'];
    const topics = { topic1: 3, topic2: 4 };
    const start = coop([m('consumer1', both), m('consumer2', both)], topics);
    expect(start).toEqual({
      consumer1: ['topic1-0', 'topic1-2', 'topic2-1', 'topic2-3'],
      consumer2: ['topic1-1', 'topic2-0', 'topic2-2'],
    });
    const grown = [
      m('consumer1', both, start.consumer1, 1),
      m('consumer2', both, start.consumer2, 1),
      m('consumer3', both, [], 1),
      m('consumer4', both, [], 1),
    ];
    // partitionsTransferringOwnership is {topic1-2: consumer3, topic2-3: consumer3, topic2-2: consumer4}.
    const first = coop(grown, topics);
    expect(first).toEqual({ consumer1: ['topic1-0', 'topic2-1'], consumer2: ['topic1-1', 'topic2-0'], consumer3: [], consumer4: [] });
    const settled = settle(grown, topics, first);
    expect(settled).toEqual({
      consumer1: ['topic1-0', 'topic2-1'],
      consumer2: sorted('topic2-0', 'topic1-1'),
      consumer3: ['topic1-2', 'topic2-3'],
      consumer4: ['topic2-2'],
    });
    const shrunk = coop([m('consumer3', both, settled.consumer3, 1), m('consumer4', both, settled.consumer4, 1)], topics);
    expect(asSets(shrunk)).toEqual({
      consumer3: sorted('topic1-2', 'topic2-3', 'topic1-0', 'topic2-1'),
      consumer4: sorted('topic2-2', 'topic1-1', 'topic2-0'),
    });
  });

  it('testPoorRoundRobinAssignmentScenario: valid and balanced', () => {
    const topics = { topic1: 2, topic2: 1, topic3: 2, topic4: 1, topic5: 2 };
    const all = Object.keys(topics);
    const odd = ['topic1', 'topic3', 'topic5'];
    const members = [m('consumer1', all), m('consumer2', odd), m('consumer3', odd), m('consumer4', all)];
    settle(members, topics, coop(members, topics));
  });
});

import { describe, expect, it } from 'vitest';
import { assignPartitions, type GroupMember } from './index.ts';

// Expected assignments transcribed from RangeAssignorTest
// (clients/src/test/java/org/apache/kafka/clients/consumer/RangeAssignorTest.java, apache/kafka@1eb7644349cb),
// the cases without racks. Kafka compares them as sets; our lists are sorted, so the expectations are too.
const range = (members: GroupMember[], topics: Record<string, number>) => assignPartitions('range', members, topics);
const sub = (memberId: string, topics: string[], groupInstanceId?: string): GroupMember =>
  groupInstanceId === undefined ? { memberId, topics } : { memberId, topics, groupInstanceId };

/** The shape of `verifyRackAssignment` with null racks: members consumer0.. with the given subscriptions. */
function byIndex(topics: Record<string, number>, subscriptions: string[][]): string[] {
  const result = range(subscriptions.map((t, i) => sub(`consumer${i}`, t)), topics);
  return subscriptions.map((_, i) => result[`consumer${i}`]!.join(', '));
}

describe('RangeAssignor, as RangeAssignorTest expects', () => {
  it('testOneConsumerNoTopic', () => {
    expect(range([sub('consumer1', [])], {})).toEqual({ consumer1: [] });
  });

  it('testOneConsumerNonexistentTopic', () => {
    expect(range([sub('consumer1', ['topic1'])], {})).toEqual({ consumer1: [] });
  });

  it('testOneConsumerOneTopic', () => {
    expect(range([sub('consumer1', ['topic1'])], { topic1: 3 })).toEqual({ consumer1: ['topic1-0', 'topic1-1', 'topic1-2'] });
  });

  it('testOnlyAssignsPartitionsFromSubscribedTopics', () => {
    expect(range([sub('consumer1', ['topic1'])], { topic1: 3, other: 3 })).toEqual({
      consumer1: ['topic1-0', 'topic1-1', 'topic1-2'],
    });
  });

  it('testOneConsumerMultipleTopics', () => {
    expect(range([sub('consumer1', ['topic1', 'topic2'])], { topic1: 1, topic2: 2 })).toEqual({
      consumer1: ['topic1-0', 'topic2-0', 'topic2-1'],
    });
  });

  it('testTwoConsumersOneTopicOnePartition', () => {
    expect(range([sub('consumer1', ['topic1']), sub('consumer2', ['topic1'])], { topic1: 1 })).toEqual({
      consumer1: ['topic1-0'],
      consumer2: [],
    });
  });

  it('testTwoConsumersOneTopicTwoPartitions', () => {
    expect(range([sub('consumer1', ['topic1']), sub('consumer2', ['topic1'])], { topic1: 2 })).toEqual({
      consumer1: ['topic1-0'],
      consumer2: ['topic1-1'],
    });
  });

  it('testMultipleConsumersMixedTopics', () => {
    const members = [sub('consumer1', ['topic1']), sub('consumer2', ['topic1', 'topic2']), sub('consumer3', ['topic1'])];
    expect(range(members, { topic1: 3, topic2: 2 })).toEqual({
      consumer1: ['topic1-0'],
      consumer2: ['topic1-1', 'topic2-0', 'topic2-1'],
      consumer3: ['topic1-2'],
    });
  });

  it('testTwoConsumersTwoTopicsSixPartitions', () => {
    const members = [sub('consumer1', ['topic1', 'topic2']), sub('consumer2', ['topic1', 'topic2'])];
    expect(range(members, { topic1: 3, topic2: 3 })).toEqual({
      consumer1: ['topic1-0', 'topic1-1', 'topic2-0', 'topic2-1'],
      consumer2: ['topic1-2', 'topic2-2'],
    });
  });

  it('testTwoStaticConsumersTwoTopicsSixPartitions: static members sort by instance id, not member id', () => {
    const members = [sub('consumer-b', ['topic1', 'topic2'], 'instance1'), sub('consumer-a', ['topic1', 'topic2'], 'instance2')];
    expect(range(members, { topic1: 3, topic2: 3 })).toEqual({
      'consumer-b': ['topic1-0', 'topic1-1', 'topic2-0', 'topic2-1'],
      'consumer-a': ['topic1-2', 'topic2-2'],
    });
  });

  it('testOneStaticConsumerAndOneDynamicConsumerTwoTopicsSixPartitions: static members come first', () => {
    const members = [sub('consumer-b', ['topic1', 'topic2'], 'instance1'), sub('consumer-a', ['topic1', 'topic2'])];
    expect(range(members, { topic1: 3, topic2: 3 })).toEqual({
      'consumer-b': ['topic1-0', 'topic1-1', 'topic2-0', 'topic2-1'],
      'consumer-a': ['topic1-2', 'topic2-2'],
    });
  });

  it('testStaticMemberRangeAssignmentPersistent: replacing a dynamic member leaves static ones alone', () => {
    const topics = { topic1: 5, topic2: 4 };
    const statics = [1, 2, 3].map((i) => sub(`consumer${i}`, ['topic1', 'topic2'], `instance${i}`));
    const expected = {
      consumer1: ['topic1-0', 'topic1-1', 'topic2-0'],
      consumer2: ['topic1-2', 'topic2-1'],
      consumer3: ['topic1-3', 'topic2-2'],
    };
    expect(range([...statics, sub('consumer4', ['topic1', 'topic2'])], topics)).toEqual({
      ...expected,
      consumer4: ['topic1-4', 'topic2-3'],
    });
    expect(range([...statics, sub('consumer5', ['topic1', 'topic2'])], topics)).toEqual({
      ...expected,
      consumer5: ['topic1-4', 'topic2-3'],
    });
  });

  it('testStaticMemberRangeAssignmentPersistentAfterMemberIdChanges: assignment follows group.instance.id', () => {
    const topics = { topic1: 5, topic2: 5 };
    const byInstance = (members: GroupMember[]) => {
      const result = range(members, topics);
      return Object.fromEntries(members.map((m) => [m.groupInstanceId, result[m.memberId]]));
    };
    const expected = {
      instance1: ['topic1-0', 'topic1-1', 'topic2-0', 'topic2-1'],
      instance2: ['topic1-2', 'topic1-3', 'topic2-2', 'topic2-3'],
      instance3: ['topic1-4', 'topic2-4'],
    };
    const both = ['topic1', 'topic2'];
    expect(byInstance([sub('consumer1', both, 'instance1'), sub('consumer2', both, 'instance2'), sub('consumer3', both, 'instance3')])).toEqual(expected);
    expect(byInstance([sub('consumer1', both, 'instance1'), sub('consumer5', both, 'instance2'), sub('consumer4', both, 'instance3')])).toEqual(expected);
  });

  it('testRackAwareAssignmentWithUniformSubscription (no racks)', () => {
    const all = ['t1', 't2', 't3'];
    expect(byIndex({ t1: 6, t2: 7, t3: 2 }, [all, all, all])).toEqual([
      't1-0, t1-1, t2-0, t2-1, t2-2, t3-0',
      't1-2, t1-3, t2-3, t2-4, t3-1',
      't1-4, t1-5, t2-5, t2-6',
    ]);
  });

  it('testRackAwareAssignmentWithNonEqualSubscription (no racks)', () => {
    const all = ['t1', 't2', 't3'];
    expect(byIndex({ t1: 6, t2: 7, t3: 2 }, [all, all, ['t1', 't3']])).toEqual([
      't1-0, t1-1, t2-0, t2-1, t2-2, t2-3, t3-0',
      't1-2, t1-3, t2-4, t2-5, t2-6, t3-1',
      't1-4, t1-5',
    ]);
  });

  it('testRackAwareAssignmentWithUniformPartitions (no racks)', () => {
    const all = ['t1', 't2', 't3'];
    expect(byIndex({ t1: 5, t2: 5, t3: 5 }, [all, all, all])).toEqual([
      't1-0, t1-1, t2-0, t2-1, t3-0, t3-1',
      't1-2, t1-3, t2-2, t2-3, t3-2, t3-3',
      't1-4, t2-4, t3-4',
    ]);
  });

  it('testRackAwareAssignmentWithUniformPartitionsNonEqualSubscription (no racks)', () => {
    const all = ['t1', 't2', 't3'];
    expect(byIndex({ t1: 5, t2: 5, t3: 5 }, [all, all, ['t1', 't3']])).toEqual([
      't1-0, t1-1, t2-0, t2-1, t2-2, t3-0, t3-1',
      't1-2, t1-3, t2-3, t2-4, t3-2, t3-3',
      't1-4, t3-4',
    ]);
  });

  it('testRackAwareAssignmentWithCoPartitioning (no racks)', () => {
    const topics = { t1: 6, t2: 6, t3: 2, t4: 2 };
    expect(byIndex(topics, [['t1', 't2'], ['t1', 't2'], ['t3', 't4'], ['t3', 't4']])).toEqual([
      't1-0, t1-1, t1-2, t2-0, t2-1, t2-2',
      't1-3, t1-4, t1-5, t2-3, t2-4, t2-5',
      't3-0, t4-0',
      't3-1, t4-1',
    ]);
    const all = ['t1', 't2', 't3', 't4'];
    expect(byIndex(topics, [all, all, all, all])).toEqual([
      't1-0, t1-1, t2-0, t2-1, t3-0, t4-0',
      't1-2, t1-3, t2-2, t2-3, t3-1, t4-1',
      't1-4, t2-4',
      't1-5, t2-5',
    ]);
  });

  it('testCoPartitionedAssignmentWithSameSubscription (no racks; t7..t9 do not exist)', () => {
    const topics = { t1: 6, t2: 6, t3: 2, t4: 2, t5: 4, t6: 4 };
    const list = ['t1', 't2', 't3', 't4', 't5', 't6', 't7', 't8', 't9'];
    expect(byIndex(topics, [list, list, list])).toEqual([
      't1-0, t1-1, t2-0, t2-1, t3-0, t4-0, t5-0, t5-1, t6-0, t6-1',
      't1-2, t1-3, t2-2, t2-3, t3-1, t4-1, t5-2, t6-2',
      't1-4, t1-5, t2-4, t2-5, t5-3, t6-3',
    ]);
  });
});

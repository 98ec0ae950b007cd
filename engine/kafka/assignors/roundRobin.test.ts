import { describe, expect, it } from 'vitest';
import { assignPartitions, type GroupMember } from './index.ts';

// Expected assignments transcribed from RoundRobinAssignorTest
// (clients/src/test/java/org/apache/kafka/clients/consumer/RoundRobinAssignorTest.java, apache/kafka@1eb7644349cb).
const roundRobin = (members: GroupMember[], topics: Record<string, number>) => assignPartitions('roundrobin', members, topics);
const sub = (memberId: string, topics: string[], groupInstanceId?: string): GroupMember =>
  groupInstanceId === undefined ? { memberId, topics } : { memberId, topics, groupInstanceId };
const both = ['topic1', 'topic2'];

describe('RoundRobinAssignor, as RoundRobinAssignorTest expects', () => {
  it('testOneConsumerNoTopic', () => {
    expect(roundRobin([sub('consumer', [])], {})).toEqual({ consumer: [] });
  });

  it('testOneConsumerNonexistentTopic', () => {
    expect(roundRobin([sub('consumer', ['topic'])], {})).toEqual({ consumer: [] });
  });

  it('testOneConsumerOneTopic', () => {
    expect(roundRobin([sub('consumer', ['topic'])], { topic: 3 })).toEqual({ consumer: ['topic-0', 'topic-1', 'topic-2'] });
  });

  it('testOnlyAssignsPartitionsFromSubscribedTopics', () => {
    expect(roundRobin([sub('consumer', ['topic'])], { topic: 3, other: 3 })).toEqual({
      consumer: ['topic-0', 'topic-1', 'topic-2'],
    });
  });

  it('testOneConsumerMultipleTopics', () => {
    expect(roundRobin([sub('consumer', both)], { topic1: 1, topic2: 2 })).toEqual({
      consumer: ['topic1-0', 'topic2-0', 'topic2-1'],
    });
  });

  it('testTwoConsumersOneTopicOnePartition', () => {
    expect(roundRobin([sub('consumer1', ['topic']), sub('consumer2', ['topic'])], { topic: 1 })).toEqual({
      consumer1: ['topic-0'],
      consumer2: [],
    });
  });

  it('testTwoConsumersOneTopicTwoPartitions', () => {
    expect(roundRobin([sub('consumer1', ['topic']), sub('consumer2', ['topic'])], { topic: 2 })).toEqual({
      consumer1: ['topic-0'],
      consumer2: ['topic-1'],
    });
  });

  it('testMultipleConsumersMixedTopics', () => {
    const members = [sub('consumer1', ['topic1']), sub('consumer2', both), sub('consumer3', ['topic1'])];
    expect(roundRobin(members, { topic1: 3, topic2: 2 })).toEqual({
      consumer1: ['topic1-0'],
      consumer2: ['topic1-1', 'topic2-0', 'topic2-1'],
      consumer3: ['topic1-2'],
    });
  });

  it('testTwoDynamicConsumersTwoTopicsSixPartitions', () => {
    expect(roundRobin([sub('consumer1', both), sub('consumer2', both)], { topic1: 3, topic2: 3 })).toEqual({
      consumer1: ['topic1-0', 'topic1-2', 'topic2-1'],
      consumer2: ['topic1-1', 'topic2-0', 'topic2-2'],
    });
  });

  it('testTwoStaticConsumersTwoTopicsSixPartitions: static members sort by instance id', () => {
    const members = [sub('consumer-b', both, 'instance1'), sub('consumer-a', both, 'instance2')];
    expect(roundRobin(members, { topic1: 3, topic2: 3 })).toEqual({
      'consumer-b': ['topic1-0', 'topic1-2', 'topic2-1'],
      'consumer-a': ['topic1-1', 'topic2-0', 'topic2-2'],
    });
  });

  it('testOneStaticConsumerAndOneDynamicConsumerTwoTopicsSixPartitions: static members come first', () => {
    const members = [sub('consumer-b', both, 'instance1'), sub('consumer-a', both)];
    expect(roundRobin(members, { topic1: 3, topic2: 3 })).toEqual({
      'consumer-b': ['topic1-0', 'topic1-2', 'topic2-1'],
      'consumer-a': ['topic1-1', 'topic2-0', 'topic2-2'],
    });
  });

  it('testStaticMemberRoundRobinAssignmentPersistent', () => {
    const topics = { topic1: 3, topic2: 3 };
    const statics = [1, 2, 3].map((i) => sub(`consumer${i}`, both, `instance${i}`));
    const expected = { consumer1: ['topic1-0', 'topic2-1'], consumer2: ['topic1-1', 'topic2-2'], consumer3: ['topic1-2'] };
    expect(roundRobin([...statics, sub('consumer4', both)], topics)).toEqual({ ...expected, consumer4: ['topic2-0'] });
    expect(roundRobin([...statics, sub('consumer5', both)], topics)).toEqual({ ...expected, consumer5: ['topic2-0'] });
  });

  it('testStaticMemberRoundRobinAssignmentPersistentAfterMemberIdChanges', () => {
    const topics = { topic1: 5, topic2: 5 };
    const byInstance = (members: GroupMember[]) => {
      const result = roundRobin(members, topics);
      return Object.fromEntries(members.map((m) => [m.groupInstanceId, result[m.memberId]]));
    };
    const expected = {
      instance1: ['topic1-0', 'topic1-3', 'topic2-1', 'topic2-4'],
      instance2: ['topic1-1', 'topic1-4', 'topic2-2'],
      instance3: ['topic1-2', 'topic2-0', 'topic2-3'],
    };
    expect(byInstance([sub('consumer1', both, 'instance1'), sub('consumer2', both, 'instance2'), sub('consumer3', both, 'instance3')])).toEqual(expected);
    expect(byInstance([sub('consumer1', both, 'instance1'), sub('consumer5', both, 'instance2'), sub('consumer4', both, 'instance3')])).toEqual(expected);
  });
});

describe('RoundRobinAssignor beyond Kafka tests', () => {
  it('skips members not subscribed to a topic without losing their turn order', () => {
    const members = [sub('a', ['x']), sub('b', ['x', 'y']), sub('c', ['y'])];
    expect(roundRobin(members, { x: 2, y: 3 })).toEqual({ a: ['x-0'], b: ['x-1', 'y-1'], c: ['y-0', 'y-2'] });
  });
});

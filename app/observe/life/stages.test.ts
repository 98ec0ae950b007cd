import { describe, expect, it } from 'vitest';
import type { MessageLife } from '../../../engine/index.ts';
import { lifeStages, lifeSummary, stageName } from './stages.ts';
import { warp, warpTicks } from './warp.ts';

const base: MessageLife = {
  id: 3008, key: 'customer-207', type: 'OrderCreatedEvent', partition: 'orders-topic-3', offset: null, correlation: 10, causation: 10,
  causedByMessage: false, producedAt: 10_000_000, replicatedAt: [], deliveredAt: [], processedAt: [], committedAt: [], lost: false,
  failed: false, traceIncomplete: false,
};

describe('life stages', () => {
  it('put the stages in time order and tell a lost acks=1 write as it happened', () => {
    const lost: MessageLife = {
      ...base, lost: true, producer: 'Orders', sentAt: 10_005_000, appendedAt: 10_006_000, leader: 'Kafka/1', acknowledgedAt: 10_007_000,
      formerOffset: 527, droppedAt: { broker: 'Kafka/1', at: 40_983_556, offset: 527 },
    };
    expect(lifeStages(lost).map((s) => `${s.kind}@${s.where}`)).toEqual(['produced@Orders', 'sent@Orders', 'appended@Kafka/1', 'acknowledged@Orders', 'dropped@Kafka/1']);
    expect(lifeSummary(lost)).toBe(
      'Kafka/1 acknowledged it 7.0 ms after it was produced, with no follower holding a copy. The new leader never had it, and Kafka/1 dropped it at 40.984 s when it followed that leader: lost.',
    );
  });

  it('say how often a duplicated message was processed, and when a healthy one was', () => {
    const dup: MessageLife = {
      ...base, offset: 4, appendedAt: 10_001_000,
      processedAt: [{ group: 'Billing', at: 10_010_000, node: 'Billing' }, { group: 'Billing', at: 15_000_000, node: 'Billing' }, { group: 'Mail', at: 10_020_000, node: 'Mail' }],
      deliveredAt: [{ group: 'Billing', at: 10_008_000 }],
    };
    expect(lifeStages(dup).map((s) => s.kind)).toEqual(['produced', 'appended', 'delivered', 'processed', 'processed', 'processed']);
    expect(lifeSummary(dup)).toBe('Processed 2 times by Billing: the side effects happened more than once.');
    expect(lifeSummary({ ...dup, processedAt: dup.processedAt.slice(2) })).toBe('Processed by Mail; the last 20.0 ms after it was produced.');
    expect(lifeSummary({ ...base, failed: true })).toMatch(/gave up/);
    expect(lifeSummary({ ...base, offset: 3, appendedAt: 10_001_000, committedAt: [{ group: 'Mail', at: 15_000_000 }] })).toMatch(/^Never processed by Mail: the committed position is already past it/);
  });
});

describe('warp', () => {
  it('spaces decades evenly and stays within the span', () => {
    const span = 10_000_000;
    const a = warp(1000, span), b = warp(10_000, span), c = warp(100_000, span);
    expect(b - a).toBeGreaterThan(0);
    expect(warp(0, span)).toBe(0);
    expect(warp(span, span)).toBe(1);
    expect(warp(span * 2, span)).toBe(1);
    expect(c - b).toBeCloseTo(b - a, 1);
    expect(warpTicks(span).map((t) => t.label)).toEqual(['1 ms', '10 ms', '100 ms', '1 s', '10 s']);
  });
});

describe('a RabbitMQ message', () => {
  const amqp = (over: Partial<NonNullable<MessageLife['amqp']>> = {}): MessageLife['amqp'] => ({
    exchange: { name: '', node: '' }, queue: { name: 'work', node: 'Work' }, requeuedAt: [], ...over,
  });
  const job: MessageLife = { ...base, key: null, type: 'JobCreated', partition: 'work', producer: 'Orders', sentAt: 10_000_000, appendedAt: 10_001_000, leader: 'work' };

  it('has its returns and its dead-lettering as stages, and says them in RabbitMQ words', () => {
    const dead: MessageLife = {
      ...job,
      deliveredAt: [{ group: 'work', at: 10_002_000, node: 'Worker' }, { group: 'work', at: 10_006_000, node: 'Worker' }],
      amqp: amqp({ requeuedAt: [{ at: 10_005_000, consumer: 'Worker' }, { at: 10_009_000, consumer: 'Worker' }], deadLetteredAt: { at: 10_009_000, reason: 'delivery_limit', as: 3 } }),
    };
    expect(lifeStages(dead).map((s) => s.kind)).toEqual(['produced', 'sent', 'appended', 'delivered', 'requeued', 'delivered', 'requeued', 'dead-lettered']);
    expect(lifeStages(dead).map((s) => stageName(s.kind, true))).toContain('queued');
    expect(stageName('appended', false)).toBe('appended');
    expect(lifeSummary(dead)).toBe('Delivered twice, back in the queue twice; then it left queue work past its delivery limit: dead-lettered as #3, 9.0 ms after it was produced.');
  });

  it('tells where a dead-lettered copy came from, and what an unroutable or expired one met', () => {
    const copy: MessageLife = {
      ...job, partition: 'parked', sentAt: undefined, producer: undefined, causedByMessage: true, causation: 2,
      processedAt: [{ group: 'parked', at: 10_004_000, node: 'Janitor' }], committedAt: [{ group: 'parked', at: 10_004_000 }],
      amqp: amqp({ exchange: { name: 'dead', node: 'DLX' }, queue: { name: 'parked', node: 'Parked' }, deadFrom: { queue: { name: 'work', node: 'Work' }, reason: 'rejected' } }),
    };
    expect(lifeSummary(copy)).toBe('Dead-lettered from queue work (rejected) through exchange dead into queue parked. Processed by Janitor, and acked; 4.0 ms after it was produced.');
    const nowhere: MessageLife = { ...job, lost: true, amqp: amqp({ exchange: { name: 'orders', node: 'Ex' }, queue: null, unroutableAt: { at: 10_001_000, returned: false } }) };
    expect(lifeSummary(nowhere)).toBe('Exchange orders had no binding that matched it: dropped, though its publisher counted it sent: lost.');
    expect(lifeStages(nowhere).map((s) => s.kind)).toContain('unroutable');
    const expired: MessageLife = { ...job, amqp: amqp({ deadLetteredAt: { at: 10_030_000, reason: 'expired', as: 0 } }) };
    expect(lifeSummary(expired)).toBe('It left queue work expired (its TTL ran out): no dead-letter exchange to go to, so it was dropped.');
  });
});

import { describe, expect, it } from 'vitest';
import type { MessageLife } from '../../../engine/index.ts';
import { layoutSpacetime } from './spacetime.ts';

const life = (over: Partial<MessageLife>): MessageLife => ({
  id: 1, key: 'customer-7', type: 'OrderCreated', partition: 'orders-1', offset: 64, correlation: 9, causation: 9, causedByMessage: false,
  producedAt: 1_000, replicatedAt: [], deliveredAt: [], processedAt: [], committedAt: [], lost: false, failed: false, traceIncomplete: false, ...over,
});

const healthy = life({
  origin: { node: 'Client', request: 9, startAt: 0, endAt: 9_000, ok: true },
  producer: 'Orders', sentAt: 2_000, leader: 'Kafka/2', appendedAt: 3_000, acknowledgedAt: 6_000,
  replicatedAt: [{ broker: 'Kafka/3', at: 5_000 }, { broker: 'Kafka/1', at: 5_500 }],
  deliveredAt: [{ group: 'Billing', at: 7_000, node: 'Billing' }],
  processedAt: [{ group: 'Billing', at: 8_000, node: 'Billing' }],
  committedAt: [{ group: 'Billing', at: 20_000, node: 'Billing' }],
});

describe('spacetime layout', () => {
  it('orders lanes client, producer, brokers by number, consumers, and draws every hop of a message', () => {
    const s = layoutSpacetime([healthy]);
    expect(s.lanes.map((l) => l.host)).toEqual(['Client', 'Orders', 'Kafka/1', 'Kafka/2', 'Kafka/3', 'Billing']);
    const hops = s.hops.map((h) => `${h.kind} ${s.lanes[h.from]!.host}→${s.lanes[h.to]!.host} ${h.t0}-${h.t1}`);
    expect(hops).toEqual([
      'request Client→Orders 0-1000',
      'produce Orders→Kafka/2 2000-3000',
      'replicate Kafka/2→Kafka/3 3000-5000',
      'replicate Kafka/2→Kafka/1 3000-5500',
      'ack Kafka/2→Orders 5500-6000', // acks=all: it leaves when the last follower had it
      'response Orders→Client 6000-9000',
      'deliver Kafka/2→Billing 5500-7000',
    ]);
    expect(s.spans).toEqual([{ message: 1, kind: 'processing', lane: 5, t0: 7_000, t1: 8_000, group: 'Billing' }]);
    expect(s.marks.map((m) => m.kind)).toEqual(['produced', 'processed', 'committed']);
    expect(s.times[0]).toBe(0);
    expect(s.times.at(-1)).toBe(20_000);
  });

  it('marks where a lost message was dropped, and links a reaction to the processing that caused it', () => {
    const lost = life({ id: 2, producer: 'Orders', leader: 'Kafka/1', appendedAt: 2_000, acknowledgedAt: 3_000, lost: true, droppedAt: { broker: 'Kafka/1', at: 40_000, offset: 5 } });
    const reaction = life({ id: 3, causedByMessage: true, causation: 1, producedAt: 8_500, producer: 'Billing', leader: 'Kafka/3', appendedAt: 9_500 });
    const s = layoutSpacetime([healthy, lost, reaction], ['Kafka/1', 'Kafka/2', 'Kafka/3', 'Kafka/4']);
    expect(s.lanes.map((l) => l.host)).toEqual(['Client', 'Orders', 'Kafka/1', 'Kafka/2', 'Kafka/3', 'Kafka/4', 'Billing']);
    expect(layoutSpacetime([], ['Kafka/1']).lanes).toEqual([]);
    expect(s.lanes.find((l) => l.host === 'Billing')!.role).toBe('consumer'); // it consumes, then publishes in reaction
    expect(s.marks.filter((m) => m.message === 2).map((m) => m.kind)).toEqual(['produced', 'dropped']);
    // The only copy sat on Kafka/1 from its append until Kafka/1 dropped it.
    expect(s.spans.filter((x) => x.message === 2)).toEqual([{ message: 2, kind: 'held', lane: 2, t0: 2_000, t1: 40_000, group: 'Kafka/1' }]);
    const caused = s.hops.find((h) => h.kind === 'caused')!;
    expect([s.lanes[caused.from]!.host, caused.t0, s.lanes[caused.to]!.host, caused.t1]).toEqual(['Billing', 8_000, 'Billing', 8_500]);
  });
});

describe('spacetime layout of a RabbitMQ story', () => {
  const amqp = (over: Partial<NonNullable<MessageLife['amqp']>>): MessageLife['amqp'] => ({ exchange: { name: '', node: '' }, queue: { name: 'work', node: 'Work' }, requeuedAt: [], ...over });
  // Published to the default exchange into work, delivered twice and returned twice, then dead-lettered through
  // exchange dead into parked, where its copy is delivered and acked.
  const dead = life({
    id: 5, key: null, partition: 'work', offset: null, producer: 'Orders', sentAt: 1_000, appendedAt: 2_000, acknowledgedAt: 2_500,
    deliveredAt: [{ group: 'work', at: 3_000, node: 'Worker' }, { group: 'work', at: 6_000, node: 'Worker' }],
    amqp: amqp({ requeuedAt: [{ at: 5_000, consumer: 'Worker' }, { at: 8_000, consumer: 'Worker' }], deadLetteredAt: { at: 8_000, reason: 'delivery_limit', as: 9 } }),
  });
  const copy = life({
    id: 9, key: null, partition: 'parked', offset: null, causedByMessage: true, causation: 5, producedAt: 8_000, appendedAt: 8_000,
    deliveredAt: [{ group: 'parked', at: 9_000, node: 'Janitor' }], processedAt: [{ group: 'parked', at: 9_500, node: 'Janitor' }], committedAt: [{ group: 'parked', at: 9_600, node: 'Janitor' }],
    amqp: amqp({ exchange: { name: 'dead', node: 'DLX' }, queue: { name: 'parked', node: 'Parked' }, deadFrom: { queue: { name: 'work', node: 'Work' }, reason: 'delivery_limit' } }),
  });

  it('has a lane per exchange and queue in the order the story meets them, and follows the message through each', () => {
    const s = layoutSpacetime([dead, copy]);
    expect(s.lanes.map((l) => `${l.role} ${l.host}`)).toEqual(['producer Orders', 'exchange default exchange', 'queue queue work', 'exchange exchange dead', 'queue queue parked', 'consumer Worker', 'consumer Janitor']);
    const hops = s.hops.map((h) => `${h.message} ${h.kind} ${s.lanes[h.from]!.host}→${s.lanes[h.to]!.host} ${h.t0}-${h.t1}`);
    expect(hops).toEqual([
      '5 produce Orders→default exchange 1000-2000',
      '5 route default exchange→queue work 2000-2000',
      '5 ack queue work→Orders 2000-2500',
      '5 deliver queue work→Worker 2000-3000',
      '5 deliver queue work→Worker 5000-6000', // from when it came back
      '9 dead-letter queue work→exchange dead 8000-8000',
      '9 route exchange dead→queue parked 8000-8000',
      '9 deliver queue parked→Janitor 8000-9000',
    ]);
    expect(s.marks.filter((m) => m.message === 5).map((m) => m.kind)).toEqual(['produced', 'requeued', 'requeued', 'dead-lettered']);
    // A dead-lettered copy is not a reaction: no 'caused' hop from the processing of its original.
    expect(s.hops.some((h) => h.kind === 'caused')).toBe(false);
  });
});

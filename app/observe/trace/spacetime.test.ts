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

/**
 * Partitions added during a run (kafka-topics.sh --alter --partitions; semantics S9, C16): a fault-like command in
 * the text and the CLI; producers write to the new partitions after their metadata refresh and keyed records move;
 * the group rebalances and fetches them; with auto.offset.reset=latest what was written to them before the group
 * took a position there is skipped, and the missed-records checker names each one.
 */
import { describe, expect, it } from 'vitest';
import { formatFault, parseFault } from '../faults/parse.ts';
import { keyOf, producedAtOf } from '../history/messages.ts';
import { placeName } from '../messaging/state.ts';
import { TestSim } from '../testing/testSim.ts';

const text = (billing = '') => `graph LR
  Orders[Order Service] -->|OrderCreated| K[Kafka Broker: orders-topic]
  K -->|subscribe| Billing[Billing Service]
  %% @config orders-topic partitions=3 replication.factor=3
  %% @config Orders rate=100/s key=customerId keys=50 metadata.max.age.ms=5000
  %% @config Billing metadata.max.age.ms=8000 ${billing}
`;

const grown = (billing = '') => {
  const s = TestSim.of(text(billing), { seed: 1 }).until('10s');
  s.fault('add-partitions orders-topic 6');
  return s.until('40s');
};

describe('adding partitions during a run', () => {
  it('is a fault line, and Kafka only adds partitions', () => {
    const f = parseFault('10s add-partitions orders-topic 6');
    expect(f).toEqual({ at: 10_000_000, action: 'add-partitions', topic: 'orders-topic', count: 6 });
    expect(formatFault(f as Exclude<typeof f, string>)).toBe('10s add-partitions orders-topic 6');
    expect(parseFault('10s add-partitions orders-topic six')).toBe("add-partitions takes the topic's new number of partitions, not 'six'");
    const s = TestSim.of(text(), { seed: 1 }).until('2s');
    expect(() => s.fault('add-partitions orders-topic 2')).toThrow('orders-topic already has 3 partitions; Kafka can only add partitions');
    expect(() => s.fault('add-partitions payments 6')).toThrow('no Kafka topic named payments');
  });

  it('producers write to the new partitions from then on, and keyed records move (S9)', () => {
    const s = grown();
    expect(s.topic('orders-topic').partitions).toHaveLength(6);
    const m = s.w.messages;
    const before = new Map<number, number>();
    const after = new Map<number, number>();
    for (let p = 0; p < 6; p++) {
      for (const id of s.logIds('orders-topic', p)) {
        if (p >= 3) expect(producedAtOf(m, id)).toBeGreaterThanOrEqual(10_000_000);
        (producedAtOf(m, id) < 10_000_000 ? before : after).set(keyOf(m, id), p);
      }
      if (p >= 3) expect(s.logIds('orders-topic', p).length).toBeGreaterThan(300);
    }
    // Some customers' records now go to another partition than before: their order across the change is not kept.
    const moved = [...after].filter(([key, p]) => before.has(key) && before.get(key) !== p);
    expect(moved.length).toBeGreaterThan(10);
  });

  it('the group rebalances, fetches the new partitions, and with latest skips what came before it got there (C16)', () => {
    const s = grown();
    const g = s.group('Billing');
    const added = s.topic('orders-topic').partitions.slice(3);
    for (const pid of added) expect(g.committed.get(pid) ?? 0).toBeGreaterThan(100);
    const h = s.sim.history();
    expect(h.lost.count).toBe(0);
    expect(h.missed.count).toBeGreaterThan(20);
    expect(h.missed.examples.every((x) => x.why === 'added' && x.group === 'Billing')).toBe(true);
    // Each one was written to a new partition after it was added, and the group never processed it.
    const processed = new Set(s.processedBy('Billing'));
    for (const x of h.missed.examples) {
      expect(producedAtOf(s.w.messages, x.message)).toBeGreaterThanOrEqual(10_000_000);
      expect(processed.has(x.message)).toBe(false);
    }
  });

  it('with auto.offset.reset=earliest the group reads the new partitions from their start: nothing missed', () => {
    const s = grown('auto.offset.reset=earliest');
    const h = s.sim.history();
    expect(h.missed.count).toBe(0);
    const processed = new Set(s.processedBy('Billing'));
    for (let p = 3; p < 6; p++) expect(processed.has(s.logIds('orders-topic', p)[0]!)).toBe(true);
  });

  it('names the new partitions as Kafka does, and says plainly when a design with other places cannot grow a topic', () => {
    const s = grown();
    expect(placeName(s.w.msg, s.sim.history().missed.examples[0]!.partition)).toMatch(/^orders-topic-[345]$/);
    const mixed = TestSim.of(`${text()}  Billing -->|INSERT payment| BDB[(Billing DB)]\n`, { seed: 1 }).until('2s');
    expect(() => mixed.fault('add-partitions orders-topic 6')).toThrow(
      'adding partitions during a run works only in designs where Kafka holds every message; this one also holds them in BDB (a limit of EventLab, not of Kafka)',
    );
  });

  it('clients see the new partitions only at their next metadata refresh: by default (5 minutes) not within the run', () => {
    const slow = TestSim.of(text().replace(/ metadata\.max\.age\.ms=\d+/g, ''), { seed: 1 }).until('10s');
    slow.fault('add-partitions orders-topic 6').until('40s');
    for (let p = 3; p < 6; p++) expect(slow.logIds('orders-topic', p)).toEqual([]);
    const g = slow.group('Billing');
    for (const pid of slow.topic('orders-topic').partitions.slice(3)) expect(g.committed.get(pid)).toBeUndefined();
  });
});

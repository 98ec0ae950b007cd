/**
 * Order: total within a partition, none across partitions; a key keeps its order because it keeps its partition,
 * until partitions are added (semantics C19, S9).
 */
import { describe, expect, it } from 'vitest';
import { TestSim } from '../testing/testSim.ts';
import { addPartitions } from './admin.ts';
import { partitionForKey } from './partitioner.ts';
import { keyOf, partitionOf } from '../history/messages.ts';
import { keyText } from '../history/keys.ts';

const topology = (partitions: number, key: string, consumers = 3, producer = '') => `graph LR
  Orders[Order Service] -->|publish| K[Kafka: orders]
  K -->|subscribe| Billing[Billing Service]
  %% @config orders partitions=${partitions}
  %% @config Orders rate=400/s key=${key} keys=40 ${producer}
  %% @config Billing instances=${consumers} processing=exp(2ms) auto.offset.reset=earliest
`;

describe('ordering', () => {
  it('C19: a consumer reads each partition in the order it was written, and every key stays in one partition', () => {
    const sim = TestSim.of(topology(6, 'customerId'), { seed: 11 }).advance('20s');
    const h = sim.history();
    expect(sim.metrics().processed).toBeGreaterThan(5000);
    expect(h.reordered.count).toBe(0);
    // Records land where Kafka's partitioner puts them.
    const w = sim.w;
    for (const pid of sim.topic('orders').partitions) {
      for (const id of sim.logIds('orders', w.parts.kafka.partitions[pid]!.index).slice(0, 50)) {
        expect(partitionForKey(keyText(w.keys, keyOf(w.messages, id))!, 6)).toBe(w.parts.kafka.partitions[pid]!.index);
      }
    }
    // Each partition's records were processed in offset order.
    const order = new Map<number, number>();
    for (const e of sim.traced(7 /* process */)) {
      expect(e.b).toBeGreaterThan(order.get(e.part) ?? -1);
      order.set(e.part, e.b);
    }
  });

  it('C19: without a key, records spread over the partitions (sticky partitioning moves on after each batch)', () => {
    const sim = TestSim.of(topology(6, 'none'), { seed: 11 }).advance('15s');
    const parts = new Set(sim.w.parts.kafka.partitions.filter((p) => p.log.endOffset > 0).map((p) => p.id));
    expect(parts.size).toBeGreaterThan(1);
  });

  it('partitioner.ignore.keys: keyed records spread like keyless ones, so parallel consumers break per-key order', () => {
    const sim = TestSim.of(`${topology(6, 'customerId')}  %% @config Orders partitioner.ignore.keys=true\n`, { seed: 11 }).advance('20s');
    const w = sim.w;
    const partitionsOfKey = new Map<number, Set<number>>();
    for (let id = 1; id < w.messages.count; id++) {
      const key = keyOf(w.messages, id);
      partitionsOfKey.set(key, (partitionsOfKey.get(key) ?? new Set()).add(partitionOf(w.messages, id)));
    }
    expect(keyText(w.keys, keyOf(w.messages, 1))).toMatch(/^customer-\d+$/); // the records keep their keys
    expect([...partitionsOfKey.values()].every((s) => s.size > 1)).toBe(true);
    expect(sim.history().reordered.count).toBeGreaterThan(0);
  });

  it('S9: adding partitions moves keys for new records only; old records stay, so a key can span two partitions', () => {
    // The producer sees the new partitions at its next metadata refresh (every 5 s here).
    const sim = TestSim.of(topology(3, 'customerId', 1, 'metadata.max.age.ms=5000'), { seed: 12 }).advance('10s');
    const w = sim.w;
    const before = new Map<number, number>();
    for (let id = 1; id < w.messages.count; id++) before.set(keyOf(w.messages, id), w.parts.kafka.partitions[partitionOf(w.messages, id)]!.index);
    const logsBefore = sim.topic('orders').partitions.map((pid) => w.parts.kafka.partitions[pid]!.log.endOffset);
    expect(addPartitions(w, 'orders', 6)).toBeNull();
    sim.advance('10s');
    // Existing data did not move.
    sim.topic('orders').partitions.slice(0, 3).forEach((pid, i) => expect(w.parts.kafka.partitions[pid]!.log.endOffset).toBeGreaterThanOrEqual(logsBefore[i]!));
    // Some keys now write to a different partition than before.
    let moved = 0;
    for (const [key, oldIndex] of before) {
      const now = partitionForKey(keyText(w.keys, key)!, 6);
      if (now !== oldIndex) moved++;
      expect(partitionForKey(keyText(w.keys, key)!, 3)).toBe(oldIndex);
    }
    expect(moved).toBeGreaterThan(0);
    expect(sim.w.parts.kafka.partitions.filter((p) => p.topic === sim.w.parts.kafka.topics.indexOf(sim.topic('orders')) && p.index >= 3).some((p) => p.log.endOffset > 0)).toBe(true);
  });
});

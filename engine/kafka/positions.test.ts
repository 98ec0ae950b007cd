import { describe, expect, it } from 'vitest';
import { createSimulation, parseTopology } from '../index.ts';
import { report } from '../metrics/report.ts';
import { partitionLag } from './positions.ts';

const text = `graph LR
  Orders[Order Service] -->|OrderPlaced| Kafka[Kafka: orders]
  Kafka -->|subscribe| Billing[Billing Service]
  %% @config Orders rate=100/s key=customerId
  %% @config orders partitions=3
`;

describe('lag of a group', () => {
  it('counts what came since the group started reading when it crashed before its first commit, not 0', () => {
    // Billing starts reading at about 3.5 s (after the group's initial rebalance delay) and crashes at 4.5 s, before
    // its first auto-commit (5 s after joining), for good: everything since it started is behind, and stays so.
    const sim = createSimulation(parseTopology(text).topology, { seed: 1, faults: ['4500ms crash Billing'] });
    sim.run(10_000_000);
    const k = sim.world.parts.kafka;
    const g = k.groups[0]!;
    const rows = k.topics[0]!.partitions.map((pid) => ({ pid, ...partitionLag(sim.world, g.id, pid) }));
    expect(rows.every((r) => r.committed === -1)).toBe(true);
    for (const r of rows) expect(r.lag).toBe(r.hw - g.since.get(r.pid)!.offset);
    const total = rows.reduce((s, r) => s + r.lag, 0);
    expect(total).toBeGreaterThan(500); // about 6.5 s of 100 orders a second
    expect(report(sim.world).lag).toEqual({ Billing: total });
  });

  it('is 0 for a group that has not started reading: there is no position to measure from', () => {
    const sim = createSimulation(parseTopology(text.replace('key=customerId', 'key=customerId\n  %% @config Billing start=30s')).topology, { seed: 1 });
    sim.run(10_000_000);
    const k = sim.world.parts.kafka;
    expect(k.topics[0]!.partitions.map((pid) => partitionLag(sim.world, k.groups[0]!.id, pid).lag)).toEqual([0, 0, 0]);
  });

  it('counts from where the group started reading before its first commit', () => {
    // At 4.5 s Billing has read since it joined (after the group's 3 s initial rebalance delay), and auto-commit (every
    // 5 s) has not committed yet.
    const sim = createSimulation(parseTopology(text).topology, { seed: 1 });
    sim.run(4_500_000);
    const k = sim.world.parts.kafka;
    const g = k.groups[0]!;
    for (const pid of k.topics[0]!.partitions) {
      const r = partitionLag(sim.world, g.id, pid);
      expect(r.committed).toBe(-1);
      expect(r.lag).toBe(r.hw - g.since.get(pid)!.offset);
    }
  });

  it('is the high watermark minus the committed offset once the group has committed', () => {
    const sim = createSimulation(parseTopology(text).topology, { seed: 1 });
    sim.run(12_000_000);
    const k = sim.world.parts.kafka;
    for (const pid of k.topics[0]!.partitions) {
      const r = partitionLag(sim.world, k.groups[0]!.id, pid);
      expect(r.committed).toBeGreaterThan(0);
      expect(r.lag).toBe(r.hw - r.committed);
    }
  });
});

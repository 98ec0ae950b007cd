/**
 * Consumer group failures (semantics C2, C3, C6).
 */
import { T } from '../history/kinds.ts';
import { describe, expect, it } from 'vitest';
import { TestSim } from '../testing/testSim.ts';

import { UNKNOWN_MEMBER_ID, ILLEGAL_GENERATION } from './errors.ts';

const topology = (consumer: string) => `graph LR
  Orders[Order Service] -->|publish| Kafka[Kafka: orders]
  Kafka -->|subscribe| Billing[Billing Service]
  %% @config orders partitions=4
  %% @config Orders rate=200/s key=customerId keys=100
  %% @config Billing instances=2 processing=1ms auto.offset.reset=earliest ${consumer}
`;

/** Partitions whose processing paused for longer than `gapUs` after `from`, with the longest pause. */
function pauses(sim: TestSim, from: number, gapUs: number) {
  const last = new Map<number, number>();
  const longest = new Map<number, number>();
  for (const e of sim.traced(T.process)) {
    if (e.time < from) continue;
    const prev = last.get(e.part) ?? from;
    longest.set(e.part, Math.max(longest.get(e.part) ?? 0, e.time - prev));
    last.set(e.part, e.time);
  }
  return [...longest].filter(([, g]) => g > gapUs);
}

describe('consumer group failures', () => {
  it('C2: a crashed member\\u2019s partitions stall until session.timeout.ms (45 s), then move to the others', () => {
    const sim = TestSim.of(topology(''), { seed: 1 }).advance('10s');
    const crashedAt = sim.w.now;
    const owned = sim.w.parts.kafka.consumers[1]!.assigned.length;
    sim.crash('Billing/2').advance('60s');
    const stalled = pauses(sim, crashedAt, 30_000_000);
    expect(stalled).toHaveLength(owned);
    for (const [, gap] of stalled) {
      expect(gap).toBeGreaterThan(40_000_000);
      expect(gap).toBeLessThan(50_000_000);
    }
    expect(sim.w.parts.kafka.consumers[0]!.assigned).toHaveLength(4);
  });

  it('C3: a member that takes longer than max.poll.interval.ms leaves the group; its commit fails and its records are redelivered', () => {
    const sim = TestSim.of(topology('max.poll.interval.ms=10s max.poll.records=3 commit=after'), { seed: 2 }).advance('10s');
    // For a moment member 2 takes 12 s a record: the poll it is working on outlasts max.poll.interval.ms.
    sim.fault('slow Billing/2 12s').advance('1s').fault('slow Billing/2 0ms').advance('60s');
    const errors = sim.traced(T.error).filter((e) => e.a === UNKNOWN_MEMBER_ID || e.a === ILLEGAL_GENERATION);
    expect(errors.length).toBeGreaterThan(0); // CommitFailedException
    expect(sim.history().duplicated.count).toBeGreaterThan(0);
    expect(sim.history().lost.count).toBe(0);
  });

  it('C3 static: past max.poll.interval.ms a static member sends no LeaveGroup; it rejoins within session.timeout.ms and nobody rebalances', () => {
    const run = (consumer: string) => {
      const sim = TestSim.of(topology(`max.poll.interval.ms=10s max.poll.records=3 session.timeout.ms=60s ${consumer}`), { seed: 2 }).advance('10s');
      const generation = sim.group('Billing').generation;
      const owned = sim.w.parts.kafka.consumers[1]!.assigned.slice();
      sim.fault('slow Billing/2 12s').advance('1s').fault('slow Billing/2 0ms').advance('60s');
      return { generations: sim.group('Billing').generation - generation, owned, now: sim.w.parts.kafka.consumers[1]!.assigned };
    };
    const dynamic = run('');
    expect(dynamic.generations).toBeGreaterThan(0); // it left at once, and joined again later: two rebalances
    const fixed = run('group.instance.id=billing');
    expect(fixed.generations).toBe(0);
    expect(fixed.now).toEqual(fixed.owned);
  });

  it('C6: a static member that restarts within session.timeout.ms gets its partitions back without a rebalance', () => {
    const sim = TestSim.of(topology('group.instance.id=billing'), { seed: 3 }).advance('10s');
    const g = sim.group('Billing');
    const generation = g.generation;
    const before = sim.w.parts.kafka.consumers[1]!.assigned.slice();
    sim.crash('Billing/2').advance('10s').restart('Billing/2').advance('5s');
    expect(g.generation).toBe(generation);
    expect(sim.w.parts.kafka.consumers[1]!.assigned).toEqual(before);
    expect(sim.w.parts.kafka.consumers[0]!.assigned).toHaveLength(4 - before.length);
  });

  it('C6 counterpart: a dynamic member restarting the same way causes rebalances', () => {
    const sim = TestSim.of(topology(''), { seed: 3 }).advance('10s');
    const generation = sim.group('Billing').generation;
    sim.crash('Billing/2').advance('10s').restart('Billing/2').advance('60s');
    expect(sim.group('Billing').generation).toBeGreaterThan(generation);
  });
});

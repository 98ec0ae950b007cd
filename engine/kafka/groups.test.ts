/**
 * Consumer groups: who reads what, from where, and what a rebalance costs (semantics C4, C5, C7, C12, C13, C17,
 * C18).
 */
import { describe, expect, it } from 'vitest';
import { TestSim } from '../testing/testSim.ts';
import { resetGroupOffsets } from './admin.ts';
import { groupLags } from '../metrics/report.ts';

const topology = (partitions: number, consumer: string, rate = 'rate=0') => `graph LR
  Orders[Order Service] -->|publish| Kafka[Kafka: orders]
  Kafka -->|subscribe| Billing[Billing Service]
  %% @config orders partitions=${partitions}
  %% @config Orders ${rate} key=customerId keys=100
  %% @config Billing processing=1ms ${consumer}
`;

describe('consumer groups', () => {
  it('C7: with more consumers than partitions, the surplus members get nothing and stay idle', () => {
    const sim = TestSim.of(topology(3, 'instances=5', 'rate=200/s'), { seed: 1 }).advance('10s');
    const owned = sim.w.parts.kafka.consumers.map((c) => c.assigned.length);
    expect(owned.reduce((a, b) => a + b, 0)).toBe(3);
    expect(owned.filter((n) => n === 0)).toHaveLength(2);
    expect(owned.filter((n) => n === 1)).toHaveLength(3);
    const idle = sim.w.parts.kafka.consumers.filter((c) => c.assigned.length === 0);
    expect(idle.every((c) => sim.w.parts.apps.readers[c.reader]!.processed === 0)).toBe(true);
    expect(sim.metrics().processed).toBeGreaterThan(0);
  });

  it('C12: a new group with auto.offset.reset=latest skips what the topic already holds', () => {
    const sim = TestSim.of(topology(1, 'auto.offset.reset=latest'), { seed: 1 });
    sim.publish('Orders', 50, 'customer-1');
    sim.advance('10s'); // the group forms at ~3 s, after the 50 records
    const later = sim.publish('Orders', 10, 'customer-1');
    sim.advance('5s');
    expect(sim.processedBy('Billing')).toEqual(later);
  });

  it('C13: a new group with auto.offset.reset=earliest reads the retained log from the beginning', () => {
    const sim = TestSim.of(topology(1, 'auto.offset.reset=earliest'), { seed: 1 });
    const early = sim.publish('Orders', 50, 'customer-1');
    sim.advance('10s');
    const later = sim.publish('Orders', 10, 'customer-1');
    sim.advance('5s');
    expect(sim.processedBy('Billing')).toEqual([...early, ...later]);
  });

  it('a service with a start delay joins later: with earliest it still reads the whole history', () => {
    const sim = TestSim.of(`${topology(2, 'auto.offset.reset=earliest', 'rate=100/s')}
  Kafka -->|subscribe| Audit[Audit Service]
  %% @config Audit start=20s auto.offset.reset=earliest
`, { seed: 3 }).advance('15s');
    expect(sim.processedBy('Audit')).toEqual([]);
    sim.advance('30s');
    const all = sim.processedBy('Audit');
    expect(all.length).toBeGreaterThan(4000);
    expect(new Set(all)).toEqual(new Set(sim.processedBy('Billing')));
  });

  it('C17: resetting an inactive group to earliest replays everything (duplicates, on purpose)', () => {
    const sim = TestSim.of(topology(2, 'auto.offset.reset=earliest'), { seed: 2 });
    const ids = sim.publish('Orders', 40, 'customer-3');
    sim.advance('10s');
    expect(sim.processedBy('Billing')).toEqual(ids);
    sim.crash('Billing');
    expect(resetGroupOffsets(sim.w, 'Billing', 'earliest')).toMatch(/active members/); // its session has not expired
    sim.advance('50s'); // session.timeout.ms (45 s) later the group is empty
    expect(resetGroupOffsets(sim.w, 'Billing', 'earliest')).toBeNull();
    sim.restart('Billing').advance('10s');
    expect(sim.processedBy('Billing')).toEqual([...ids, ...ids]);
    expect(sim.history().duplicated.count).toBe(40);
  });

  it('C17: an active group cannot be reset', () => {
    const sim = TestSim.of(topology(1, ''), { seed: 2 }).advance('5s');
    expect(resetGroupOffsets(sim.w, 'Billing', 'earliest')).toMatch(/active members/);
  });

  it('C18: lag is the log end offset (high watermark) minus the committed offset, per partition', () => {
    const sim = TestSim.of(topology(2, 'auto.offset.reset=earliest processing=200ms max.poll.records=10'), { seed: 4 });
    sim.publish('Orders', 200, null);
    sim.advance('12s');
    const g = sim.group('Billing');
    const lags = groupLags(sim.w)[0]!;
    for (const p of lags.partitions) {
      const part = sim.w.parts.kafka.partitions.find((x) => `orders-${x.index}` === p.partition)!;
      expect(p.highWatermark).toBe(part.hw[part.owner]);
      expect(p.committed).toBe(g.committed.get(part.id));
      expect(p.lag).toBe(p.highWatermark - p.committed);
    }
    expect(lags.lag).toBeGreaterThan(0); // processing is slower than the burst
    sim.advance('60s');
    expect(groupLags(sim.w)[0]!.lag).toBe(0);
  });
});

describe('rebalancing protocols', () => {
  /**
   * Partitions that had no owner at some moment of the 8 s after a fourth member joins three, and rounds run. (Members
   * learn of a rebalance from their next heartbeat, up to heartbeat.interval.ms = 3 s later: two rounds take ~6 s.)
   */
  function unownedWhenAMemberJoins(strategy: string) {
    const sim = TestSim.of(topology(6, `instances=4 partition.assignment.strategy=${strategy}`, 'rate=600/s'), { seed: 9 });
    // Start with three members: the fourth crashes at once (its JoinGroup, already sent, makes it a member until its
    // session times out at 45 s), then comes back.
    sim.crash('Billing/4').advance('60s');
    const before = sim.group('Billing').rebalances;
    sim.restart('Billing/4');
    const unowned = new Set<number>();
    for (let ms = 0; ms < 8000; ms++) {
      sim.advance(1000);
      const owned = new Set(sim.w.parts.kafka.consumers.flatMap((c) => c.assigned));
      for (const pid of sim.topic('orders').partitions) if (!owned.has(pid)) unowned.add(pid);
    }
    return { unowned: unowned.size, rounds: sim.group('Billing').rebalances - before, sim };
  }

  it('C4: eager (range) revokes every partition: each one goes unowned while the group rebalances', () => {
    const { unowned, rounds, sim } = unownedWhenAMemberJoins('range');
    expect(unowned).toBe(6);
    expect(rounds).toBe(1);
    expect(sim.w.parts.kafka.consumers.every((c) => c.assigned.length > 0)).toBe(true);
  });

  it('C5: cooperative-sticky leaves unowned only the partitions that move, and assigns them in a second round', () => {
    const { unowned, rounds, sim } = unownedWhenAMemberJoins('cooperative-sticky');
    expect(unowned).toBeGreaterThan(0);
    expect(unowned).toBeLessThanOrEqual(2); // 6 partitions over 3 -> 4 members: at most 2 change hands
    expect(rounds).toBe(2); // the moved partitions are revoked in the first round and assigned in the next (KIP-429)
    expect(sim.w.parts.kafka.consumers.every((c) => c.assigned.length > 0)).toBe(true);
  });
});

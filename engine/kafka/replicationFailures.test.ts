/**
 * Replication, the high watermark and leadership under failure (semantics R1, R3, R4, R5, R6, R7).
 */
import { KT } from './trace.ts';
import { describe, expect, it } from 'vitest';
import { TestSim } from '../testing/testSim.ts';

import { currentState } from './metadata.ts';

const topology = (extra = '', producer = 'acks=all') => `graph LR
  Orders[Order Service] -->|publish| Kafka[Kafka: orders]
  Kafka -->|subscribe| Billing[Billing Service]
  %% @config orders partitions=1 replication.factor=3 min.insync.replicas=2 ${extra}
  %% @config Orders rate=200/s key=customerId keys=20 ${producer}
  %% @config Billing processing=0ms auto.offset.reset=earliest
`;

describe('replication', () => {
  it('R1: a follower that cannot keep up for replica.lag.time.max.ms leaves the ISR (the controller still sees it alive)', () => {
    const sim = TestSim.of(topology(), { seed: 1 }).advance('5s');
    sim.fault('cut Kafka/1 Kafka/3').advance('25s'); // broker 3 can no longer fetch from the leader
    expect(sim.isrOf('orders', 0)).toEqual([1, 2, 3]); // 25 s < 30 s: still in sync
    sim.advance('25s');
    expect(sim.isrOf('orders', 0)).toEqual([1, 2]);
    const shrink = sim.traced(KT.isr).find((e) => e.b === 1)!;
    expect(shrink.time).toBeGreaterThanOrEqual(35_000_000); // 30 s after its last caught-up fetch, at a periodic check
    expect(shrink.time).toBeLessThanOrEqual(52_000_000);
    expect(sim.w.parts.kafka.brokers[2]!.fenced).toBe(false);
  });

  it('R3: once the link heals, the follower catches up and rejoins the ISR', () => {
    const sim = TestSim.of(topology(), { seed: 1 }).advance('5s');
    sim.fault('cut Kafka/1 Kafka/3').advance('50s');
    expect(sim.isrOf('orders', 0)).toEqual([1, 2]);
    // The fetch lost in the cut is given up after replica.socket.timeout.ms (30 s); the next one catches up.
    sim.fault('heal').advance('40s');
    expect(sim.isrOf('orders', 0)).toEqual([1, 2, 3]);
    const p = sim.partition('orders', 0);
    expect(p.log.endOffset - p.matched[2]!).toBeLessThan(20);
  });

  it('R4: consumers read only up to the high watermark, never records some in-sync replica lacks', () => {
    const sim = TestSim.of(topology('', 'acks=1'), { seed: 2 }).advance('5s');
    sim.fault('latency Kafka/1 Kafka/2 300ms').fault('latency Kafka/1 Kafka/3 300ms');
    for (let i = 0; i < 200; i++) {
      sim.advance('20ms');
      const p = sim.partition('orders', 0);
      const hw = p.hw[p.owner]!;
      expect(hw).toBeLessThanOrEqual(p.log.endOffset);
      for (const e of sim.traced(KT.deliver).slice(-3)) expect(e.a + e.b).toBeLessThanOrEqual(hw);
    }
    const p = sim.partition('orders', 0);
    expect(p.log.endOffset - p.hw[p.owner]!).toBeGreaterThan(10); // acks=1 writes the followers do not have yet
  });

  it('R5: with replication factor 3, two broker failures lose no committed message', () => {
    const sim = TestSim.of(topology('min.insync.replicas=1'), { seed: 3 }).advance('5s');
    sim.crash('leader:orders/0').advance('15s');
    sim.crash('leader:orders/0').advance('15s');
    expect(sim.leaderOf('orders', 0)).toBeGreaterThan(0);
    expect(sim.history().lost.count).toBe(0);
    expect(sim.history().duplicated.count).toBe(0);
  });

  it('R6: when the leader dies, the controller elects a new leader from the remaining ISR and bumps the epoch', () => {
    const sim = TestSim.of(topology(), { seed: 4 }).advance('5s');
    const p = sim.partition('orders', 0);
    const before = currentState(p);
    const isrBefore = sim.isrOf('orders', 0);
    sim.crash('Kafka/1').advance('12s');
    const after = currentState(p);
    expect(sim.leaderOf('orders', 0)).not.toBe(1);
    expect(isrBefore).toContain(sim.leaderOf('orders', 0));
    expect(after.leaderEpoch).toBeGreaterThan(before.leaderEpoch);
    const election = sim.traced(KT.election).at(-1)!;
    // Fenced after broker.session.timeout.ms (9 s) without a heartbeat.
    expect(election.time - 5_000_000).toBeGreaterThan(7_000_000);
    expect(election.time - 5_000_000).toBeLessThan(10_000_000);
  });

  it('R7: a broker back after a failover is a follower, and auto.leader.rebalance returns leadership to it', () => {
    const sim = TestSim.of(topology(), { seed: 5 }).advance('5s');
    sim.crash('Kafka/1').advance('15s').restart('Kafka/1').advance('20s');
    expect(sim.leaderOf('orders', 0)).not.toBe(1);
    expect(sim.isrOf('orders', 0)).toContain(1); // caught up and back in sync
    sim.advance('300s'); // leader.imbalance.check.interval.seconds
    expect(sim.leaderOf('orders', 0)).toBe(1); // the preferred replica leads again
    expect(sim.history().lost.count).toBe(0);
  });
});

describe('consumers across a leader crash', () => {
  it('a consumer long-polling the leader when it dies fetches again from the new leader', () => {
    // Lesson 7's run, where this was found. The followers are cut off first, so the high watermark stops and the
    // consumer's fetch waits, parked, on the leader; the leader dies as that wait runs out. The consumer once waited
    // forever: the parked fetch's own timeout dropped the request the consumer was still counting on.
    const sim = TestSim.of(`graph LR
  OrderService[Order Service] -->|OrderCreatedEvent| Kafka[Kafka: orders-topic]
  Kafka -->|subscribe| InventoryService[Inventory Service]
  %% @config Kafka brokers=3
  %% @config orders-topic replication.factor=3
  %% @config OrderService rate=100/s key=customerId acks=1 delivery.timeout.ms=10s request.timeout.ms=5s
`, { seed: 7 }).advance('15s');
    sim.fault('cut Kafka/1 Kafka/2').fault('cut Kafka/1 Kafka/3').advance('5s');
    const before = sim.processedBy('InventoryService').length;
    sim.fault('crash Kafka/1').advance('40s');
    expect(sim.leaderOf('orders-topic', 0)).not.toBe(1);
    const after = sim.processedBy('InventoryService').length;
    // 100 records a second flow again once a follower leads (the fencing takes broker.session.timeout.ms, 9 s).
    expect(after - before).toBeGreaterThan(100 * 20);
  });
});

/**
 * The KRaft controller quorum (issue 11 §1, semantics R6; KIP-595, KIP-631): the active controller is elected by a
 * majority of the voters Kafka/controller-1..N, a lost one is replaced after the quorum's timeouts, and without a
 * majority no metadata changes while the data path goes on.
 */
import { describe, expect, it } from 'vitest';
import { describeEntry } from '../live/queries.ts';
import { entries } from '../history/trace.ts';
import { TestSim } from '../testing/testSim.ts';
import { KT } from './trace.ts';

const orders = (controllers = '') => `graph LR
  Orders[Order Service] -->|OrderCreatedEvent| Kafka[Kafka: orders]
  Kafka --> Billing[Billing Service]
  %% @config Kafka ${controllers}
  %% @config orders partitions=3 replication.factor=3 min.insync.replicas=1
  %% @config Orders rate=300/s key=customerId keys=300 acks=1
`;

/** The voter number (1-based) active now, or 0. */
const active = (s: TestSim) => s.w.parts.kafka.clusters[0]!.controller.active + 1;
const elected = (s: TestSim) => s.traced(KT.controller).filter((e) => e.b === 1);
/** Partition index of `orders` that broker 1 leads. */
const ledBy1 = (s: TestSim) => [0, 1, 2].find((i) => s.leaderOf('orders', i) === 1)!;
const logged = (s: TestSim, i: number) => s.logIds('orders', i).length;

describe('the controller quorum (R6)', () => {
  it('three voters by default; a crash of the active one elects another after fetch.timeout (2 s) plus at most the election backoff (1 s)', () => {
    const s = TestSim.of(orders(), { seed: 1 }).advance('5s');
    expect(s.w.parts.kafka.clusters[0]!.controller.voters.length).toBe(3);
    expect(active(s)).toBe(1);
    s.crash('Kafka/controller').advance('5s');
    expect(active(s)).toBeGreaterThan(1);
    const e = elected(s);
    expect(e).toHaveLength(1);
    expect(e[0]!.time - 5_000_000).toBeGreaterThanOrEqual(2_000_000);
    expect(e[0]!.time - 5_000_000).toBeLessThan(3_000_000);
  });

  it('after a failover, a dead broker is fenced and its partitions get a new leader (they never did with one controller)', () => {
    const s = TestSim.of(orders(), { seed: 2 }).advance('5s');
    const p = ledBy1(s);
    s.crash('Kafka/controller').crash('Kafka/1').advance('20s');
    // The new controller starts broker sessions afresh at ~7.5 s; broker 1 never heartbeats, so 9 s later it is fenced.
    expect(s.leaderOf('orders', p)).not.toBe(1);
    expect(s.leaderOf('orders', p)).toBeGreaterThan(0);
    const before = logged(s, p);
    s.advance('5s');
    expect(logged(s, p) - before).toBeGreaterThan(300);
  });

  it('two of three voters down: no metadata changes (a dead leader stays leader, its partition takes no writes) while live leaders keep writing', () => {
    const s = TestSim.of(orders(), { seed: 3 }).advance('5s');
    const p = ledBy1(s);
    const others = [0, 1, 2].filter((i) => i !== p);
    s.crash('Kafka/controller-2').crash('Kafka/controller-3').advance('1s');
    expect(s.w.parts.kafka.clusters[0]!.controller.alive).toBe(false);
    s.crash('Kafka/1').advance('2s');
    const before = [0, 1, 2].map((i) => logged(s, i));
    const epoch = s.partition('orders', p).states.length;
    s.advance('30s');
    expect(s.leaderOf('orders', p)).toBe(1);
    expect(s.partition('orders', p).states.length).toBe(epoch);
    expect(logged(s, p)).toBe(before[p]);
    for (const i of others) expect(logged(s, i) - before[i]!).toBeGreaterThan(1000);
  });

  it('restarting one voter brings the majority back and elections resume: the dead broker is fenced then', () => {
    const s = TestSim.of(orders(), { seed: 4 }).advance('5s');
    const p = ledBy1(s);
    s.crash('Kafka/controller').crash('Kafka/controller-2').crash('Kafka/1').advance('30s');
    expect(active(s)).toBe(0);
    expect(elected(s)).toHaveLength(0);
    expect(s.leaderOf('orders', p)).toBe(1);
    s.restart('Kafka/controller-2').advance('3s');
    expect([2, 3]).toContain(active(s));
    s.advance('10s');
    expect(s.leaderOf('orders', p)).not.toBe(1);
    expect(s.leaderOf('orders', p)).toBeGreaterThan(0);
  });

  it('controllers=1 behaves as the single controller did: no failover while it is down, it leads again at once on restart', () => {
    const s = TestSim.of(orders('controllers=1'), { seed: 5 }).advance('5s');
    const p = ledBy1(s);
    s.crash('Kafka/controller').crash('Kafka/1').advance('40s');
    expect(s.leaderOf('orders', p)).toBe(1);
    expect(elected(s)).toHaveLength(0);
    s.restart('Kafka/controller').advance('1ms');
    expect(active(s)).toBe(1);
    s.advance('12s');
    expect(s.leaderOf('orders', p)).not.toBe(1);
  });

  it('a network split of the active controller from the other voters moves leadership to the majority side', () => {
    const s = TestSim.of(orders('controllers=5'), { seed: 6 }).advance('5s');
    s.fault('partition Kafka/controller,Kafka/controller-2 | Kafka/controller-3,Kafka/controller-4,Kafka/controller-5').advance('1s');
    // The old leader reaches 2 of 5: it can no longer commit, though it is up.
    expect(s.w.parts.kafka.clusters[0]!.controller.alive).toBe(false);
    s.advance('3s');
    expect([3, 4, 5]).toContain(active(s));
    const p = ledBy1(s);
    s.crash('Kafka/1').advance('12s');
    expect(s.leaderOf('orders', p)).not.toBe(1);
    // Healing changes nothing: the majority's leader stays.
    const now = active(s);
    s.fault('heal').advance('5s');
    expect(active(s)).toBe(now);
  });

  it('names: Kafka/controller is the active voter, Kafka/controller-4 does not exist with three', () => {
    const s = TestSim.of(orders(), { seed: 7 }).advance('1s');
    expect(() => s.crash('Kafka/controller-4')).toThrow(/controller-1 to Kafka\/controller-3/);
    s.crash('Kafka/controller-2').advance('1s');
    expect(active(s)).toBe(1); // a follower's crash leaves a majority: nothing happens
    expect(s.w.parts.kafka.clusters[0]!.controller.alive).toBe(true);
  });

  it('the invariants hold after every event through a failover, a lost majority and its return', () => {
    const s = TestSim.of(orders(), { seed: 9, invariants: true }).advance('3s');
    s.crash('Kafka/controller').crash('Kafka/2').advance('15s');
    s.crash('Kafka/controller-2').crash('Kafka/controller-3').restart('Kafka/2').advance('10s');
    expect(active(s)).toBe(0);
    s.restart('Kafka/controller-1').restart('Kafka/controller-2').advance('15s');
    expect(active(s)).toBeGreaterThan(0);
    expect(s.invariantChecks).toBeGreaterThan(10_000);
    expect(s.leaderOf('orders', 0)).toBeGreaterThan(0);
  });

  it('determinism: the same seed and faults give the same history, the election included', () => {
    const run = () => {
      const s = TestSim.of(orders(), { seed: 8 }).advance('5s');
      s.crash('Kafka/controller').crash('Kafka/2').advance('15s').restart('Kafka/controller-1').advance('5s');
      return entries(s.w.trace).map((e) => `${e.time} ${describeEntry(s.w, e).text}`);
    };
    const a = run();
    expect(a.some((l) => l.includes('became the active controller'))).toBe(true);
    expect(run()).toEqual(a);
  });
});

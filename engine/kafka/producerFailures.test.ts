/**
 * The producer and durability under failure (semantics K1-K14, K16): what each acks setting and idempotence buy when a
 * leader dies, replicas fall out of sync, or requests are lost.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../simulation.ts';
import { parseTopology } from '../topology/parse.ts';
import { TestSim } from '../testing/testSim.ts';
import { DELIVERY_TIMEOUT, NOT_ENOUGH_REPLICAS, NOT_ENOUGH_REPLICAS_AFTER_APPEND } from './errors.ts';

const topology = (producer: string, topic = 'replication.factor=3 min.insync.replicas=2', consumer = '') => `graph LR
  Orders[Order Service] -->|publish| Kafka[Kafka: orders]
  Kafka -->|subscribe| Billing[Billing Service]
  %% @config orders partitions=1 ${topic}
  %% @config Orders key=customerId keys=20 ${producer.includes('rate=') ? producer : `rate=500/s ${producer}`}
  %% @config Billing processing=0ms auto.offset.reset=earliest ${consumer}
`;

describe('acks and leader failure', () => {
  it('K1: acks=0 loses writes silently when the leader dies: the producer never hears of it', () => {
    const sim = TestSim.of(topology('acks=0'), { seed: 1 }).advance('10s');
    sim.crash('leader:orders/0').advance('20s');
    const m = sim.metrics();
    expect(m.lost).toBeGreaterThan(1000); // about nine seconds of writes to a dead broker
    expect(m.sendFailed).toBe(0);
    expect(sim.produceErrors().size).toBe(0);
  });

  it('K2: acks=1 loses acknowledged writes the followers never fetched when the leader dies', () => {
    const sim = TestSim.of(topology('acks=1'), { seed: 1 }).advance('10s');
    // Followers stop fetching (cut from the leader); the leader keeps acknowledging alone, then dies.
    sim.fault('cut Kafka/1 Kafka/2').fault('cut Kafka/1 Kafka/3').advance('5s');
    sim.crash('Kafka/1').advance('20s');
    const h = sim.history();
    expect(sim.leaderOf('orders', 0)).not.toBe(1);
    expect(h.lost.count).toBeGreaterThan(2000); // ~5 s at 500/s, acknowledged, gone with the old leader's tail
    expect(h.lost.examples[0]!.producedAt).toBeGreaterThanOrEqual(9_900_000); // produced around the cut
    // The returning broker truncates them away for good.
    sim.fault('heal').restart('Kafka/1').advance('20s');
    expect(sim.history().lost.count).toBe(h.lost.count);
  });

  it('K3: acks=1 loses nothing when the leader dies after its followers fetched everything', () => {
    const sim = TestSim.of(topology('acks=1 rate=0'), { seed: 1 }).advance('5s');
    sim.publish('Orders', 500, 'customer-1');
    sim.advance('2s').crash('leader:orders/0').advance('20s');
    expect(sim.history().lost.count).toBe(0);
    expect(sim.processedBy('Billing')).toHaveLength(500);
  });

  it('K4: acks=all with RF 3 loses nothing when the leader dies mid-stream', () => {
    const sim = TestSim.of(topology('acks=all'), { seed: 1 }).advance('10s');
    sim.crash('leader:orders/0').advance('30s');
    const h = sim.history();
    expect(h.lost.count).toBe(0);
    expect(h.duplicated.count).toBe(0);
    expect(sim.metrics().acknowledged).toBeGreaterThan(17000);
  });

  it('K5: a retry after the leader died can duplicate without idempotence; with it, the broker drops the copy', () => {
    const dups = (idempotence: string) => {
      let total = 0;
      for (const seed of [1, 2, 3]) {
        const sim = TestSim.of(topology(`acks=all ${idempotence} rate=3000/s`), { seed }).advance('10s');
        // Slow replication widens the moment when a follower has a batch the leader has not yet acknowledged.
        sim.fault('latency Kafka/1 Kafka/2 20ms').fault('latency Kafka/1 Kafka/3 20ms').advance('1s');
        expect(sim.leaderOf('orders', 0)).toBe(1);
        sim.crash('Kafka/1').advance('25s');
        expect(sim.history().lost.count).toBe(0);
        total += sim.history().duplicated.count;
      }
      return total;
    };
    expect(dups('enable.idempotence=false')).toBeGreaterThan(0);
    expect(dups('enable.idempotence=true')).toBe(0);
  });
});

describe('in-sync replicas', () => {
  it('K6: RF 2 with min.insync.replicas=1 keeps accepting writes on the leader alone; if it then dies, they are gone (unclean election)', () => {
    const sim = TestSim.of(topology('acks=all', 'replication.factor=2 min.insync.replicas=1 unclean.leader.election.enable=true'), { seed: 2 }).advance('5s');
    const follower = sim.isrOf('orders', 0).find((b) => b !== sim.leaderOf('orders', 0))!;
    sim.crash(`Kafka/${follower}`).advance('15s');
    expect(sim.isrOf('orders', 0)).toHaveLength(1);
    const okBefore = sim.metrics().acknowledged;
    sim.advance('5s');
    expect(sim.metrics().acknowledged).toBeGreaterThan(okBefore + 2000); // still accepted
    const leader = sim.leaderOf('orders', 0);
    sim.crash(`Kafka/${leader}`).restart(`Kafka/${follower}`).advance('20s');
    expect(sim.leaderOf('orders', 0)).toBe(follower);
    expect(sim.history().lost.count).toBeGreaterThan(5000);
  });

  it('K7: with min.insync.replicas=2 and the ISR down to the leader, acks=all writes are refused (NotEnoughReplicas); reads go on', () => {
    const sim = TestSim.of(topology('acks=all delivery.timeout.ms=20s request.timeout.ms=10s'), { seed: 3 }).advance('5s');
    const leader = sim.leaderOf('orders', 0);
    for (const b of [1, 2, 3]) if (b !== leader) sim.crash(`Kafka/${b}`);
    sim.advance('40s');
    expect(sim.isrOf('orders', 0)).toEqual([leader]);
    expect(sim.produceErrors().get(NOT_ENOUGH_REPLICAS) ?? 0).toBeGreaterThan(0);
    expect(sim.metrics().sendFailed).toBeGreaterThan(0); // given up after delivery.timeout.ms
    // The events Orders originated count as failed checkouts, each naming the producer and the timeout.
    expect(sim.w.metrics.checkoutFailures.examples[0]).toMatchObject({ service: 'Orders', code: DELIVERY_TIMEOUT });
    expect(sim.w.metrics.checkoutFailures.firstAt).toBeGreaterThan(24_000_000); // delivery.timeout.ms after the first refused write
    expect(sim.history().lost.count).toBe(0);
    // Everything acknowledged before the failure was read.
    expect(sim.metrics().lag['Billing']).toBe(0);
  });

  it('K8: an ISR that shrinks after the append answers NotEnoughReplicasAfterAppend, and a blind retry duplicates', () => {
    const sim = TestSim.of(topology('acks=all enable.idempotence=false rate=200/s'), { seed: 4 }).advance('5s');
    const leader = sim.leaderOf('orders', 0);
    for (const b of [1, 2, 3]) if (b !== leader) sim.crash(`Kafka/${b}`);
    sim.advance('20s');
    expect(sim.produceErrors().get(NOT_ENOUGH_REPLICAS_AFTER_APPEND) ?? 0).toBeGreaterThan(0);
    for (const b of [1, 2, 3]) if (b !== leader) sim.restart(`Kafka/${b}`);
    sim.advance('40s');
    expect(sim.history().duplicated.count).toBeGreaterThan(0); // the records were in the log all along
  });

  it('K9: min.insync.replicas is not enforced for acks=1: writes go on with the leader alone', () => {
    const sim = TestSim.of(topology('acks=1'), { seed: 5 }).advance('5s');
    const leader = sim.leaderOf('orders', 0);
    for (const b of [1, 2, 3]) if (b !== leader) sim.crash(`Kafka/${b}`);
    sim.advance('15s');
    const before = sim.metrics().acknowledged;
    sim.advance('10s');
    expect(sim.isrOf('orders', 0)).toEqual([leader]);
    expect(sim.metrics().acknowledged - before).toBeGreaterThan(4500);
    expect(sim.produceErrors().get(NOT_ENOUGH_REPLICAS) ?? 0).toBe(0);
  });

  function allInSyncDown(unclean: boolean) {
    const sim = TestSim.of(topology('acks=all', `replication.factor=3 min.insync.replicas=1 unclean.leader.election.enable=${unclean}`), { seed: 6 }).advance('5s');
    const [a, b, c] = [1, 2, 3];
    sim.crash(`Kafka/${c}`).advance('15s'); // broker 3 falls out of the ISR; writes go on
    sim.crash(`Kafka/${a}`).crash(`Kafka/${b}`).restart(`Kafka/${c}`).advance('20s'); // only the stale one is alive
    return sim;
  }

  it('K10: with unclean election off, the partition stays offline while only an out-of-sync replica lives, and loses nothing', () => {
    const sim = allInSyncDown(false);
    expect(sim.leaderOf('orders', 0)).toBe(-1);
    expect(sim.history().unavailable.some((x) => x.what === 'partition')).toBe(true);
    sim.restart('Kafka/1').restart('Kafka/2').advance('30s');
    expect(sim.leaderOf('orders', 0)).toBeGreaterThan(0);
    expect(sim.history().lost.count).toBe(0);
  });

  it("a partition's history of a producer's batches stays short while every replica keeps up, and grows while one is down", () => {
    const sim = TestSim.of(topology('enable.idempotence=true'), { seed: 4 }).advance('20s');
    const history = () => [...sim.partition('orders', 0).producers.values()].reduce((n, st) => Math.max(n, st.batches.length / 4), 0);
    // Trimmed to what a replica may still need: a few batches past the five compared for duplicates.
    expect(history()).toBeGreaterThanOrEqual(5);
    expect(history()).toBeLessThanOrEqual(17);
    const follower = sim.isrOf('orders', 0).find((b) => b !== sim.leaderOf('orders', 0))!;
    // acks=all waits for it until the leader drops it from the ISR (replica.lag.time.max.ms, 30 s), then goes on.
    sim.crash(`Kafka/${follower}`).advance('40s');
    // The broker rebuilds a producer's state from its own log when it returns: every batch since it stopped is kept.
    expect(history()).toBeGreaterThan(100);
    sim.restart(`Kafka/${follower}`).advance('30s');
    expect(history()).toBeLessThanOrEqual(17);
  });

  it('a trim never drops the last five batches, however far the replicas have caught up: a retry of any is a duplicate', () => {
    const sim = TestSim.of(topology('enable.idempotence=true'), { seed: 4 }).advance('2s');
    let fewest = Infinity;
    for (let i = 0; i < 400; i++) {
      sim.advance(7_000); // µs: between appends and fetches, where trims happen
      for (const st of sim.partition('orders', 0).producers.values()) fewest = Math.min(fewest, st.batches.length / 4);
    }
    expect(fewest).toBeGreaterThanOrEqual(5);
  });

  it('K11: with unclean election on, the out-of-sync replica leads at once and committed writes are lost', () => {
    const sim = allInSyncDown(true);
    expect(sim.leaderOf('orders', 0)).toBe(3);
    const lost = sim.history().lost;
    expect(lost.count).toBeGreaterThan(3000); // what brokers 1 and 2 had after broker 3 fell behind
  });
});

describe('retries and ordering', () => {
  const lossy = (idempotence: string) => {
    const sim = TestSim.of(topology(`acks=all ${idempotence} max.in.flight.requests.per.connection=5 request.timeout.ms=500 linger.ms=1`, 'replication.factor=3 min.insync.replicas=2', 'instances=1'), { seed: 8 }).advance('5s');
    sim.fault('loss Orders Kafka 20%').advance('20s').fault('heal').advance('10s');
    return sim.history();
  };

  it('K12: without idempotence, retries with several requests in flight reorder (and duplicate) records of a key', () => {
    const h = lossy('enable.idempotence=false');
    expect(h.reordered.count).toBeGreaterThan(0);
    const ex = h.reordered.examples[0]!;
    expect(ex.other).toBeGreaterThan(ex.message); // a later message of the key was processed first
  });

  it('K13: with idempotence, the same losses neither reorder nor duplicate', () => {
    const h = lossy('enable.idempotence=true');
    expect(h.reordered.count).toBe(0);
    expect(h.duplicated.count).toBe(0);
  });

  it('K14: idempotence holds within one producer session only: what the application resends after a restart is duplicated', () => {
    const sim = TestSim.of(topology('acks=all rate=0'), { seed: 9 }).advance('5s');
    sim.fault('latency Orders Kafka 200ms');
    const ids = sim.publish('Orders', 10, 'customer-1');
    // 300 ms later the records are in the log, and the acknowledgement is still on its way back.
    sim.advance('300ms');
    expect(sim.logIds('orders', 0)).toEqual(ids);
    sim.crash('Orders').restart('Orders').advance('10ms');
    // The application never saw them acknowledged, so it sends them again, in a new session (new producer id).
    sim.resend('Orders', ids);
    sim.advance('5s');
    expect(sim.logIds('orders', 0)).toEqual([...ids, ...ids]);
    expect(sim.history().duplicated.count).toBe(10);
  });

  it('K16: a send that fails past delivery.timeout.ms may still have been written: the consumer processes records the producer was told failed', () => {
    // The leader is cut off from its followers: it appends, and the acks=all write waits for them past the deadline.
    const sim = TestSim.of(topology('acks=all rate=50/s delivery.timeout.ms=6s request.timeout.ms=3s'), { seed: 4 }).advance('5s');
    sim.fault('partition leader:orders/0 | Kafka/2,Kafka/3').advance('3s').fault('heal').advance('40s');
    const failed = sim.w.metrics.checkoutFailures.examples.flatMap((f) => (f.code === DELIVERY_TIMEOUT && f.message !== undefined ? [f.message] : []));
    expect(sim.metrics().sendFailed).toBeGreaterThan(0);
    const processed = new Set(sim.processedBy('Billing'));
    const writtenAnyway = failed.filter((id) => processed.has(id));
    // Some were written (the app, told they failed, would send them again: duplicates), some were not.
    expect(writtenAnyway.length).toBeGreaterThan(0);
    expect(writtenAnyway.length).toBeLessThan(failed.length);
    expect(sim.history().lost.count).toBe(0);
  });
});

describe('producer settings Kafka refuses', () => {
  const errorsOf = (producer: string) => {
    const parsed = parseTopology(topology(producer));
    if (!parsed.ok) throw new Error('does not parse');
    return createSimulation(parsed.topology).diagnostics.filter((d) => d.severity === 'error').map((d) => d.message);
  };

  it('delivery.timeout.ms set below linger.ms + request.timeout.ms is a ConfigException, as in KafkaProducer', () => {
    expect(errorsOf('delivery.timeout.ms=10s')).toEqual([expect.stringContaining('less than linger.ms + request.timeout.ms (30005 ms)')]);
    expect(errorsOf('delivery.timeout.ms=10s request.timeout.ms=5s')).toEqual([]);
    // Left at its default, delivery.timeout.ms is raised to cover one attempt instead: linger.ms (5) + 200 s.
    expect(errorsOf('request.timeout.ms=200s')).toEqual([]);
    const parsed = parseTopology(topology('request.timeout.ms=200s'));
    if (!parsed.ok) throw new Error('does not parse');
    expect(createSimulation(parsed.topology).world.parts.kafka.producers.map((p) => p.config.deliveryTimeoutUs)).toEqual([200_005_000]);
  });
});

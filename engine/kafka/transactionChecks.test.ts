/**
 * The checkers and transactions: an aborted record was never acknowledged, so it is never lost; a record resent in a
 * later transaction after an abort is no duplicate for a read_committed group; a read_committed group never processes
 * a record of an aborted transaction, whatever the producer and the brokers do (a seeded property).
 */
import { describe, expect, it } from 'vitest';
import { nextInt, stream } from '../sim/random.ts';
import { TestSim } from '../testing/testSim.ts';
import { KT } from './trace.ts';
import { isAborted } from './txnLog.ts';

const topology = (producer: string, topic = 'partitions=1') => `graph LR
  Orders[Order Service] -->|publish| Kafka[Kafka: orders]
  Kafka -->|subscribe| Billing[Billing Service]
  Kafka -->|subscribe| Audit[Audit Service]
  %% @config orders ${topic} replication.factor=3 min.insync.replicas=2
  %% @config Orders key=customerId keys=20 ${producer}
  %% @config Billing processing=0ms auto.offset.reset=earliest isolation.level=read_committed
  %% @config Audit processing=0ms auto.offset.reset=earliest
`;

/** Records group `name` processed that belong to an aborted transaction (by their offsets in the logs). */
function abortedProcessed(sim: TestSim, name: string): number[] {
  const aborted = new Set<number>();
  for (const pid of sim.topic('orders').partitions) {
    const p = sim.w.parts.kafka.partitions[pid]!;
    for (const seg of p.log.segments) {
      for (let i = 0; i < seg.count; i++) if (isAborted(p, seg.offsets ? seg.offsets[i]! : seg.baseOffset + i)) aborted.add(seg.ids[i]!);
    }
  }
  return sim.processedBy(name).filter((id) => aborted.has(id));
}

describe('checkers with transactions', () => {
  it('a record resent in a new transaction after its first one aborted is processed once by read_committed, twice by read_uncommitted', () => {
    const sim = TestSim.of(topology('rate=0 transactional.id=orders-tx transaction.records=100 transaction.ms=2s linger.ms=0'), { seed: 1 }).advance('3s');
    const ids = sim.publish('Orders', 8, 'customer-1');
    sim.advance('500ms').crash('Orders').advance('1s').restart('Orders').advance('1s');
    // The application sends what it never saw committed again: the restarted producer's initTransactions aborted
    // the first transaction (K17), so the copies are the only committed ones.
    sim.resend('Orders', ids);
    sim.advance('5s');
    expect(sim.traced(KT.txnMarker).map((e) => e.b)).toEqual([0, 1]);
    expect(sim.processedBy('Billing')).toEqual(ids);
    expect(sim.processedBy('Audit')).toEqual([...ids, ...ids]);
    const h = sim.history();
    expect(h.lost.count).toBe(0);
    // The duplicates the checker reports are read_uncommitted's only: it did process each record twice.
    expect(h.duplicated.count).toBe(ids.length);
    expect(h.duplicated.examples.every((e) => e.group === 'Audit')).toBe(true);
  });

  it('a read_committed consumer never sees an aborted record across a producer crash mid-transaction', () => {
    const sim = TestSim.of(topology('rate=300/s transactional.id=orders-tx transaction.records=50 transaction.ms=200ms', 'partitions=3'), { seed: 3 }).advance('5s');
    sim.crash('Orders').advance('2s').restart('Orders').advance('10s');
    expect(sim.traced(KT.txnAbort).length).toBe(1); // the restart fenced the crashed life's open transaction
    expect(abortedProcessed(sim, 'Audit').length).toBeGreaterThan(0); // there were aborted records to see
    expect(abortedProcessed(sim, 'Billing')).toEqual([]);
    const h = sim.history();
    expect(h.lost.count).toBe(0);
    expect(h.duplicated.examples.filter((e) => e.group === 'Billing')).toEqual([]);
    expect(h.missed.count).toBe(0);
  });

  it('property, 16 seeds: producer and broker crashes at drawn times never show read_committed an aborted record, nor lose a committed one', () => {
    let abortedSeen = 0;
    for (let seed = 1; seed <= 16; seed++) {
      const s = stream(seed, 'txn-property');
      const crashAt = 2_000_000 + nextInt(s, 6_000_000);
      const restartAt = crashAt + nextInt(s, 4_000_000);
      const broker = 1 + nextInt(s, 3);
      const brokerAt = 1_000_000 + nextInt(s, 10_000_000);
      const faults = [`${crashAt}us crash Orders`, `${restartAt}us restart Orders`, `${brokerAt}us crash Kafka/${broker}`, `${brokerAt + 3_000_000}us restart Kafka/${broker}`];
      const sim = TestSim.of(topology('rate=200/s transactional.id=orders-tx transaction.records=20 transaction.ms=100ms transaction.timeout.ms=5s', 'partitions=3'), { seed, faults });
      sim.until('25s');
      expect(abortedProcessed(sim, 'Billing'), `seed ${seed}`).toEqual([]);
      abortedSeen += abortedProcessed(sim, 'Audit').length;
      const h = sim.history();
      expect(h.lost.count, `seed ${seed}`).toBe(0);
      expect(h.duplicated.examples.filter((e) => e.group === 'Billing'), `seed ${seed}`).toEqual([]);
    }
    expect(abortedSeen).toBeGreaterThan(0);
  }, 120_000);
});

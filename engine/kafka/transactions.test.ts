/**
 * Kafka transactions (semantics K17-K20): markers, the coordinator's timeout abort, read_committed against
 * read_uncommitted, zombie fencing.
 */
import { describe, expect, it } from 'vitest';
import { FAMILIES } from '../components.ts';
import { T } from '../history/kinds.ts';
import { ACKED, flagsOf } from '../history/messages.ts';
import { TestSim } from '../testing/testSim.ts';
import { PRODUCER_FENCED } from './errors.ts';
import { KT } from './trace.ts';
import { isAborted, MARKER } from './txnLog.ts';

const topology = (producer: string, extra = '') => `graph LR
  Orders[Order Service] -->|publish| Kafka[Kafka: orders]
  Kafka -->|subscribe| Billing[Billing Service]
  Kafka -->|subscribe| Audit[Audit Service]
  ${extra}
  %% @config orders partitions=1 replication.factor=3 min.insync.replicas=2
  %% @config Orders key=customerId keys=20 ${producer}
  %% @config Billing processing=0ms auto.offset.reset=earliest isolation.level=read_committed
  %% @config Audit processing=0ms auto.offset.reset=earliest
`;

/** Offsets of the markers in a partition's log. */
function markerOffsets(sim: TestSim): number[] {
  const p = sim.partition('orders', 0);
  const out: number[] = [];
  for (const s of p.log.segments) for (let i = 0; i < s.count; i++) if (s.ids[i] === MARKER) out.push(s.offsets ? s.offsets[i]! : s.baseOffset + i);
  return out;
}

describe('transactional producer', () => {
  it('K20: each commit writes a COMMIT marker that takes an offset and is delivered to no one', () => {
    const sim = TestSim.of(topology('rate=0 transactional.id=orders-tx transaction.records=5 linger.ms=0'), { seed: 1 }).advance('3s');
    const ids = sim.publish('Orders', 20, 'customer-1');
    sim.advance('3s');
    // 20 records in transactions of 5: four COMMIT markers, each right after its transaction's records.
    expect(sim.traced(KT.txnMarker).map((e) => e.b)).toEqual([1, 1, 1, 1]);
    expect(markerOffsets(sim)).toEqual([5, 11, 17, 23]);
    expect(sim.logIds('orders', 0)).toHaveLength(24);
    // Both isolation levels get every record once and never a marker; the offsets they read have gaps.
    expect(sim.processedBy('Billing')).toEqual(ids);
    expect(sim.processedBy('Audit')).toEqual(ids);
    const delivered = sim.traced(KT.deliver).map((e) => e.a);
    expect(delivered.some((o) => markerOffsets(sim).includes(o))).toBe(false);
    // Committed records are acknowledged; the group's committed position passes the last marker (no lag of 1).
    expect(ids.every((id) => (flagsOf(sim.w.messages, id) & ACKED) !== 0)).toBe(true);
    sim.advance('6s');
    expect(sim.group('Billing').committed.get(sim.partition('orders', 0).id)).toBe(24);
    expect(sim.history().lost.count).toBe(0);
  });

  it('K20: a transaction is acknowledged only when it commits, not when its records are written', () => {
    const sim = TestSim.of(topology('rate=0 transactional.id=orders-tx transaction.records=100 transaction.ms=2s linger.ms=0'), { seed: 1 }).advance('3s');
    const ids = sim.publish('Orders', 10, 'customer-1');
    sim.advance('1s');
    expect(sim.logIds('orders', 0)).toEqual(ids); // written ...
    expect(ids.some((id) => (flagsOf(sim.w.messages, id) & ACKED) !== 0)).toBe(false); // ... not acknowledged
    sim.advance('2s'); // transaction.ms passes: commit
    expect(ids.every((id) => (flagsOf(sim.w.messages, id) & ACKED) !== 0)).toBe(true);
  });

  it('K18: a producer crash mid-transaction leaves its records in the log until the coordinator aborts after transaction.timeout.ms', () => {
    const sim = TestSim.of(topology('rate=0 transactional.id=orders-tx transaction.records=100 transaction.ms=10s linger.ms=0'), { seed: 1 }).advance('3s');
    const ids = sim.publish('Orders', 10, 'customer-1');
    sim.advance('1s').crash('Orders').advance('30s');
    // In the log, never acknowledged, no marker yet: the transaction is open 30 s after the crash.
    expect(sim.logIds('orders', 0)).toEqual(ids);
    expect(sim.traced(KT.txnAbort)).toHaveLength(0);
    sim.advance('35s'); // past 60 s (transaction.timeout.ms's default) since the transaction began
    const aborts = sim.traced(KT.txnAbort);
    expect(aborts).toHaveLength(1);
    expect(aborts[0]!.b).toBe(1); // timed out
    expect(aborts[0]!.time).toBeGreaterThanOrEqual(63_000_000);
    expect(aborts[0]!.time).toBeLessThan(63_100_000);
    expect(sim.traced(KT.txnMarker).map((e) => e.b)).toEqual([0]);
    const p = sim.partition('orders', 0);
    expect(ids.every((_, i) => isAborted(p, i))).toBe(true);
    // read_uncommitted saw the aborted records; read_committed never does. Not acknowledged, so not lost.
    expect(sim.processedBy('Audit')).toEqual(ids);
    expect(sim.processedBy('Billing')).toEqual([]);
    expect(sim.history().lost.count).toBe(0);
    expect(sim.history().missed.count).toBe(0);
    // The run's summary counts the transactions of the id.
    const line = FAMILIES.find((f) => f.name === 'kafka')!.summary!(sim.w).split('\n').map((l) => l.trim()).find((l) => l.startsWith('transactions of'));
    expect(line).toBe('transactions of orders-tx: 0 committed, 1 aborted');
  });

  it('transaction.timeout.ms is the producer\'s to set', () => {
    const sim = TestSim.of(topology('rate=0 transactional.id=orders-tx transaction.records=100 transaction.ms=10s transaction.timeout.ms=5s linger.ms=0'), { seed: 1 }).advance('3s');
    sim.publish('Orders', 3, 'customer-1');
    sim.advance('1s').crash('Orders').advance('6s');
    expect(sim.traced(KT.txnAbort).map((e) => e.b)).toEqual([1]);
  });
});

describe('read_committed', () => {
  const withPlain = 'Plain[Plain Service] -->|publish| Kafka';
  const plain = '%% @config Plain rate=0 key=customerId';

  it('K19: an open transaction holds back later records, non-transactional ones too, until it ends', () => {
    const sim = TestSim.of(topology('rate=0 transactional.id=orders-tx transaction.records=100 transaction.ms=10s linger.ms=0', `${withPlain}\n  ${plain}`), { seed: 1 }).advance('3s');
    const txn = sim.publish('Orders', 5, 'customer-1');
    sim.advance('500ms');
    const later = sim.publish('Plain', 5, 'customer-2');
    sim.advance('3s');
    expect(sim.processedBy('Audit')).toEqual([...txn, ...later]); // read_uncommitted reads to the high watermark
    expect(sim.processedBy('Billing')).toEqual([]); // read_committed stops at the LSO, the open transaction's start
    // Lag against the LSO: nothing readable is waiting for Billing, though the log has records past its position.
    sim.advance('5s');
    const pid = sim.partition('orders', 0).id;
    expect(sim.w.parts.kafka.groups.find((g) => g.name === 'Billing')!.committed.get(pid) ?? 0).toBe(0);
    sim.advance('3s'); // transaction.ms passes: commit
    expect(sim.processedBy('Billing')).toEqual([...txn, ...later]);
  });

  it('K18/K19: after an abort, read_committed skips the aborted records and reads the later ones', () => {
    const sim = TestSim.of(topology('rate=0 transactional.id=orders-tx transaction.records=100 transaction.ms=10s transaction.timeout.ms=5s linger.ms=0', `${withPlain}\n  ${plain}`), { seed: 1 }).advance('3s');
    const txn = sim.publish('Orders', 5, 'customer-1');
    sim.advance('500ms').crash('Orders');
    const later = sim.publish('Plain', 5, 'customer-2');
    sim.advance('10s');
    expect(sim.processedBy('Billing')).toEqual(later);
    expect(sim.processedBy('Audit')).toEqual([...txn, ...later]);
    expect(sim.history().duplicated.count).toBe(0);
  });
});

describe('aborted index', () => {
  it('an abort skips a batch whose offsets no longer hold it (truncated by a leader change): other records there stay readable', () => {
    const extra = 'Plain[Plain Service] -->|publish| Kafka\n  %% @config Plain rate=0 key=customerId linger.ms=0';
    const sim = TestSim.of(topology('rate=0 transactional.id=orders-tx transaction.records=100 transaction.ms=10s transaction.timeout.ms=2s linger.ms=0', extra), { seed: 1 }).advance('3s');
    const plain = sim.publish('Plain', 2, 'customer-2');
    sim.advance('500ms');
    const txn = sim.publish('Orders', 3, 'customer-1');
    sim.advance('500ms');
    const p = sim.partition('orders', 0);
    const coord = [...p.txn!.ranges.keys()][0]!;
    // What a truncation leaves behind: the transaction remembers a batch at offsets 0-1, where other records are now.
    p.txn!.ranges.get(coord)!.unshift(0, 1, 999_999);
    sim.crash('Orders').advance('3s');
    expect(sim.traced(KT.txnAbort)).toHaveLength(1);
    expect([0, 1].map((o) => isAborted(p, o))).toEqual([false, false]);
    expect([2, 3, 4].map((o) => isAborted(p, o))).toEqual([true, true, true]);
    expect(sim.processedBy('Billing')).toEqual(plain);
    expect(sim.processedBy('Audit')).toEqual([...plain, ...txn]);
  });
});

describe('zombie fencing', () => {
  it('K17: a second producer with the same transactional.id fences the first, whose open transaction is aborted', () => {
    const extra = 'Orders2[Order Service B] -->|publish| Kafka\n  %% @config Orders2 rate=0 key=customerId transactional.id=orders-tx transaction.records=100 transaction.ms=10s linger.ms=0';
    const sim = TestSim.of(topology('rate=0 transactional.id=orders-tx transaction.records=100 transaction.ms=10s linger.ms=0', extra), { seed: 1 }).advance('3s');
    const old = sim.publish('Orders', 5, 'customer-1');
    sim.advance('1s');
    const fresh = sim.publish('Orders2', 5, 'customer-2'); // initTransactions: the epoch moves on
    expect(sim.traced(KT.txnAbort).map((e) => e.b)).toEqual([2]);
    sim.advance('1s');
    sim.publish('Orders', 1, 'customer-1'); // the zombie writes again: refused
    sim.advance('12s');
    const fencedErrors = sim.traced(T.error).filter((e) => e.a === PRODUCER_FENCED);
    expect(fencedErrors.length).toBeGreaterThan(0);
    expect(sim.w.parts.kafka.producers.find((p) => p.name.startsWith('Orders') && p.txn?.fenced)).toBeDefined();
    // The zombie's records were aborted; the new producer's committed.
    expect(sim.processedBy('Billing')).toEqual(fresh);
    expect(old.every((id) => (flagsOf(sim.w.messages, id) & ACKED) === 0)).toBe(true);
    expect(sim.history().lost.count).toBe(0);
  });
});

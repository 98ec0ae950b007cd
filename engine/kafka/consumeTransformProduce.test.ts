/**
 * Consume-transform-produce with sendOffsetsToTransaction (semantics K21): output records and input offsets commit or
 * abort together, so a crash of the transforming service makes no input count twice downstream for read_committed.
 */
import { describe, expect, it } from 'vitest';
import { CAUSED_BY_MESSAGE, causationOf, flagsOf } from '../history/messages.ts';
import { TestSim } from '../testing/testSim.ts';
import { KT } from './trace.ts';

const pipeline = (enricher: string) => `graph LR
  Orders[Order Service] -->|OrderPlaced| OrdersTopic[orders]:::topic
  OrdersTopic -->|subscribe| Enricher[Enricher Service]
  Enricher -->|InvoiceDue| InvoicesTopic[invoices]:::topic
  InvoicesTopic -->|subscribe| Ledger[Ledger Service]
  InvoicesTopic -->|subscribe| Audit[Audit Service]
  %% @config orders partitions=2 replication.factor=3 min.insync.replicas=2
  %% @config invoices partitions=2 replication.factor=3 min.insync.replicas=2
  %% @config Orders rate=200/s key=customerId keys=20
  %% @config Enricher processing=1ms auto.offset.reset=earliest session.timeout.ms=6s heartbeat.interval.ms=2s ${enricher}
  %% @config Ledger processing=0ms auto.offset.reset=earliest isolation.level=read_committed
  %% @config Audit processing=0ms auto.offset.reset=earliest
`;

/** Inputs (orders) whose outputs group \`name\` processed more than once: the effect counted twice downstream. */
function inputsCountedTwice(sim: TestSim, name: string): number {
  const seen = new Map<number, number>();
  for (const id of sim.processedBy(name)) {
    if ((flagsOf(sim.w.messages, id) & CAUSED_BY_MESSAGE) === 0) continue;
    const input = causationOf(sim.w.messages, id);
    seen.set(input, (seen.get(input) ?? 0) + 1);
  }
  let twice = 0;
  for (const n of seen.values()) if (n > 1) twice++;
  return twice;
}

describe('consume-transform-produce', () => {
  const run = (enricher: string) => TestSim.of(pipeline(enricher), { seed: 2, faults: ['6s crash Enricher', '8s restart Enricher'] }).until('25s');

  it('K21: a crash of the transforming service counts no input twice downstream for read_committed', () => {
    const sim = run('transactional.id=enricher-tx transaction.records=20 transaction.ms=100ms');
    const ledger = sim.processedBy('Ledger');
    expect(ledger.length).toBeGreaterThan(3000);
    expect(inputsCountedTwice(sim, 'Ledger')).toBe(0);
    // The crash left a transaction open: its outputs were aborted (read_uncommitted saw them) and its inputs, whose
    // offsets rolled back with it, were processed again.
    expect(sim.traced(KT.txnAbort).length).toBe(1);
    expect(inputsCountedTwice(sim, 'Audit')).toBeGreaterThan(0);
    // Input offsets are committed by the transactions (no commit of the consumer's own), and they advance.
    const g = sim.group('Enricher');
    expect([...g.committed.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(3000);
    expect(sim.history().lost.count).toBe(0);
  });

  it('K21, against it: with an idempotent producer only, the same crash counts inputs twice downstream', () => {
    const sim = run('');
    expect(inputsCountedTwice(sim, 'Ledger')).toBeGreaterThan(0);
  });
});

/**
 * Where a consumer commits decides what a crash costs (semantics C8, C10, C11).
 */
import { describe, expect, it } from 'vitest';
import { TestSim } from '../testing/testSim.ts';

const topology = (commit: string) => `graph LR
  Orders[Order Service] -->|publish| K[Kafka: orders]
  K -->|subscribe| Billing[Billing Service]
  %% @config orders partitions=1
  %% @config Orders rate=100/s key=customerId keys=50
  %% @config Billing processing=5ms max.poll.records=50 auto.offset.reset=earliest session.timeout.ms=6s heartbeat.interval.ms=2s ${commit}
`;

function crashMidStream(commit: string, line: string) {
  const sim = TestSim.of(topology(commit), { seed: 3 }).advance('8s');
  // The restarted consumer joins as a new member; the group waits for the dead one's session to expire.
  sim.fault(line).advance('30s');
  return { sim, h: sim.history(), m: sim.metrics() };
}

describe('delivery semantics under a consumer crash', () => {
  it('C8: auto-commit, crash after processing records not yet committed: they are processed again (duplicates)', () => {
    const { h, m } = crashMidStream('', 'crash-after-processing Billing');
    expect(h.duplicated.count).toBeGreaterThan(0);
    expect(h.lost.count).toBe(0);
    expect(m.lag['Billing']).toBeLessThan(700); // caught up, short of the last auto-commit interval
    // The counterexample names the message and where it sat.
    const d = h.duplicated.examples[0]!;
    expect(d.group).toBe('Billing');
    expect(d.partition).toBeGreaterThanOrEqual(0);
  });

  it('C11: commit after processing, crash before the commit: duplicates, nothing lost (at-least-once)', () => {
    const { sim, h } = crashMidStream('commit=after', 'crash-after-processing Billing');
    expect(h.duplicated.count).toBeGreaterThan(0);
    // Every message acknowledged before the last seconds has been processed at least once.
    const processed = new Set(sim.processedBy('Billing'));
    const acked = sim.w.messages.count - 1;
    let missing = 0;
    for (let id = 1; id < acked - 300; id++) if (!processed.has(id)) missing++;
    expect(missing).toBe(0);
  });

  it('C10: commit before processing, crash before processing: those records are never processed (at-most-once)', () => {
    const { sim, h } = crashMidStream('commit=before', 'crash-before-processing Billing');
    expect(h.duplicated.count).toBe(0);
    const processed = new Set(sim.processedBy('Billing'));
    const skipped: number[] = [];
    for (let id = 1; id < sim.w.messages.count - 300; id++) if (!processed.has(id)) skipped.push(id);
    // The batch polled right before the crash (up to max.poll.records=50) was committed and never processed.
    expect(skipped.length).toBeGreaterThan(0);
    expect(skipped.length).toBeLessThanOrEqual(50);
    // The log still has them: not "lost" from Kafka, lost to this consumer group.
    expect(h.lost.count).toBe(0);
  });

  it('without a crash, every policy processes each record exactly once', () => {
    for (const commit of ['', 'commit=after', 'commit=before']) {
      const sim = TestSim.of(topology(commit), { seed: 5 }).advance('20s');
      const h = sim.history();
      expect(h.duplicated.count, commit).toBe(0);
      expect(h.lost.count, commit).toBe(0);
      expect(sim.metrics().processed, commit).toBeGreaterThan(1500);
    }
  });

  it('a crash before the group has committed anything, with auto.offset.reset=latest: the member that comes back skips what was written meanwhile', () => {
    const at = (reset: string) => {
      // The group's first rebalance waits 3 s (group.initial.rebalance.delay.ms); the crash follows its first poll.
      const text = topology('commit=after').replace('auto.offset.reset=earliest', reset);
      const sim = TestSim.of(text, { seed: 3 }).advance('1s').fault('crash-after-processing Billing').advance('25s');
      return { sim, h: sim.history() };
    };
    const latest = at('auto.offset.reset=latest');
    // Restarted 5 s after the crash with no committed offset, it starts at the log's end: about 5 s of orders skipped.
    expect(latest.h.missed.count).toBeGreaterThan(300);
    expect(latest.h.missed.examples.every((x) => x.why === 'reset')).toBe(true);
    expect(latest.h.lost.count).toBe(0);
    const earliest = at('auto.offset.reset=earliest');
    expect(earliest.h.missed.count).toBe(0);
  });
});


describe("a consumer's work buffer", () => {
  const buffer = (sim: TestSim) => sim.w.parts.kafka.consumers[0]!.workBuffer.ids.length;

  it('grows as polls need it, and never past max.poll.records', () => {
    // Billing starts 3 s behind (the group's initial rebalance delay): its first polls take full batches of 50.
    const busy = TestSim.of(topology(''), { seed: 5 }).advance('10s');
    expect(buffer(busy)).toBe(50);
    // Two orders a second: a poll takes one or two records, and the buffer stays small.
    const quiet = TestSim.of(topology('').replace('rate=100/s', 'rate=2/s'), { seed: 5 }).advance('10s');
    expect(quiet.metrics().processed).toBeGreaterThan(5);
    expect(buffer(quiet)).toBeLessThanOrEqual(16);
  });
});

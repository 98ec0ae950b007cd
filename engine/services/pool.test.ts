/**
 * processing.threads (issue 11 §7, semantics C9): a poll loop that hands records to worker threads lets auto-commit
 * commit records not yet processed, and a crash loses them; committing after the batch completes loses nothing.
 */
import { describe, expect, it } from 'vitest';
import { missedMessages } from '../check/checks.ts';
import { groupPositions } from '../kafka/positions.ts';
import { TestSim } from '../testing/testSim.ts';
import type { Reader } from './types.ts';

// 100 records a second on two partitions; each takes 30 ms, so one thread keeps up with a third of them, four with
// all of them. The producer stops at 10.1 s (crashed) so the group can finish everything before the run ends.
const billing = (consumer: string, processing = '30ms') => `graph LR
  Orders[Order Service] -->|publish| Kafka[Kafka: orders]
  Kafka -->|subscribe| Billing[Billing Service]
  %% @config orders partitions=2
  %% @config Orders rate=100/s key=customerId keys=20
  %% @config Billing auto.offset.reset=earliest auto.commit.interval.ms=1000 processing=${processing} ${consumer}
`;

const readerOf = (s: TestSim, node: string): Reader => {
  const a = s.w.parts.apps;
  return a.readers.find((r) => a.services[r.service]!.node === node)!;
};

/** Runs to 10.1 s, crashes Billing (and the producer), restarts Billing a second later, and lets it catch up. */
function crashMidway(consumer: string) {
  const s = TestSim.of(billing(consumer), { seed: 1 }).advance('10100ms');
  const r = readerOf(s, 'Billing');
  const now = s.w.now;
  // Queued or in progress at the crash: handed to the workers, not finished by now.
  const inFlight = r.pool.filter((x) => x.doneAt > now).map((x) => ({ id: x.id, place: x.place, offset: x.offset }));
  s.crash('Orders').crash('Billing').advance('1s');
  // Where the group will resume: any commit sent before the crash has landed by now.
  const committed = new Map(groupPositions(s.w, r.subscription).map((p) => [p.place, p.committed]));
  s.restart('Billing').advance('60s');
  return { s, inFlight, committed };
}

describe('processing.threads (issue 11 §7, C9)', () => {
  it('C9 baseline: without threads, auto-commit is at-least-once and the same crash loses nothing', () => {
    const { s, inFlight } = crashMidway('');
    expect(inFlight).toEqual([]);
    const h = s.history();
    expect(h.lost.count).toBe(0);
    expect(h.missed.count).toBe(0);
    expect(s.metrics().processed).toBeGreaterThan(0);
  });

  it('C9: with threads and auto-commit, the crash loses exactly the in-flight records the commit had passed', () => {
    const { s, inFlight, committed } = crashMidway('processing.threads=4');
    const passed = inFlight.filter((x) => x.offset < committed.get(x.place)!).map((x) => x.id).sort((a, b) => a - b);
    expect(passed.length).toBeGreaterThan(0);
    const missed = missedMessages(s.w);
    expect(missed.examples.map((m) => m.message).sort((a, b) => a - b)).toEqual(passed);
    expect(missed.examples.every((m) => m.why === 'passed' && m.group === 'Billing')).toBe(true);
    // No broker lost anything: the loss is the consumer's own, and it shows as a finding with ids.
    expect(s.history().lost.count).toBe(0);
    expect(s.history().missed.count).toBe(passed.length);
    const processed = new Set(s.processedBy('Billing'));
    for (const id of passed) expect(processed.has(id)).toBe(false);
    // In-flight records the commit had not reached yet come again after the restart.
    for (const x of inFlight) if (x.offset >= committed.get(x.place)!) expect(processed.has(x.id)).toBe(true);
  });

  it('C9 fixed: with threads and commit=after, the poll loop waits for the batch and the crash loses nothing', () => {
    const { s } = crashMidway('processing.threads=4 commit=after');
    expect(s.history().missed.count).toBe(0);
    expect(s.history().lost.count).toBe(0);
  });

  it('with threads, records that fail and are retried come again: every record is processed, none missed', () => {
    const s = TestSim.of(billing('processing.threads=4 commit=after failure=0.01'), { seed: 4 }).advance('10s');
    s.crash('Orders').advance('30s');
    const h = s.history();
    expect(s.w.metrics.processFailed).toBeGreaterThan(0);
    expect(h.missed.count).toBe(0);
    const processed = new Set(s.processedBy('Billing'));
    const written = [0, 1].flatMap((p) => s.logIds('orders', p));
    expect(written.length).toBeGreaterThan(500);
    expect(written.filter((id) => !processed.has(id))).toEqual([]);
  });

  it('four threads keep up where one cannot: about four times the records processed in the same time', () => {
    const one = TestSim.of(billing(''), { seed: 2 }).advance('10s').metrics().processed;
    const four = TestSim.of(billing('processing.threads=4 commit=after'), { seed: 2 }).advance('10s').metrics().processed;
    // One thread: 30 ms a record, about 330 in 10 s; four keep up with the 100/s that is produced.
    expect(one).toBeLessThan(400);
    expect(four).toBeGreaterThan(900);
  });

  it('records of one key processed side by side can finish out of order: the per-key order checker sees it', () => {
    const run = (consumer: string) => TestSim.of(billing(consumer, 'exp(30ms)'), { seed: 3 }).advance('10s').history().reordered;
    expect(run('').count).toBe(0);
    const threads = run('processing.threads=4');
    expect(threads.count).toBeGreaterThan(0);
    expect(threads.examples[0]!.message).toBeLessThan(threads.examples[0]!.other!);
  });
});

/**
 * An event store as its family runs it: a command handler loads, decides and appends with an expected version; a
 * concurrent command meets a conflict and retries or fails; events are never changed or deleted; a replay from a
 * snapshot yields the state a replay from the start does, and shorter.
 */
import { describe, expect, it } from 'vitest';
import { checkHistory } from '../check/checks.ts';
import { errorName } from '../history/errors.ts';
import { typeOf } from '../history/messages.ts';
import { entries } from '../history/trace.ts';
import { describeEntry } from '../live/queries.ts';
import { TestSim } from '../testing/testSim.ts';
import { WRONG_EXPECTED_VERSION } from './errors.ts';
import { aggregateDetail, eventStoreDetail } from './facts.ts';
import { replay } from './streams.ts';
import { ET } from './trace.ts';

const text = (settings = '', rate = '100/s') => `graph LR
  Client[Client] -->|PlaceOrder| Handler[Command Handler]
  Handler -->|OrderPlaced| ES[(Event Store)]
  %% @config Client rate=${rate}
  %% @config ES ${settings}
`;

const store = (s: TestSim) => s.w.parts.eventstore.stores[0]!;
const traced = (s: TestSim, kind: number) => entries(s.w.trace).filter((e) => e.kind === kind);

describe('an event store', () => {
  it('reads ES[(Event Store)] as an event store a service appends to', () => {
    const s = TestSim.of(text(), { seed: 1 }).until('2s');
    const es = store(s);
    expect(es.node).toBe('ES');
    expect(es.log.length).toBeGreaterThan(150);
    // Every event is an OrderPlaced, in a stream whose versions run 1, 2, 3 ... in append order.
    for (const st of es.streams.values()) expect(st.events).toEqual([...st.events].sort((a, b) => a - b));
    expect(new Set(es.log.map((id) => s.w.messages.types[typeOf(s.w.messages, id)]))).toEqual(new Set(['OrderPlaced']));
  });

  it('optimistic concurrency conflicts: a concurrent command is refused, counted and traced, and its command fails', () => {
    // One aggregate, 200 commands a second, 5 ms between each load and its append: commands overlap on the stream.
    const s = TestSim.of(text('aggregates=1 decide.ms=5', '200/s'), { seed: 3 }).until('3s');
    const es = store(s);
    expect(es.stats.conflicts).toBeGreaterThan(10);
    expect(es.stats.rejected).toBe(es.stats.conflicts);
    // Nothing of a refused append is written: one stream, versions 1..n with no gap, n = appends.
    expect(es.streams.size).toBe(1);
    expect(es.log.length).toBe(es.stats.appends);
    const conflict = traced(s, ET.esConflict)[0]!;
    expect(describeEntry(s.w, conflict).text).toMatch(/refused an append to order-1: expected version \d+, the stream is at \d+/);
    expect(traced(s, ET.esRejected).length).toBe(es.stats.rejected);
    // The caller sees the outcome: failed checkouts with the store's reason.
    const failures = s.w.metrics.checkoutFailures.examples;
    expect(failures.length).toBeGreaterThan(0);
    expect(failures.some((f) => f.code === WRONG_EXPECTED_VERSION)).toBe(true);
    expect(errorName(WRONG_EXPECTED_VERSION)).toBe('wrong expected version');
  });

  it('with conflict.retries a conflicting command loads again and retries, and fewer fail', () => {
    const without = TestSim.of(text('aggregates=1 decide.ms=5', '200/s'), { seed: 3 }).until('3s');
    const withRetries = TestSim.of(text('aggregates=1 decide.ms=5 conflict.retries=5', '200/s'), { seed: 3 }).until('3s');
    const a = store(without).stats;
    const b = store(withRetries).stats;
    expect(b.retries).toBeGreaterThan(0);
    expect(b.rejected).toBeLessThan(a.rejected);
    // Each retry is a new load of the stream.
    expect(b.loads).toBeGreaterThanOrEqual(b.appends + b.rejected + b.retries);
    expect(withRetries.metrics().checkouts.ok).toBeGreaterThan(without.metrics().checkouts.ok);
  });

  it('never deletes an event: a crash loses only the appends in flight, and every appended event is held', () => {
    const s = TestSim.of(text(), { seed: 2 }).until('2s');
    const before = [...store(s).log];
    s.fault('crash ES').advance('1s').fault('restart ES').advance('2s');
    const es = store(s);
    expect(es.log.slice(0, before.length)).toEqual(before);
    expect(es.log.length).toBeGreaterThan(before.length);
    expect(checkHistory(s.w).lost.count).toBe(0);
    expect(s.metrics().checkouts.failed).toBeGreaterThan(50); // refused while it was down
  });

  it('replays with and without snapshots to the same state, and snapshots make the replay shorter', () => {
    const s = TestSim.of(text('snapshot.every=10 aggregates=3'), { seed: 4 }).until('3s');
    const es = store(s);
    expect(es.stats.snapshots).toBeGreaterThan(10);
    for (const st of es.streams.values()) {
      const a = replay(s.w, es, st, st.events.length, true);
      const b = replay(s.w, es, st, st.events.length, false);
      expect(a.state).toEqual(b.state);
      expect(a.state.version).toBe(st.events.length);
      expect(a.replayed).toBeLessThan(10);
      expect(b.replayed).toBe(st.events.length);
    }
    // The inspect contract says the same: replay length (and time) with and without snapshots.
    const d = eventStoreDetail(s.w, 0)!;
    expect(d.replayWith).toBeLessThan(d.replayWithout);
    expect(d.streams[0]!.replayMsWith).toBeLessThan(d.streams[0]!.replayMsWithout);
    const agg = aggregateDetail(s.w, [...es.streams.keys()][0]!)!;
    expect(agg.fromSnapshot.state).toEqual(agg.fromStart.state);
    expect(agg.fromSnapshot.replayed).toBeLessThan(agg.fromStart.replayed);
    expect(agg.events.at(-1)!.state).toEqual(agg.fromStart.state);
    // Loads replayed fewer events than they would have without snapshots.
    expect(es.stats.replayed).toBeLessThan(es.stats.replayedWithout);
    const plain = store(TestSim.of(text('aggregates=3'), { seed: 4 }).until('3s')).stats;
    expect(plain.replayed).toBe(plain.replayedWithout);
  });
});

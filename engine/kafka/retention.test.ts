/**
 * Retention and compaction (semantics S1, S2, S4, S5, S6).
 */
import { describe, expect, it } from 'vitest';
import { TestSim } from '../testing/testSim.ts';
import { applyRetention, compact } from './retention.ts';
import { addFlags, TOMBSTONE, flagsOf, keyOf } from '../history/messages.ts';
import { createReadBuffer, read } from './log.ts';

const topology = (topicConfig: string) => `graph LR
  Orders[Order Service] -->|publish| K[Kafka: orders]
  %% @config orders partitions=1 ${topicConfig}
  %% @config Orders rate=0 size=100 linger.ms=0
`;

describe('retention', () => {
  it('S1: time retention deletes whole segments whose newest record is old enough; the active one goes last, once all of it has expired', () => {
    // 1 KB segments hold 10 records of 100 bytes; keep records for 60 s.
    const sim = TestSim.of(topology('segment.bytes=1000 retention.ms=60000'), { seed: 1 });
    for (let i = 0; i < 25; i++) {
      sim.publish('Orders', 1, `k-${i}`);
      sim.advance('100ms');
    }
    const p = sim.partition('orders', 0);
    expect(p.log.segments.map((s) => s.count)).toEqual([10, 10, 5]);
    sim.advance('30s');
    expect(applyRetention(sim.w, p)).toBe(0); // nothing is older than 60 s yet
    sim.advance('29s');
    expect(applyRetention(sim.w, p)).toBe(10); // the first segment's newest record is past 60 s, the second's not yet
    sim.advance('10s');
    // The rest has expired, the active segment too: Kafka rolls an empty segment and deletes the others (S1, corrected).
    expect(applyRetention(sim.w, p)).toBe(15);
    expect(p.log.startOffset).toBe(25);
    expect(p.log.segments.map((s) => s.count)).toEqual([0]);
    // Offsets go on from where they were.
    sim.publish('Orders', 1, 'k-next');
    sim.advance('100ms');
    expect(p.log.endOffset).toBe(26);
    // Deleted on purpose is not lost.
    expect(sim.history().lost.count).toBe(0);
  });

  it('S1: the broker checks retention on its own every log.retention.check.interval.ms', () => {
    const sim = TestSim.of(topology('segment.bytes=1000 retention.ms=1000'), { seed: 1 });
    for (let i = 0; i < 30; i++) {
      sim.publish('Orders', 1, `k-${i}`);
      sim.advance('10ms');
    }
    sim.advance('4m');
    expect(sim.partition('orders', 0).log.startOffset).toBe(0); // the first check is at 5 minutes
    sim.advance('2m');
    expect(sim.partition('orders', 0).log.startOffset).toBe(30); // every record has expired, the active segment's too
  });

  it('S2: size retention never takes a partition below retention.bytes', () => {
    const sim = TestSim.of(topology('segment.bytes=1000 retention.bytes=2000'), { seed: 1 });
    for (let i = 0; i < 45; i++) {
      sim.publish('Orders', 1, `k-${i}`);
      sim.advance('20ms');
    }
    const p = sim.partition('orders', 0);
    // 4,500 bytes: a segment goes only while what remains is still at least 2,000 (deleting a third would leave 1,500).
    expect(applyRetention(sim.w, p)).toBe(20);
    expect(p.log.segments.map((s) => s.bytes)).toEqual([1000, 1000, 500]);
  });

  it('S2: size retention keeps each partition under retention.bytes by dropping its oldest segments', () => {
    const sim = TestSim.of(topology('segment.bytes=1000 retention.bytes=2500'), { seed: 1 });
    for (let i = 0; i < 45; i++) {
      sim.publish('Orders', 1, `k-${i}`);
      sim.advance('20ms');
    }
    const p = sim.partition('orders', 0);
    expect(p.log.segments.map((s) => s.count)).toEqual([10, 10, 10, 10, 5]);
    expect(applyRetention(sim.w, p)).toBe(20); // 4,500 bytes: drop segments until under 2,500
    expect(p.log.segments.map((s) => s.bytes)).toEqual([1000, 1000, 500]);
  });
});

describe('compaction', () => {
  function compacted() {
    const sim = TestSim.of(topology('segment.bytes=1000 cleanup.policy=compact'), { seed: 1 });
    const ids: number[] = [];
    // Keys a, b, c written in turn; each write supersedes the last for its key.
    for (let i = 0; i < 25; i++) {
      ids.push(...sim.publish('Orders', 1, ['a', 'b', 'c'][i % 3]!));
      sim.advance('10ms');
    }
    return { sim, ids, p: sim.partition('orders', 0) };
  }

  it('S4: keeps at least the latest value of each key in the cleaned segments', () => {
    const { sim, p } = compacted();
    const removed = compact(sim.w, p, true);
    expect(removed).toBeGreaterThan(0);
    const keys = p.log.segments.slice(0, -1).flatMap((s) => Array.from(s.ids.subarray(0, s.count), (id) => keyOf(sim.w.messages, id)));
    expect(new Set(keys).size).toBe(keys.length); // one record per key left in the cleaned part
    expect(p.log.segments.at(-1)!.count).toBe(5); // the active segment is untouched (S7)
  });

  it('S5: offsets never change, and reading a compacted-away offset returns the next record that exists', () => {
    const { sim, p, ids } = compacted();
    compact(sim.w, p, true);
    const out = createReadBuffer(64);
    read(p.log, 0, 100, 64, out);
    const offsets = Array.from(out.offsets.subarray(0, out.count));
    // Every surviving record keeps the offset it was written at.
    for (let i = 0; i < out.count; i++) expect(out.ids[i]).toBe(ids[offsets[i]!]);
    expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
    read(p.log, 1, 100, 1, out); // offset 1 (key b) was superseded: the read starts at the next surviving one
    expect(out.offsets[0]).toBeGreaterThan(1);
    expect(p.log.endOffset).toBe(25);
  });

  it('S6: a tombstone deletes older values of its key and is itself removed after delete.retention.ms', () => {
    const sim = TestSim.of(topology('segment.bytes=1000 cleanup.policy=compact delete.retention.ms=60000'), { seed: 1 });
    const one = (key: string) => {
      const id = sim.publish('Orders', 1, key)[0]!;
      sim.advance('10ms'); // one record per batch, as a slow producer would send them
      return id;
    };
    const a = [one('a'), one('a'), one('a')];
    const tomb = one('a');
    addFlags(sim.w.messages, tomb, TOMBSTONE);
    for (let i = 0; i < 20; i++) one(`z${i}`);
    const p = sim.partition('orders', 0);
    compact(sim.w, p, true);
    const held = () => p.log.segments.flatMap((s) => Array.from(s.ids.subarray(0, s.count)));
    expect(held()).not.toContain(a[0]);
    expect(held()).toContain(tomb); // kept so that consumers can see the delete
    sim.advance('2m');
    compact(sim.w, p, true);
    expect(held()).not.toContain(tomb);
    expect(flagsOf(sim.w.messages, tomb) & TOMBSTONE).toBe(TOMBSTONE);
  });
});

describe('quiet logs clean up (issue 11 §5, S7)', () => {
  const quiet = (topicConfig: string) => topology(`cleanup.policy=compact segment.ms=1s ${topicConfig}`) + '  %% @config K log.retention.check.interval.ms=1s\n';
  const held = (sim: TestSim) => sim.partition('orders', 0).log.segments.flatMap((s) => Array.from(s.ids.subarray(0, s.count)));

  it('a tombstone goes delete.retention.ms after its first cleaning though nothing is written any more (KIP-534)', () => {
    const sim = TestSim.of(quiet('delete.retention.ms=5s'), { seed: 1 });
    sim.publish('Orders', 3, 'a');
    const tomb = sim.publish('Orders', 1, 'a')[0]!;
    addFlags(sim.w.messages, tomb, TOMBSTONE);
    sim.advance('1500ms');
    sim.publish('Orders', 1, 'b'); // rolls the segment: the tombstone's segment may now be cleaned
    sim.advance('3s');
    expect(held(sim)).toContain(tomb); // cleaned once: kept so that consumers see the delete
    sim.advance('10s');
    expect(held(sim)).not.toContain(tomb);
  });

  it('a record younger than min.compaction.lag.ms at one pass is compacted at a later one, on a log that went quiet', () => {
    const sim = TestSim.of(quiet('min.compaction.lag.ms=5s'), { seed: 1 });
    const old = sim.publish('Orders', 1, 'a')[0]!;
    sim.publish('Orders', 1, 'a');
    sim.advance('1500ms');
    sim.publish('Orders', 1, 'b');
    sim.advance('2s');
    expect(held(sim)).toContain(old); // too young to be compacted yet
    sim.advance('10s');
    expect(held(sim)).not.toContain(old);
  });

  it('max.compaction.lag.ms cleans a log whose dirty share stays under min.cleanable.dirty.ratio', () => {
    const run = (extra: string) => {
      const sim = TestSim.of(quiet(`min.cleanable.dirty.ratio=0.5 ${extra}`), { seed: 1 });
      const old = sim.publish('Orders', 1, 'a')[0]!;
      for (let i = 0; i < 9; i++) sim.publish('Orders', 1, `k-${i}`);
      sim.advance('1500ms');
      sim.publish('Orders', 1, 'b'); // rolls: the ten records are cleaned (all dirty), and the old 'a' stays: it is the newest 'a'
      sim.advance('1500ms');
      sim.publish('Orders', 1, 'a'); // a new value of 'a', in a segment that stays two records dirty out of twelve
      sim.advance('1500ms');
      sim.publish('Orders', 1, 'c');
      sim.advance('20s');
      return held(sim).includes(old);
    };
    expect(run('')).toBe(true);
    expect(run('max.compaction.lag.ms=10s')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { append, createLog, createReadBuffer, deleteOldSegments, idAt, read, truncateTo } from './log.ts';

const roll = { segmentBytes: 100, segmentUs: 1e12 };
const ids = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);

describe('partition log', () => {
  it('appends batches at consecutive offsets and rolls segments by size', () => {
    const log = createLog();
    expect(append(log, ids(1, 3), 0, 3, 60, 10, 0, roll)).toBe(0);
    expect(append(log, ids(4, 3), 0, 3, 60, 20, 0, roll)).toBe(3); // 120 bytes > 100: new segment
    expect(log.segments.map((s) => [s.baseOffset, s.count])).toEqual([[0, 3], [3, 3]]);
    expect(log.endOffset).toBe(6);
    expect([idAt(log, 0), idAt(log, 5), idAt(log, 6)]).toEqual([1, 6, 0]);
  });

  it('reads a range across segments, bounded by upTo and max', () => {
    const log = createLog();
    for (let b = 0; b < 5; b++) append(log, ids(b * 4 + 1, 4), 0, 4, 60, b, 0, roll);
    const out = createReadBuffer(64);
    read(log, 2, 11, 100, out);
    expect(Array.from(out.offsets.subarray(0, out.count))).toEqual(ids(2, 9));
    expect(out.next).toBe(11);
    read(log, 2, 20, 5, out);
    expect(Array.from(out.ids.subarray(0, out.count))).toEqual([3, 4, 5, 6, 7]);
    expect(out.next).toBe(7);
  });

  it('truncates from the end, across segments', () => {
    const log = createLog();
    for (let b = 0; b < 3; b++) append(log, ids(b * 4 + 1, 4), 0, 4, 60, b, 0, roll);
    expect(truncateTo(log, 5)).toBe(7);
    expect(log.endOffset).toBe(5);
    expect(log.segments.length).toBe(2);
    expect(append(log, [99], 0, 1, 10, 9, 0, roll)).toBe(5);
    expect(idAt(log, 5)).toBe(99);
  });

  it('deletes whole old segments but never the active one', () => {
    const log = createLog();
    for (let b = 0; b < 3; b++) append(log, ids(b * 4 + 1, 4), 0, 4, 60, b, 0, roll);
    const gone: number[] = [];
    deleteOldSegments(log, () => true, (id) => gone.push(id));
    expect(gone).toEqual(ids(1, 8));
    expect(log.startOffset).toBe(8);
    expect(log.segments.length).toBe(1);
    expect(idAt(log, 7)).toBe(0);
    const out = createReadBuffer(8);
    read(log, 0, 100, 8, out);
    expect(out.offsets[0]).toBe(8);
  });

  it('writes past what a snapshot reads in the shared buffer, and copies it before writing where a snapshot reads', () => {
    const big = { segmentBytes: 1e9, segmentUs: 1e12 };
    const log = createLog();
    append(log, ids(1, 10), 0, 10, 10, 0, 0, big);
    const seg = log.segments[0]!;
    seg.frozen = seg.count; // a snapshot now shares the buffer up to here (kafka/sharedLogs.ts)
    const snapshot = { ...seg };
    append(log, ids(11, 5), 0, 5, 5, 0, 0, big);
    expect(seg.ids).toBe(snapshot.ids); // appended past the snapshot's records: nothing copied
    truncateTo(log, 4);
    append(log, ids(100, 3), 0, 3, 3, 0, 0, big); // offsets 4..6, where the snapshot still reads 5..7
    expect(seg.ids).not.toBe(snapshot.ids);
    expect(seg.frozen).toBe(0);
    expect(Array.from(snapshot.ids.subarray(0, snapshot.count))).toEqual(ids(1, 10));
    expect([idAt(log, 3), idAt(log, 4), idAt(log, 6), idAt(log, 7)]).toEqual([4, 100, 102, 0]);
  });
});

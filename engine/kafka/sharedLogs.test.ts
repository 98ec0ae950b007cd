import { describe, expect, it } from 'vitest';
import { append, createLog, truncateTo, type Log } from './log.ts';
import { detachLogs, reattachLogs, shareLogs } from './sharedLogs.ts';
import type { World } from '../world.ts';

const roll = { segmentBytes: 1e9, segmentUs: 1e12 };
const worldOf = (log: Log) => ({ parts: { kafka: { partitions: [{ log }] } } }) as unknown as World;
const records = (log: Log) => log.segments.flatMap((s) => Array.from(s.ids.subarray(0, s.count)));

describe('logs shared with snapshots', () => {
  it('leave the records a snapshot took as they were, whoever writes next', () => {
    const live = worldOf(createLog());
    const log = live.parts.kafka.partitions[0]!.log;
    append(log, [1, 2, 3, 4, 5, 6], 0, 6, 6, 0, 0, roll);
    // The first snapshot reads six records; the live run truncates to four and a second snapshot shares the same
    // buffer reading four: a world restored from the second must not write where the first reads.
    const first = worldOf(createLog());
    let held = detachLogs(live);
    reattachLogs(live, held);
    shareLogs(first, held);
    truncateTo(log, 4);
    const second = worldOf(createLog());
    held = detachLogs(live);
    reattachLogs(live, held);
    shareLogs(second, held);
    expect(second.parts.kafka.partitions[0]!.log.segments[0]!.ids).toBe(first.parts.kafka.partitions[0]!.log.segments[0]!.ids);

    const restored = worldOf(createLog());
    const fromSecond = detachLogs(second);
    reattachLogs(second, fromSecond);
    shareLogs(restored, fromSecond);
    append(restored.parts.kafka.partitions[0]!.log, [70, 80], 0, 2, 2, 0, 0, roll);
    append(log, [90], 0, 1, 1, 0, 0, roll);

    expect(records(first.parts.kafka.partitions[0]!.log)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(records(second.parts.kafka.partitions[0]!.log)).toEqual([1, 2, 3, 4]);
    expect(records(restored.parts.kafka.partitions[0]!.log)).toEqual([1, 2, 3, 4, 70, 80]);
    expect(records(log)).toEqual([1, 2, 3, 4, 90]);
  });
});

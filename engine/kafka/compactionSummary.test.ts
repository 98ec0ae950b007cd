/**
 * The run's summary says what compaction left of a compacted topic: records and tombstones written, records kept for
 * how many keys, tombstones not yet removed (docs/topologies/profiles-compacted.mmd, the README's example).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FAMILIES } from '../components.ts';
import { TestSim } from '../testing/testSim.ts';

const text = readFileSync(new URL('../../docs/topologies/profiles-compacted.mmd', import.meta.url), 'utf8');

describe("a compacted topic's line in the summary", () => {
  it('counts what was written and what compaction kept, tombstones apart', () => {
    const s = TestSim.of(text, { seed: 1, traceCapacity: 16 }).until('60s');
    const line = FAMILIES.find((f) => f.name === 'kafka')!.summary!(s.w).split('\n').map((l) => l.trim()).find((l) => l.startsWith('profiles (compacted)'))!;
    const [written, deletes, kept, keys, left] = [...line.matchAll(/\d[\d,]*/g)].map((x) => Number(x[0].replace(/,/g, '')));
    expect(written).toBeGreaterThan(10_000);
    expect(deletes).toBeGreaterThan(written! / 10);
    // Compaction keeps about one record per key per cleaned segment, and drops tombstones after delete.retention.ms.
    expect(kept).toBeLessThan(written! / 5);
    expect(keys).toBeLessThanOrEqual(100);
    expect(left).toBeLessThan(deletes! / 5);
  });
});

import { describe, expect, it } from 'vitest';
import type { World } from '../world.ts';
import type { Database } from './part.ts';
import { appendRow, createRows, indexOfRow, rowCommittedAt, rowIds, sharedRows } from './rows.ts';

/** A world holding one database's rows: all the shared-data hooks read. */
const worldOf = (db: Pick<Database, 'rows'>) => ({ parts: { stores: { databases: [db] } } }) as unknown as Omit<World, 'trace'>;
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

describe("a database's rows", () => {
  it('append in order across chunks and read back with their commit times', () => {
    const r = createRows();
    for (const id of range(1, 3000)) appendRow(r, id, id * 10);
    expect(r.count).toBe(2999);
    expect(rowIds(r)).toEqual(range(1, 3000));
    expect(indexOfRow(r, 2500)).toBe(2499);
    expect(indexOfRow(r, 9999)).toBe(-1);
    expect(rowCommittedAt(r, 2499)).toBe(25_000);
  });

  it('are shared with a snapshot, not copied, and neither world sees the other append', () => {
    const live = { rows: createRows() };
    for (const id of range(1, 1500)) appendRow(live.rows, id, 0);
    // A snapshot: the world without its chunks is cloned, then given lists of the same chunks.
    const held = sharedRows.detach(worldOf(live));
    const snap = { rows: structuredClone(live.rows) };
    sharedRows.reattach(worldOf(live), held);
    sharedRows.share(worldOf(snap), held);
    expect(snap.rows.ids[1]).toBe(live.rows.ids[1]);
    // The live world appends past what the snapshot reads, in place.
    for (const id of range(1500, 1600)) appendRow(live.rows, id, 0);
    expect(live.rows.ids[1]).toBe(snap.rows.ids[1]);
    expect(rowIds(snap.rows)).toEqual(range(1, 1500));
    // A world restored from the snapshot shares its last chunk with the live one, which reads further: it copies
    // the chunk before appending, so the rows the other world has there stay its own.
    const restored = { rows: structuredClone(snap.rows) };
    const again = sharedRows.detach(worldOf(snap));
    sharedRows.reattach(worldOf(snap), again);
    sharedRows.share(worldOf(restored), again);
    for (const id of range(7000, 7200)) appendRow(restored.rows, id, 0);
    expect(rowIds(live.rows)).toEqual(range(1, 1600));
    expect(rowIds(snap.rows)).toEqual(range(1, 1500));
    expect(rowIds(restored.rows)).toEqual([...range(1, 1500), ...range(7000, 7200)]);
    expect(restored.rows.ids[0]).toBe(live.rows.ids[0]); // full chunks stay shared
  });
});

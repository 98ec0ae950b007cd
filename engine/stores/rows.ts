/**
 * A database's committed rows: message ids in commit order, with when each committed. The table only grows, so it is
 * kept in chunks of 1,024 rows that snapshots share instead of copying (Family.shared, live/snapshots.ts): a snapshot
 * reads its first `count` rows, and the world it was taken of appends past them, in place. A world restored from a
 * snapshot may share its last chunk with a later snapshot that reads further, so it copies that chunk before it
 * appends (`shared`). Copied per snapshot, the 300-node benchmark's 24 databases were up to 2 MB of each.
 */
import type { World } from '../world.ts';

const SHIFT = 10;
const CHUNK = 1 << SHIFT;
const MASK = CHUNK - 1;

export interface Rows {
  count: number;
  ids: Uint32Array[];
  at: Float64Array[];
  /** Another world may read the last chunk past `count`: copy it before appending. */
  shared: boolean;
}

export function createRows(): Rows {
  return { count: 0, ids: [], at: [], shared: false };
}

export function appendRow(r: Rows, id: number, at: number): void {
  const c = r.count >>> SHIFT;
  if (c === r.ids.length) {
    r.ids.push(new Uint32Array(CHUNK));
    r.at.push(new Float64Array(CHUNK));
  } else if (r.shared) {
    r.ids[c] = r.ids[c]!.slice();
    r.at[c] = r.at[c]!.slice();
  }
  r.shared = false;
  r.ids[c]![r.count & MASK] = id;
  r.at[c]![r.count & MASK] = at;
  r.count++;
}

export const rowId = (r: Rows, i: number): number => r.ids[i >>> SHIFT]![i & MASK]!;
export const rowCommittedAt = (r: Rows, i: number): number => r.at[i >>> SHIFT]![i & MASK]!;

/** The position of message `id` in the table, or -1. */
export function indexOfRow(r: Rows, id: number): number {
  for (let i = 0; i < r.count; i++) if (rowId(r, i) === id) return i;
  return -1;
}

/** The table's message ids, in commit order (a copy). */
export function rowIds(r: Rows): number[] {
  const out = new Array<number>(r.count);
  for (let i = 0; i < r.count; i++) out[i] = rowId(r, i);
  return out;
}

type Held = { ids: Uint32Array[]; at: Float64Array[] }[];

/** Family.shared for the stores: the databases' row chunks. */
export const sharedRows = {
  detach(w: Omit<World, 'trace'>): Held {
    return w.parts.stores.databases.map((db) => {
      const held = { ids: db.rows.ids, at: db.rows.at };
      db.rows.ids = [];
      db.rows.at = [];
      return held;
    });
  },
  reattach(w: Omit<World, 'trace'>, held: unknown): void {
    (held as Held).forEach((h, i) => Object.assign(w.parts.stores.databases[i]!.rows, h));
  },
  share(w: Omit<World, 'trace'>, held: unknown): void {
    (held as Held).forEach((h, i) => Object.assign(w.parts.stores.databases[i]!.rows, { ids: h.ids.slice(), at: h.at.slice(), shared: true }));
  },
  buffers(w: Omit<World, 'trace'>, out: (buffer: ArrayBufferView) => void): void {
    for (const db of w.parts.stores.databases) {
      for (const b of db.rows.ids) out(b);
      for (const b of db.rows.at) out(b);
    }
  },
};

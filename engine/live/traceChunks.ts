/**
 * The trace entries snapshots keep (live/snapshots.ts): chunks of the entries written between two snapshots, their
 * columns packed into the narrowest arrays that hold them, and the ring rebuilt from them on restore.
 */
import type { Trace } from '../history/trace.ts';

type Columns = Pick<Trace, 'time' | 'kind' | 'node' | 'part' | 'a' | 'b' | 'c'>;
const COLUMNS = ['time', 'kind', 'node', 'part', 'a', 'b', 'c'] as const;
/** Bytes of one trace entry across the columns. */
export const RING_ENTRY_BYTES = 8 + 1 + 4 + 4 + 8 + 8 + 4;

/**
 * A column of trace entries as a chunk keeps it: each value less `base`, in the narrowest array that holds them all
 * exactly. The ring's doubles are mostly integers of a small range (times in a few seconds' microseconds, message ids,
 * counts), so a 300-node chunk of 262,144 entries keeps 16 of their 37 bytes, and a snapshot costs that much less.
 */
export interface Packed {
  data: Float64Array | Int32Array | Uint32Array | Uint16Array | Uint8Array;
  base: number;
}

/** Trace entries [from, to) as the run wrote them. */
export interface TraceChunk {
  from: number;
  to: number;
  columns: Record<(typeof COLUMNS)[number], Packed>;
}

export function copyNewEntries(t: Trace, from: number): TraceChunk | null {
  const start = Math.max(from, t.written - t.capacity);
  if (start >= t.written) return null;
  const n = t.written - start;
  const columns = {} as TraceChunk['columns'];
  const i = start % t.capacity;
  const first = Math.min(n, t.capacity - i);
  // Straight from the ring, in at most two runs (it may wrap): one pass to size the values, one to write them packed.
  for (const name of COLUMNS) {
    const src = t[name];
    columns[name] = first < n ? pack(src.subarray(i, i + first), src.subarray(0, n - first)) : pack(src.subarray(i, i + n));
  }
  return { from: start, to: t.written, columns };
}

/**
 * The values of `runs`, one after the other, in a new array: the narrowest that holds each of them less their least
 * exactly, or one like the runs' when they are not all integers.
 */
export function pack(...runs: Columns[keyof Columns][]): Packed {
  let min = Infinity;
  let max = -Infinity;
  let integers = true;
  let length = 0;
  for (const run of runs) {
    length += run.length;
    for (let i = 0; integers && i < run.length; i++) {
      const v = run[i]!;
      // -0 would come back as 0, and NaN or a fraction not at all: such a column stays as it is.
      if (!Number.isInteger(v) || Object.is(v, -0)) integers = false;
      else {
        if (v < min) min = v;
        if (v > max) max = v;
      }
    }
  }
  const like = runs[0]!;
  const range = max - min;
  const Narrow = !integers || length === 0 ? null : range < 2 ** 8 ? Uint8Array : range < 2 ** 16 ? Uint16Array : range < 2 ** 32 ? Uint32Array : null;
  if (!Narrow || Narrow.BYTES_PER_ELEMENT >= like.BYTES_PER_ELEMENT) {
    const data = new (like.constructor as new (n: number) => Packed['data'])(length);
    let at = 0;
    for (const run of runs) {
      data.set(run, at);
      at += run.length;
    }
    return { data, base: 0 };
  }
  const data = new Narrow(length);
  let at = 0;
  for (const run of runs) for (let i = 0; i < run.length; i++) data[at++] = run[i]! - min;
  return { data, base: min };
}

/** Writes packed values [from, to) into `into` from index `at`, as they were before packing. */
export function unpack(p: Packed, from: number, to: number, into: Columns[keyof Columns], at: number): void {
  into.set(p.data.subarray(from, to), at);
  if (p.base !== 0) for (let i = at, end = at + (to - from); i < end; i++) into[i] = into[i]! + p.base;
}

export function sliceChunk(c: TraceChunk, from: number, to: number): TraceChunk {
  const columns = {} as TraceChunk['columns'];
  for (const name of COLUMNS) columns[name] = { data: c.columns[name].data.slice(from - c.from, to - c.from), base: c.columns[name].base };
  return { from, to, columns };
}

/**
 * The trace as it was when `written` entries had been written, rebuilt in `into`'s arrays (the ring of the world being
 * dropped for the restored one: reusing it spares allocating, and then collecting, its megabytes on every seek).
 * Column by column, in runs: a seek at 300 nodes rebuilds 262,144 entries.
 */
export function rebuildTrace(chunks: readonly TraceChunk[], written: number, into: Trace): Trace {
  const t = into;
  t.written = written;
  const start = Math.max(0, written - t.capacity);
  // Slots the run had not reached yet read as a fresh ring's (zeros): the world's hash covers the whole ring.
  if (written < t.capacity) for (const name of COLUMNS) t[name].fill(0, written);
  for (const c of chunks) {
    const from = Math.max(c.from, start);
    const to = Math.min(c.to, written);
    // [from, to) lands in the ring at from % capacity, wrapping at most once (to - from <= capacity).
    for (let s = from; s < to; ) {
      const i = s % t.capacity;
      const n = Math.min(to - s, t.capacity - i);
      const k = s - c.from;
      for (const name of COLUMNS) unpack(c.columns[name], k, k + n, t[name], i);
      s += n;
    }
  }
  return t;
}

export function chunkBytes(c: TraceChunk): number {
  let n = 0;
  for (const name of COLUMNS) n += c.columns[name].data.byteLength;
  return n;
}

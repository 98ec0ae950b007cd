/**
 * The trace entries snapshots keep (live/snapshots.ts): chunks of the entries written between two snapshots, their
 * columns packed into the narrowest arrays that hold them (and deflated once the budget is pressed), and the ring
 * rebuilt from them on restore.
 */
import { deflateSync, inflateSync } from 'fflate';
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

/**
 * A packed column deflated (level 1), as a chunk keeps it once the snapshots' budget is pressed (`deflateChunks`). The
 * ring's entries repeat a lot (a few kinds, a few hundred nodes, small counts), so at 300 nodes a full chunk of 262,144
 * entries keeps about 4 of the 16 packed bytes per entry; in the 300-node benchmark the trace chunks had been 230 of the
 * 512 MiB the snapshots may hold. The time column is kept as differences from the entry before (they are small;
 * wrapping around in the array's width gives the times back exactly). Deflating a full chunk takes about 80 ms in
 * node, inflating it for a restore about 25: a small world, whose snapshots fit anyway, is spared both.
 */
export interface Stored {
  z: Uint8Array;
  length: number;
  base: number;
  /** The packed array's constructor, by index in ARRAYS. */
  array: number;
  delta: boolean;
}

const ARRAYS = [Float64Array, Int32Array, Uint32Array, Uint16Array, Uint8Array] as const;

/** Trace entries [from, to) as the run wrote them. */
export interface TraceChunk {
  from: number;
  to: number;
  columns: Record<(typeof COLUMNS)[number], Packed | Stored>;
}

export const isStored = (c: Packed | Stored): c is Stored => 'z' in c;

/** Deflates a packed column; `delta` stores an integer column as differences (a float column never is). */
export function store(p: Packed, delta: boolean): Stored {
  const array = ARRAYS.findIndex((A) => p.data instanceof A);
  const d = delta && !(p.data instanceof Float64Array);
  let data = p.data;
  if (d) {
    data = data.slice();
    for (let i = data.length - 1; i > 0; i--) data[i] = data[i]! - data[i - 1]!;
  }
  return { z: deflateSync(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), { level: 1 }), length: p.data.length, base: p.base, array, delta: d };
}

/** The packed column a stored one was made from (or the packed one itself). */
export function load(s: Packed | Stored): Packed {
  if (!isStored(s)) return s;
  const A = ARRAYS[s.array]!;
  const data = new A(s.length);
  if (s.length > 0) inflateSync(s.z, { out: new Uint8Array(data.buffer) });
  if (s.delta) for (let i = 1; i < data.length; i++) data[i] = data[i]! + data[i - 1]!;
  return { data, base: s.base };
}

/** Deflates the columns of every chunk not deflated yet; returns whether there was any. */
export function deflateChunks(chunks: readonly TraceChunk[]): boolean {
  let any = false;
  for (const c of chunks) {
    for (const name of COLUMNS) {
      const col = c.columns[name];
      if (isStored(col)) continue;
      c.columns[name] = store(col, name === 'time');
      any = true;
    }
  }
  return any;
}

export function copyNewEntries(t: Trace, from: number): TraceChunk | null {
  const start = Math.max(from, t.written - t.capacity);
  if (start >= t.written) return null;
  const n = t.written - start;
  const packed = {} as Record<(typeof COLUMNS)[number], Packed>;
  const i = start % t.capacity;
  const first = Math.min(n, t.capacity - i);
  // Straight from the ring, in at most two runs (it may wrap): one pass to size the values, one to write them packed.
  for (const name of COLUMNS) {
    const src = t[name];
    packed[name] = first < n ? pack(src.subarray(i, i + first), src.subarray(0, n - first)) : pack(src.subarray(i, i + n));
  }
  return { from: start, to: t.written, columns: packed };
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
  const packed = {} as Record<(typeof COLUMNS)[number], Packed>;
  for (const name of COLUMNS) {
    const p = load(c.columns[name]);
    packed[name] = { data: p.data.slice(from - c.from, to - c.from), base: p.base };
  }
  return { from, to, columns: packed };
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
    if (from >= to) continue;
    const columns = {} as Record<(typeof COLUMNS)[number], Packed>;
    for (const name of COLUMNS) columns[name] = load(c.columns[name]);
    // [from, to) lands in the ring at from % capacity, wrapping at most once (to - from <= capacity).
    for (let s = from; s < to; ) {
      const i = s % t.capacity;
      const n = Math.min(to - s, t.capacity - i);
      const k = s - c.from;
      for (const name of COLUMNS) unpack(columns[name], k, k + n, t[name], i);
      s += n;
    }
  }
  return t;
}

export function chunkBytes(c: TraceChunk): number {
  let n = 0;
  for (const name of COLUMNS) {
    const col = c.columns[name];
    n += isStored(col) ? col.z.byteLength : col.data.byteLength;
  }
  return n;
}

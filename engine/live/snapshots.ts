/**
 * The snapshots a live session scrubs back with, within a memory budget. These things keep them small:
 * - The trace ring (the largest part of a world, and mostly the same from one snapshot to the next) is kept once,
 *   as chunks of the entries written between snapshots; restoring rebuilds a snapshot's ring from them, entry for
 *   entry as the run had it (the world's hash, which covers the ring, is the same).
 * - Snapshots are spaced by events, not time, since replaying events is what a seek costs; when the budget is
 *   exceeded the snapshot whose neighbours are nearest each other is dropped and the spacing follows the gaps, so a
 *   long run keeps an even coverage with as many snapshots as the budget holds.
 * - The trace chunks keep their columns packed: each value less the column's least, in the narrowest integer array
 *   that holds them (traceChunks.ts), less than half the ring's bytes; once the budget is pressed they are deflated
 *   too, to about a quarter of that.
 * - The message table and the checkers' bits of messages processed (`seen`, per consumer group) are in chunks that
 *   snapshots share with the live world and each other: a snapshot copies the lists of chunks, and the live world
 *   copies a chunk before it writes it again (history/messages.ts, check/state.ts). Between two snapshots a run
 *   writes only its newest chunks, so a snapshot of a 10-minute 300-node run copies a few MB of them, not 140. The
 *   charts' per-second samples never change once taken: each snapshot lists the same sample objects (at 300 nodes and
 *   10 minutes, 600 samples of 40 entry points each, 0.6 MB and a third of the objects a copy made).
 * - Families share their large data the same way (Family.shared): a snapshot holds Kafka's record buffers and the
 *   databases' row chunks, not copies; the log copies a buffer before writing where a snapshot reads
 *   (kafka/sharedLogs.ts), and a table only grows (stores/rows.ts).
 * - What is copied is kept lean: buffers grow as they are used, not to their limit up front, and histories that only
 *   grow are shared or trimmed (a snapshot of a 10-minute 300-node run copies under 5 MB).
 * The budget counts what the snapshots add to the live world (`total`): their copies, the trace chunks, and the shared
 * chunks the live world no longer has. It holds even when one world nearly fills it: a snapshot that would not fit
 * beside the first is not taken (seeks past it replay from an earlier one: slower, not fatal). And a world that
 * outgrows what a browser tab can hold stops the run with a message: past it, a worker's out-of-memory takes the whole
 * tab down.
 */
import { FAMILIES } from '../components.ts';
import type { Trace } from '../history/trace.ts';
import type { Chunk } from '../history/messages.ts';
import type { Sample } from '../metrics/metrics.ts';
import { RING_ENTRY_BYTES, chunkBytes, copyNewEntries, deflateChunks, rebuildTrace, sliceChunk, type TraceChunk } from './traceChunks.ts';
import type { Spec } from '../model/spec.ts';
import { formatDuration } from '../sim/time.ts';
import type { World } from '../world.ts';

/**
 * The largest world a run may grow to (estimated as `bytesOf` does). The live world, the snapshots' budget and the
 * copy a snapshot makes must fit in the worker's heap (about 4 GB in Chromium) with room to spare.
 */
export const WORLD_BYTES_MAX = 2 ** 30;

export interface Snapshot {
  atUs: number;
  events: number;
  /** The world without its trace ring (rebuilt from the chunks on restore). */
  world: Omit<World, 'trace'>;
  spec: Spec;
  /** The trace's `written` count at the snapshot. */
  traceWritten: number;
  /**
   * What the snapshot added to the store when it was taken, estimated: its copy, and the shared chunks and buffers the
   * one before lacked (read for the first snapshot, which a new one must fit beside; `total` counts the store).
   */
  bytes: number;
  /** The size of the copy it made (everything but the trace and the shared chunks). */
  copied: number;
}

export interface SnapshotStore {
  list: Snapshot[];
  chunks: TraceChunk[];
  /** Trace entries up to here are in `chunks`. */
  traceTo: number;
  /** Events between snapshots; grows with the gaps whenever the budget forces thinning. */
  everyEvents: number;
  bytesMax: number;
  /** A world past this stops the run (WORLD_BYTES_MAX; tests lower it). */
  worldBytesMax: number;
  /** Events at the last snapshot that did not fit: the next try waits a spacing from there, not from the last one. */
  skippedAt: number;
  /**
   * How many snapshots hold each shared chunk and buffer, and the bytes of them all (each once): kept as snapshots
   * come and go, so that `total` walks the live world's parts only, not every snapshot's (which, at 50 snapshots of
   * 20,000 parts each, was a tenth of the time a 300-node run took to make).
   */
  held: Map<object, number>;
  heldBytes: number;
}

export function createSnapshotStore(everyEvents: number, bytesMax: number): SnapshotStore {
  return { list: [], chunks: [], traceTo: 0, everyEvents, bytesMax, worldBytesMax: WORLD_BYTES_MAX, skippedAt: 0, held: new Map(), heldBytes: 0 };
}

/**
 * Copying a world costs about as much as simulating one event per 400 of its bytes would (structuredClone against
 * the event loop, measured on the 300-node benchmark); spacing snapshots at least that far keeps the copying under a
 * fifth of the run's time, however large the world.
 */
const BYTES_PER_SPACING_EVENT = 400;

/** Whether the world has moved far enough past the last snapshot to take another. */
export function snapshotDue(store: SnapshotStore, w: World): boolean {
  const last = store.list[store.list.length - 1];
  if (!last) return true;
  return w.events - Math.max(last.events, store.skippedAt) >= Math.max(store.everyEvents, last.copied / BYTES_PER_SPACING_EVENT);
}

/**
 * Takes a snapshot of `w` (after the last one) if it fits beside the first, then thins the store if it went over
 * budget. Throws, with a message for the learner, when the world has outgrown `worldBytesMax`.
 */
export function takeSnapshot(store: SnapshotStore, w: World, spec: Spec): void {
  const last = store.list[store.list.length - 1];
  if (last && last.events >= w.events) return;
  const { everything, fresh } = sharedBytes(w, last);
  const shared = detachShared(w);
  try {
    const copied = bytesOf({ ...w, trace: undefined });
    if (copied + everything > store.worldBytesMax) throw new Error(tooLarge(w.now, store.worldBytesMax));
    const bytes = copied + fresh;
    const first = store.list[0];
    if (first && first.bytes + bytes + w.trace.capacity * RING_ENTRY_BYTES > store.bytesMax) {
      store.skippedAt = w.events;
      return;
    }
    const chunk = copyNewEntries(w.trace, store.traceTo);
    if (chunk) store.chunks.push(chunk);
    store.traceTo = w.trace.written;
    // From here the snapshot shares every chunk: the live world copies one before writing it.
    for (const g of w.checks.groups) g.seenOwned = [];
    w.messages.owned.fill(0);
    const world = structuredClone({ ...w, trace: undefined }) as Omit<World, 'trace'>;
    shareWith(world, shared);
    store.list.push({ atUs: w.now, events: w.events, world, spec, traceWritten: w.trace.written, bytes, copied });
    hold(store, world, 1);
  } finally {
    reattachShared(w, shared);
  }
  // The live world's ownership lists start over as zeros (a snapshot's stay empty): one filled from a high index first
  // would have a hole V8 may keep as a dictionary.
  for (const g of w.checks.groups) g.seenOwned = new Array<number>(g.seen.length).fill(0);
  // Over budget, the trace chunks are deflated first (a quarter of their size at 300 nodes), then snapshots dropped.
  if (total(store, w) > store.bytesMax && deflateChunks(store.chunks) && total(store, w) <= store.bytesMax) return;
  while (total(store, w) > store.bytesMax && store.list.length > 2) thin(store, w.trace.capacity);
}

/**
 * What snapshots share with the live world instead of copying: each group's `seen` bits, the message table's rows
 * (chunk lists), the charts' samples, and each family's shared data (Family.shared: Kafka's record buffers), by index
 * in FAMILIES.
 */
interface Shared {
  seen: Uint8Array[][];
  messages: Chunk[];
  /** The charts' per-second samples, which never change once taken: each world has its own list of the same ones. */
  series: Sample[];
  families: unknown[];
}

/** Takes the shared data out of `w`, so that a clone does not copy it. */
function detachShared(w: Omit<World, 'trace'>): Shared {
  const out = { seen: w.checks.groups.map((g) => g.seen), messages: w.messages.chunks, series: w.metrics.series, families: FAMILIES.map((f) => f.shared?.detach(w)) };
  for (const g of w.checks.groups) g.seen = [];
  w.messages.chunks = [];
  w.metrics.series = [];
  return out;
}

/** Puts the shared data back in the world it was detached from. */
function reattachShared(w: Omit<World, 'trace'>, shared: Shared): void {
  w.checks.groups.forEach((g, i) => (g.seen = shared.seen[i]!));
  w.messages.chunks = shared.messages;
  w.metrics.series = shared.series;
  FAMILIES.forEach((f, i) => f.shared?.reattach(w, shared.families[i]));
}

/** Gives a clone of that world its own lists of the same chunks and buffers. */
function shareWith(w: Omit<World, 'trace'>, shared: Shared): void {
  w.checks.groups.forEach((g, i) => (g.seen = shared.seen[i]!.slice()));
  w.messages.chunks = shared.messages.slice();
  w.metrics.series = shared.series.slice();
  FAMILIES.forEach((f, i) => f.shared?.share(w, shared.families[i]));
}

/** Each chunk and buffer `w` shares with snapshots, with its bytes. */
export function sharedParts(w: Omit<World, 'trace'>, out: (part: object, bytes: number) => void): void {
  for (const g of w.checks.groups) for (const c of g.seen) out(c, c.byteLength);
  for (const c of w.messages.chunks) out(c, c.key.byteLength + c.type.byteLength + c.flags.byteLength + c.partition.byteLength + c.producedAt.byteLength + c.causation.byteLength);
  // As bytesOf counts one: ten fields, and an object of two numbers per entry point.
  for (const x of w.metrics.series) out(x, 80 + 24 * x.entries.length);
  for (const f of FAMILIES) f.shared?.buffers(w, (b) => out(b, b.byteLength));
}

/** Bytes of everything `w` shares (each part once), and of what of it snapshot `before` does not hold. */
function sharedBytes(w: Omit<World, 'trace'>, before: Snapshot | undefined): { everything: number; fresh: number } {
  const held = new Set<object>();
  if (before) sharedParts(before.world, (part) => held.add(part));
  const seen = new Set<object>();
  let everything = 0;
  let fresh = 0;
  sharedParts(w, (part, bytes) => {
    if (seen.has(part)) return;
    seen.add(part);
    everything += bytes;
    if (!held.has(part)) fresh += bytes;
  });
  return { everything, fresh };
}

const tooLarge = (atUs: number, max: number) =>
  `This run stopped at ${formatDuration(atUs)}: what it simulates has grown past ${Math.round(max / 2 ** 20).toLocaleString('en')} MB, more than a browser tab can safely hold. Start it again to watch a shorter stretch, or lower the rates or the number of nodes.`;

/** The latest snapshot at or before simulated time `t` (the first one always qualifies). */
export function snapshotAt(store: SnapshotStore, t: number): Snapshot {
  let best = store.list[0]!;
  for (const x of store.list) if (x.atUs <= t) best = x;
  return best;
}

/**
 * A fresh world as it was at `snap`, with its trace ring exactly as it was then, rebuilt in `into`: the ring of the
 * world the restored one replaces, which must not be used after.
 */
export function restoreSnapshot(store: SnapshotStore, snap: Snapshot, into: Trace): World {
  const shared = detachShared(snap.world);
  let world: World;
  try {
    world = structuredClone(snap.world) as World;
  } finally {
    reattachShared(snap.world, shared);
  }
  // The restored world shares the snapshot's chunks and buffers (it owns none of them, as the snapshot owns none).
  shareWith(world, shared);
  for (const g of world.checks.groups) g.seenOwned = new Array<number>(g.seen.length).fill(0);
  world.trace = rebuildTrace(store.chunks, snap.traceWritten, into);
  return world;
}

/** Forgets everything after `events` (a fork: that future is gone). */
export function dropAfter(store: SnapshotStore, events: number): void {
  for (const x of store.list) if (x.events > events) hold(store, x.world, -1);
  store.list = store.list.filter((x) => x.events <= events);
  const last = store.list[store.list.length - 1];
  store.traceTo = last?.traceWritten ?? 0;
  store.chunks = store.chunks.filter((c) => c.from < store.traceTo);
  const tail = store.chunks[store.chunks.length - 1];
  if (tail && tail.to > store.traceTo) store.chunks[store.chunks.length - 1] = sliceChunk(tail, tail.from, store.traceTo);
}

/**
 * Bytes the store holds beyond what the live world `w` holds as well: each snapshot's copy, the trace chunks, and the
 * shared chunks and buffers (counted once) that `w` no longer has. A chunk the live world still has costs the store
 * nothing: at 300 nodes that was 145 of the 362 MB counted at 10 minutes. Without `w`, every chunk counts.
 */
export function total(store: SnapshotStore, w?: Omit<World, 'trace'>): number {
  let n = store.heldBytes;
  for (const x of store.list) n += x.copied;
  for (const c of store.chunks) n += chunkBytes(c);
  if (w) {
    const counted = new Set<object>();
    sharedParts(w, (part, bytes) => {
      if (counted.has(part)) return;
      counted.add(part);
      if (store.held.has(part)) n -= bytes;
    });
  }
  return n;
}

/** Counts the shared parts of a snapshot's world in (`by` 1) or out (-1) of `store.held`. */
function hold(store: SnapshotStore, world: Omit<World, 'trace'>, by: 1 | -1): void {
  const mine = new Set<object>();
  sharedParts(world, (part, bytes) => {
    if (mine.has(part)) return;
    mine.add(part);
    const n = (store.held.get(part) ?? 0) + by;
    if (n === 0) {
      store.held.delete(part);
      store.heldBytes -= bytes;
    } else {
      if (n === 1 && by === 1) store.heldBytes += bytes;
      store.held.set(part, n);
    }
  });
}

/**
 * Drops one snapshot (never the first or the last): the one whose neighbours are nearest each other, so the gaps stay
 * even; spaces the next ones as the gaps now are, and frees the trace only it needed. One at a time, not every other
 * one, so the store stays nearly full: halving left a long run between half the snapshots the budget holds and all of
 * them.
 */
function thin(store: SnapshotStore, capacity: number): void {
  const list = store.list;
  const merged = (i: number) => list[i + 1]!.events - list[i - 1]!.events;
  let drop = 1;
  for (let i = 2; i < list.length - 1; i++) if (merged(i) < merged(drop)) drop = i;
  hold(store, list[drop]!.world, -1);
  list.splice(drop, 1);
  const span = list[list.length - 1]!.events - list[0]!.events;
  store.everyEvents = Math.max(store.everyEvents, Math.floor(span / (list.length - 1)));
  // A snapshot needs only the `capacity` entries before it. The last one is always kept, so what the next snapshot
  // will need from before it is kept too.
  const reaches = (c: TraceChunk, written: number) => c.to > written - capacity && c.from < written;
  store.chunks = store.chunks.filter((c) => list.some((x) => reaches(c, x.traceWritten)));
}

/** Bytes of typed arrays in a value, plus 8 per number in plain arrays: a close estimate of a world's size. */
function bytesOf(value: unknown, seen = new Set<unknown>()): number {
  if (value === null || typeof value !== 'object' || seen.has(value)) return 0;
  seen.add(value);
  if (ArrayBuffer.isView(value)) return value.byteLength;
  let n = 0;
  if (Array.isArray(value)) {
    n += value.length * 8;
    for (const x of value) if (typeof x === 'object') n += bytesOf(x, seen);
    return n;
  }
  if (value instanceof Map) {
    n += value.size * 16;
    for (const [k, v] of value) n += bytesOf(k, seen) + bytesOf(v, seen);
    return n;
  }
  if (value instanceof Set) {
    n += value.size * 8;
    for (const v of value) n += bytesOf(v, seen);
    return n;
  }
  for (const k in value) n += 8 + bytesOf((value as Record<string, unknown>)[k], seen);
  return n;
}

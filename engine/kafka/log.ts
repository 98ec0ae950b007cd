/**
 * A partition's log: segments of message ids with offsets, appended at the end, truncated from the end on leader
 * changes, deleted from the start by retention, and compacted in the middle.
 *
 * A record is 4 bytes here (its message id; see history/messages.ts for the rest). Offsets are implicit
 * (baseOffset + index) until compaction removes records, after which a segment keeps an explicit offset per record:
 * offsets never change (Kafka design §4.8, "Log Compaction"). Retention and compaction act on whole segments and
 * never on the active (last) segment (semantics S1, S7).
 */

export interface Segment {
  baseOffset: number;
  /** Offset after the last record of the segment. */
  nextOffset: number;
  count: number;
  ids: Uint32Array;
  /** Per-record offsets once compaction has removed records; null while offsets are baseOffset + index. */
  offsets: Float64Array | null;
  bytes: number;
  createdAt: number;
  /** Largest record timestamp (time-based retention looks at this, as Kafka does). */
  maxTimestamp: number;
  /** Time of the last compaction pass over this segment, -1 if never. */
  cleanedAt: number;
  /**
   * Records of `ids` and `offsets` (from the start) that a snapshot may read, as it shares these buffers instead of
   * copying them (live/snapshots.ts): they are copied before a write there (`unshare`). 0 when no snapshot shares them;
   * Infinity in a restored world, which cannot know how far the run that went on from its snapshot had shared them.
   */
  frozen: number;
}

export interface Log {
  segments: Segment[];
  /** First offset still held (log start offset). */
  startOffset: number;
  /** Next offset to be written (log end offset). */
  endOffset: number;
}

export function createLog(): Log {
  return { segments: [], startOffset: 0, endOffset: 0 };
}

function newSegment(baseOffset: number, now: number, capacity: number): Segment {
  return { baseOffset, nextOffset: baseOffset, count: 0, ids: new Uint32Array(capacity), offsets: null, bytes: 0, createdAt: now, maxTimestamp: -1, cleanedAt: -1, frozen: 0 };
}

export interface RollPolicy {
  segmentBytes: number;
  segmentUs: number;
}

/**
 * Appends `count` ids from `ids` (starting at `from`) as one batch; returns the batch's base offset.
 * `timestamps` gives each id's record timestamp (CreateTime). A new segment is rolled when the batch would overflow
 * `segment.bytes` or the active segment is older than `segment.ms`.
 */
export function append(
  log: Log,
  ids: ArrayLike<number>,
  from: number,
  count: number,
  batchBytes: number,
  maxTimestamp: number,
  now: number,
  roll: RollPolicy,
): number {
  let seg = log.segments[log.segments.length - 1];
  if (!seg || (seg.count > 0 && (seg.bytes + batchBytes > roll.segmentBytes || now - seg.createdAt >= roll.segmentUs))) {
    seg = newSegment(log.endOffset, now, Math.max(64, count));
    log.segments.push(seg);
  }
  if (seg.count + count > seg.ids.length) {
    const grown = new Uint32Array(Math.max(seg.count + count, seg.ids.length * 2));
    grown.set(seg.ids.subarray(0, seg.count));
    seg.ids = grown;
    if (seg.offsets) {
      const o = new Float64Array(grown.length);
      o.set(seg.offsets.subarray(0, seg.count));
      seg.offsets = o;
    }
    seg.frozen = 0; // new buffers, this world's alone
  } else if (seg.count < seg.frozen) {
    unshare(seg); // a truncated segment writes again where a snapshot reads
  }
  const base = log.endOffset;
  for (let i = 0; i < count; i++) seg.ids[seg.count + i] = ids[from + i]!;
  if (seg.offsets) for (let i = 0; i < count; i++) seg.offsets[seg.count + i] = base + i;
  seg.count += count;
  seg.nextOffset = base + count;
  seg.bytes += batchBytes;
  if (maxTimestamp > seg.maxTimestamp) seg.maxTimestamp = maxTimestamp;
  log.endOffset = base + count;
  return base;
}

/** Gives `seg` buffers of its own (copies), so that it may write anywhere in them. */
export function unshare(seg: Segment): void {
  seg.ids = seg.ids.slice();
  if (seg.offsets) seg.offsets = seg.offsets.slice();
  seg.frozen = 0;
}

/**
 * Rolls a new empty active segment, so that every segment before it may go: a log always keeps one segment, and
 * Kafka rolls an empty one first when retention would delete them all (UnifiedLog.deleteOldSegments).
 */
export function rollEmpty(log: Log, now: number): void {
  log.segments.push(newSegment(log.endOffset, now, 64));
}

/** Index of the segment that holds `offset` (the last one with baseOffset <= offset), or -1. */
export function segmentIndex(log: Log, offset: number): number {
  const segs = log.segments;
  let lo = 0, hi = segs.length - 1, found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (segs[mid]!.baseOffset <= offset) { found = mid; lo = mid + 1; } else hi = mid - 1;
  }
  return found;
}

/** Position inside a segment of the first record at or after `offset`. */
export function positionIn(seg: Segment, offset: number): number {
  if (!seg.offsets) return Math.max(0, Math.min(seg.count, offset - seg.baseOffset));
  let lo = 0, hi = seg.count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (seg.offsets[mid]! < offset) lo = mid + 1; else hi = mid;
  }
  return lo;
}

/** The message id at `offset`, or 0 when no record has that offset (compacted away, deleted, or beyond the end). */
export function idAt(log: Log, offset: number): number {
  if (offset < log.startOffset || offset >= log.endOffset) return 0;
  const si = segmentIndex(log, offset);
  if (si < 0) return 0;
  const seg = log.segments[si]!;
  const pos = positionIn(seg, offset);
  if (pos >= seg.count) return 0;
  const at = seg.offsets ? seg.offsets[pos]! : seg.baseOffset + pos;
  return at === offset ? seg.ids[pos]! : 0;
}

/** Reusable output of `read`. */
export interface ReadBuffer {
  ids: Uint32Array;
  offsets: Float64Array;
  count: number;
  /** Offset to read next: after the last record returned, or `upTo` when the range held no more records. */
  next: number;
}

export function createReadBuffer(capacity: number): ReadBuffer {
  return { ids: new Uint32Array(capacity), offsets: new Float64Array(capacity), count: 0, next: 0 };
}

/**
 * Reads up to `max` records with offsets in [from, upTo) into `out`. Offsets of compacted records are skipped, so
 * a consumer at offset 36 gets the next existing record, e.g. 38 (semantics S5).
 */
export function read(log: Log, from: number, upTo: number, max: number, out: ReadBuffer): ReadBuffer {
  out.count = 0;
  out.next = from;
  const end = Math.min(upTo, log.endOffset);
  if (from >= end) return out;
  if (max > out.ids.length) max = out.ids.length;
  let si = Math.max(0, segmentIndex(log, Math.max(from, log.startOffset)));
  let offset = Math.max(from, log.startOffset);
  while (si < log.segments.length && out.count < max) {
    const seg = log.segments[si]!;
    if (seg.baseOffset >= end) break;
    let pos = positionIn(seg, offset);
    while (pos < seg.count && out.count < max) {
      const off = seg.offsets ? seg.offsets[pos]! : seg.baseOffset + pos;
      if (off >= end) break;
      out.ids[out.count] = seg.ids[pos]!;
      out.offsets[out.count] = off;
      out.count++;
      offset = off + 1;
      pos++;
    }
    if (pos < seg.count) break;
    si++;
    offset = seg.nextOffset;
  }
  out.next = out.count === max ? offset : Math.max(offset, end);
  return out;
}

/** Removes every record at or after `offset` (a follower truncating to its new leader). Returns how many. */
export function truncateTo(log: Log, offset: number): number {
  if (offset >= log.endOffset) return 0;
  let removed = 0;
  while (log.segments.length > 0) {
    const seg = log.segments[log.segments.length - 1]!;
    if (seg.baseOffset >= offset && log.segments.length > 1) {
      removed += seg.count;
      log.segments.pop();
      continue;
    }
    const keep = positionIn(seg, offset);
    removed += seg.count - keep;
    if (seg.count > 0) seg.bytes = Math.round((seg.bytes * keep) / seg.count);
    seg.count = keep;
    seg.nextOffset = Math.max(seg.baseOffset, offset);
    break;
  }
  log.endOffset = Math.max(offset, log.startOffset);
  return removed;
}

/** Deletes whole segments from the start while `shouldDelete` says so, never the active one. Returns ids removed. */
export function deleteOldSegments(log: Log, shouldDelete: (seg: Segment, bytesAfter: number) => boolean, onRemoved: (id: number) => void): number {
  let total = 0;
  for (const s of log.segments) total += s.bytes;
  let removed = 0;
  while (log.segments.length > 1) {
    const seg = log.segments[0]!;
    if (!shouldDelete(seg, total - seg.bytes)) break;
    for (let i = 0; i < seg.count; i++) onRemoved(seg.ids[i]!);
    removed += seg.count;
    total -= seg.bytes;
    log.segments.shift();
    log.startOffset = log.segments[0]!.baseOffset;
  }
  return removed;
}

/** Records held (for lag on compacted topics and for memory accounting). */
export function recordCount(log: Log): number {
  let n = 0;
  for (const s of log.segments) n += s.count;
  return n;
}

const NOTHING = new Uint32Array(0);

/**
 * Copies the records in [from, upTo) (at most `max`) into a new array with block copies, when every segment in the
 * range keeps implicit offsets (nothing compacted): the consumer fetch fast path. Returns null when the range has
 * compacted segments, so the caller reads record by record.
 */
export function copyRange(log: Log, from: number, upTo: number, max: number): Uint32Array | null {
  const end = Math.min(upTo, log.endOffset, from + max);
  // Most fetches find nothing new: one shared empty answer (callers only read it) instead of a new array each time.
  if (from >= end) return NOTHING;
  if (from < log.startOffset) return null;
  const out = new Uint32Array(end - from);
  let si = segmentIndex(log, from);
  let at = from;
  while (at < end && si >= 0 && si < log.segments.length) {
    const seg = log.segments[si]!;
    if (seg.offsets) return null;
    const stop = Math.min(end, seg.baseOffset + seg.count);
    if (stop - at > 16) out.set(seg.ids.subarray(at - seg.baseOffset, stop - seg.baseOffset), at - from);
    else for (let k = at; k < stop; k++) out[k - from] = seg.ids[k - seg.baseOffset]!; // a few: no view to allocate
    at = Math.max(at, stop);
    si++;
  }
  return at >= end ? out : null;
}

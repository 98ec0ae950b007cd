/**
 * Replica logs as views of one shared log.
 *
 * Kafka keeps a full copy of a partition on every replica, but replicas only ever differ at their ends: a follower
 * holds a prefix of its leader's log, and after a leader change a replica may hold a short divergent tail that it
 * truncates when it follows the new leader (KIP-101, KIP-279). So the simulation stores the log of the replica the
 * controller last made leader (the "owner") once, and every replica as (length of its prefix of that log, its own
 * tail). Replicating a record costs an integer assignment instead of a copy, and what each replica holds is still
 * exactly what a real replica would hold: a zombie leader cut off by a partition appends to its own tail, and that
 * tail vanishes when it rejoins, as acks=1 writes do in the real thing (semantics K2, R8).
 */
import { append, idAt, read, truncateTo, type ReadBuffer, type RollPolicy } from './log.ts';
import type { Partition } from './types.ts';

/** Log end offset of the replica in `slot`. */
export function viewEnd(p: Partition, slot: number): number {
  const tail = p.tail[slot];
  return tail ? p.matched[slot]! + tail.length : p.matched[slot]!;
}

/** The message id at `offset` in the replica in `slot` (0 if none). */
export function viewIdAt(p: Partition, slot: number, offset: number): number {
  const m = p.matched[slot]!;
  if (offset < m) return idAt(p.log, offset);
  const tail = p.tail[slot];
  return tail ? (tail[offset - m] ?? 0) : 0;
}

/** Appends a batch on the replica in `slot`, which believes it leads; returns the base offset. */
export function appendOn(
  p: Partition,
  slot: number,
  ids: ArrayLike<number>,
  from: number,
  count: number,
  bytes: number,
  maxTimestamp: number,
  now: number,
  roll: RollPolicy,
): number {
  if (slot === p.owner && p.tail[slot] === null) {
    const base = append(p.log, ids, from, count, bytes, maxTimestamp, now, roll);
    p.matched[slot] = p.log.endOffset;
    return base;
  }
  const base = viewEnd(p, slot);
  const tail = p.tail[slot] ?? (p.tail[slot] = []);
  for (let i = 0; i < count; i++) tail.push(ids[from + i]!);
  return base;
}

/** What writing to the shared log needs: the time, the roll policy, and record sizes and timestamps for re-appends. */
export interface LogWrite {
  now: number;
  roll: RollPolicy;
  recordBytes: number;
  timestampOf: (id: number) => number;
}

/**
 * The follower in slot `f` copies its leader's log (slot `l`) up to `upTo`, first dropping whatever it holds that
 * the leader does not. Returns how many records it had to truncate.
 *
 * The owner can be a follower too: the controller makes a replica leader (and owner) before that broker hears of
 * it, and until it does it goes on fetching from the old leader, whose high watermark counts its fetches. What it
 * fetches then goes into the shared log, not into a tail: the owner's view is the shared log.
 */
export function follow(p: Partition, f: number, l: number, upTo: number, write: LogWrite): number {
  const before = viewEnd(p, f);
  const common = commonPrefix(p, f, l, Math.min(before, upTo));
  const truncated = before - common;
  if (f === p.owner) {
    const fetched: number[] = [];
    for (let o = common; o < upTo; o++) fetched.push(viewIdAt(p, l, o));
    cutSharedLog(p, common);
    appendShared(p, fetched, write);
    p.matched[f] = p.log.endOffset;
    return truncated;
  }
  const lm = p.matched[l]!;
  const lt = p.tail[l];
  if (upTo <= lm || !lt) {
    p.matched[f] = Math.min(upTo, lm);
    p.tail[f] = null;
  } else {
    p.matched[f] = lm;
    p.tail[f] = lt.slice(0, upTo - lm);
  }
  return truncated;
}

/** Truncates the shared log to `offset`; replicas other than the owner keep what they held beyond it as their tail. */
function cutSharedLog(p: Partition, offset: number): void {
  if (offset >= p.log.endOffset) return;
  for (let r = 0; r < p.replicas.length; r++) {
    if (r === p.owner || p.matched[r]! <= offset) continue;
    const kept: number[] = [];
    for (let o = offset; o < p.matched[r]!; o++) kept.push(idAt(p.log, o));
    const tail = p.tail[r];
    p.tail[r] = tail ? kept.concat(tail) : kept;
    p.matched[r] = offset;
  }
  truncateTo(p.log, offset);
}

function appendShared(p: Partition, ids: number[], write: LogWrite): void {
  if (ids.length === 0) return;
  let maxTs = -1;
  for (const id of ids) maxTs = Math.max(maxTs, write.timestampOf(id));
  append(p.log, ids, 0, ids.length, ids.length * write.recordBytes, maxTs, write.now, write.roll);
}

/** Length of the longest common prefix of two replicas' logs, looking no further than `limit`. */
export function commonPrefix(p: Partition, a: number, b: number, limit: number): number {
  let i = Math.min(p.matched[a]!, p.matched[b]!, limit);
  const end = Math.min(limit, viewEnd(p, a), viewEnd(p, b));
  while (i < end && viewIdAt(p, a, i) === viewIdAt(p, b, i)) i++;
  return i;
}

/**
 * The controller made the replica in `slot` leader: its log becomes the shared log, and every other replica is
 * re-expressed against it (what they hold beyond the common prefix becomes their tail, to be truncated when they
 * follow). Records the new owner lacks leave the shared log: if they were acknowledged, they are lost.
 */
export function makeOwner(p: Partition, slot: number, write: LogWrite): void {
  if (slot === p.owner) return;
  const n = p.replicas.length;
  const newEnd = viewEnd(p, slot);
  const newTail = p.tail[slot];
  const newMatched = p.matched[slot]!;
  // Express every other replica relative to the new owner's log before the shared log changes.
  const rebased: { matched: number; tail: number[] | null }[] = [];
  for (let r = 0; r < n; r++) {
    if (r === slot) continue;
    const common = commonPrefix(p, r, slot, Infinity);
    const end = viewEnd(p, r);
    let tail: number[] | null = null;
    if (end > common) {
      tail = [];
      for (let o = common; o < end; o++) tail.push(viewIdAt(p, r, o));
    }
    rebased[r] = { matched: common, tail };
  }
  truncateTo(p.log, newMatched);
  if (newTail) appendShared(p, newTail, write);
  p.owner = slot;
  p.matched[slot] = newEnd;
  p.tail[slot] = null;
  for (let r = 0; r < n; r++) {
    if (r === slot) continue;
    p.matched[r] = rebased[r]!.matched;
    p.tail[r] = rebased[r]!.tail;
  }
}

/**
 * Reads up to `max` records in [from, upTo) of the replica in `slot` into `out`; returns the offset to read next.
 */
export function readView(p: Partition, slot: number, from: number, upTo: number, max: number, out: ReadBuffer): number {
  const m = p.matched[slot]!;
  let next = from;
  out.count = 0;
  if (from < m) {
    read(p.log, from, Math.min(upTo, m), max, out);
    next = out.next;
    if (out.count >= max || next < Math.min(upTo, m)) return next;
  }
  const tail = p.tail[slot];
  if (tail) {
    for (let o = Math.max(next, m); o < upTo && o - m < tail.length && out.count < max; o++) {
      out.ids[out.count] = tail[o - m]!;
      out.offsets[out.count] = o;
      out.count++;
      next = o + 1;
    }
  }
  return next;
}

/**
 * Transactions as a partition sees them: the first offset of each open transaction, the last stable offset (LSO)
 * it bounds, the aborted-transaction index, and the COMMIT/ABORT markers (semantics K18-K20).
 *
 * A marker is a control record: it takes an offset in the log like any record (so consumers see gaps) and is never
 * returned to the application at either isolation level (KIP-98, "Control messages"). The log stores it as message
 * id 0, which no real message has.
 */
import { KT } from './trace.ts';
import { record } from '../history/trace.ts';
import type { World } from '../world.ts';
import { wakeFetches } from './fetch.ts';
import { maybeAdvanceHighWatermark } from './highWatermark.ts';
import { currentState } from './metadata.ts';
import { appendOn, viewIdAt } from './replicas.ts';
import { wakeReplicaFetchers } from './replication.ts';
import type { Partition, PartitionTxns } from './types.ts';

/** The message id a marker is stored as. */
export const MARKER = 0;

function txnsOf(p: Partition): PartitionTxns {
  return (p.txn ??= { open: new Map(), aborted: [], ranges: new Map(), markers: 0 });
}

/** A transactional batch of coordinator entry `coord` was appended at [base, base + count), first message `firstId`. */
export function noteTxnAppend(p: Partition, coord: number, base: number, count: number, firstId: number): void {
  const t = txnsOf(p);
  if (!t.open.has(coord)) t.open.set(coord, base);
  const r = t.ranges.get(coord);
  if (r) r.push(base, base + count - 1, firstId);
  else t.ranges.set(coord, [base, base + count - 1, firstId]);
}

/**
 * The last stable offset: the high watermark, or the first offset of the oldest transaction still open, whichever is
 * lower. A read_committed consumer reads nothing at or past it, non-transactional records included (K19).
 */
export function lastStableOffset(p: Partition, hw: number): number {
  let lso = hw;
  if (p.txn) for (const first of p.txn.open.values()) if (first < lso) lso = first;
  return lso;
}

/** Whether the record at `offset` belongs to an aborted transaction (binary search of the aborted index). */
export function isAborted(p: Partition, offset: number): boolean {
  const a = p.txn?.aborted;
  if (!a || a.length === 0) return false;
  let lo = 0, hi = a.length / 2 - 1, found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid * 2]! <= offset) { found = mid; lo = mid + 1; } else hi = mid - 1;
  }
  return found >= 0 && offset <= a[found * 2 + 1]!;
}

/**
 * Writes the COMMIT (or ABORT) marker of coordinator entry `coord`'s transaction to partition `p`, on its current
 * leader; false when the partition has no live leader (the coordinator retries, as its marker channel does). After
 * it, the transaction no longer holds the LSO back here; an abort's records go to the aborted index.
 */
export function writeMarker(w: World, p: Partition, coord: number, commit: boolean): boolean {
  const st = currentState(p);
  if (st.leader < 0) return false;
  const b = w.parts.kafka.brokers[p.replicas[st.leader]!]!;
  if (!b.alive) return false;
  const t = txnsOf(p);
  const topic = w.parts.kafka.topics[p.topic]!;
  const offset = appendOn(p, st.leader, [MARKER], 0, 1, 64, w.now, w.now, topic.config);
  t.markers++;
  t.open.delete(coord);
  const ranges = t.ranges.get(coord);
  t.ranges.delete(coord);
  if (!commit && ranges) {
    // A batch a leader change truncated away is no longer at its offsets (other records may be): only batches the
    // leader's log still holds are aborted, as the broker's producer state is rebuilt from the log it has.
    for (let i = 0; i < ranges.length; i += 3) {
      if (viewIdAt(p, st.leader, ranges[i]!) === ranges[i + 2]) insertRange(t.aborted, ranges[i]!, ranges[i + 1]!);
    }
  }
  record(w.trace, w.now, KT.txnMarker, b.host, p.id, offset, commit ? 1 : 0, coord);
  wakeReplicaFetchers(w, b.id);
  maybeAdvanceHighWatermark(w, p, st.leader);
  // The LSO may have moved without the high watermark moving: read_committed fetches parked here look again.
  wakeFetches(w, p);
  return true;
}

function insertRange(a: number[], first: number, last: number): void {
  let i = a.length;
  while (i > 0 && a[i - 2]! > first) i -= 2;
  a.splice(i, 0, first, last);
}

/**
 * Retention and compaction, checked every log.retention.check.interval.ms as brokers do. Retention deletes whole
 * segments whose newest record is older than retention.ms, or the oldest segments while the partition is larger
 * than retention.bytes; compaction keeps at least the newest record of each key in the segments it cleans, and drops
 * tombstones delete.retention.ms after they were first cleaned. Neither touches the active segment, and offsets
 * never change (semantics S1, S2, S4, S5, S6, S7).
 */
import { KT } from './trace.ts';
import { KE } from './events.ts';
import { addFlags, EXPIRED, flagsOf, keyOf, producedAtOf, TOMBSTONE } from '../history/messages.ts';
import { record } from '../history/trace.ts';
import { after, on } from '../sim/loop.ts';
import type { World } from '../world.ts';
import { deleteOldSegments, rollEmpty, unshare, type Segment } from './log.ts';
import { currentState } from './metadata.ts';
import type { Partition } from './types.ts';

on<World>(KE.retentionCheck, 'retention check', (w, cid) => {
  const c = w.parts.kafka.clusters[cid]!;
  after(w, c.config.retentionCheckUs, KE.retentionCheck, cid, 0);
  for (const pid of c.partitions) {
    const p = w.parts.kafka.partitions[pid]!;
    const cfg = w.parts.kafka.topics[p.topic]!.config;
    if (cfg.deleteByRetention) applyRetention(w, p);
    if (cfg.compact) compact(w, p);
  }
});

/** Deletes whole old segments by time and by size; returns how many records went. */
export function applyRetention(w: World, p: Partition): number {
  const cfg = w.parts.kafka.topics[p.topic]!.config;
  const expired = (seg: Segment) => cfg.retentionUs >= 0 && seg.maxTimestamp >= 0 && w.now - seg.maxTimestamp > cfg.retentionUs;
  // A quiet log whose active segment has wholly expired loses it too, once the high watermark covers it: a new empty
  // segment is rolled first, since a log always keeps one (semantics S1, UnifiedLog.deletableSegments).
  const active = p.log.segments[p.log.segments.length - 1];
  if (active && active.count > 0 && expired(active) && highWatermark(p) >= p.log.endOffset) rollEmpty(p.log, w.now);
  const removed = deleteOldSegments(
    p.log,
    // By size, a segment goes only while what remains is still at least retention.bytes: the log never shrinks below
    // its limit (UnifiedLog.deleteRetentionSizeBreachedSegments).
    (seg, bytesAfter) => expired(seg) || (cfg.retentionBytes >= 0 && bytesAfter >= cfg.retentionBytes),
    (id) => {
      addFlags(w.messages, id, EXPIRED);
    },
  );
  if (removed > 0) {
    for (let s = 0; s < p.matched.length; s++) if (p.matched[s]! < p.log.startOffset) p.matched[s] = p.log.startOffset;
    record(w.trace, w.now, KT.retention, -1, p.id, p.log.startOffset, removed, 0);
  }
  return removed;
}

/** The partition's high watermark as its leader (or, with none, the log's owner) knows it. */
function highWatermark(p: Partition): number {
  const leader = currentState(p).leader;
  return p.hw[leader >= 0 ? leader : p.owner]!;
}

/**
 * Cleans the non-active segments older than min.compaction.lag.ms (the first segment holding a younger record, and
 * every one after it, stays dirty for a later pass): a record survives if no later record in the cleaned range has
 * its key, and a tombstone survives until delete.retention.ms after the pass that first cleaned it. A log is cleaned
 * when its dirty share reaches min.cleanable.dirty.ratio, when a dirty record is older than max.compaction.lag.ms
 * (KIP-354), or when a tombstone has outlived delete.retention.ms (KIP-534), so a log that stopped receiving writes
 * is still cleaned. Returns how many records were removed.
 */
export function compact(w: World, p: Partition, force = false): number {
  const cfg = w.parts.kafka.topics[p.topic]!.config;
  const segs = p.log.segments;
  if (segs.length < 2) return 0;
  let end = segs.length - 1;
  if (cfg.minCompactionLagUs > 0) {
    const young = segs.findIndex((s, i) => i < end && s.maxTimestamp >= 0 && w.now - s.maxTimestamp < cfg.minCompactionLagUs);
    if (young >= 0) end = young;
  }
  const cleanable = segs.slice(0, end);
  if (cleanable.length === 0) return 0;
  let total = 0;
  let dirty = 0;
  let overdue = false;
  let tombstonesDue = false;
  const m = w.messages;
  for (const s of cleanable) {
    total += s.count;
    if (s.cleanedAt < 0) {
      dirty += s.count;
      if (cfg.maxCompactionLagUs >= 0 && s.count > 0 && w.now - producedAtOf(m, s.ids[0]!) > cfg.maxCompactionLagUs) overdue = true;
    } else if (w.now - s.cleanedAt > cfg.deleteRetentionUs && !tombstonesDue) {
      for (let i = 0; i < s.count; i++) {
        if ((flagsOf(m, s.ids[i]!) & TOMBSTONE) !== 0) {
          tombstonesDue = true;
          break;
        }
      }
    }
  }
  if (!force && !overdue && !tombstonesDue && (total === 0 || dirty / total < cfg.minCleanableDirtyRatio)) return 0;
  const latest = new Map<number, number>();
  for (const s of cleanable) for (let i = 0; i < s.count; i++) latest.set(keyOf(m, s.ids[i]!), offsetOf(s, i));
  let removed = 0;
  for (const s of cleanable) {
    const firstClean = s.cleanedAt < 0;
    if (s.frozen > 0) unshare(s); // records move down in place: not where a snapshot reads
    let kept = 0;
    const offsets = s.offsets ?? Float64Array.from({ length: s.ids.length }, (_, i) => s.baseOffset + i);
    for (let i = 0; i < s.count; i++) {
      const id = s.ids[i]!;
      const off = offsets[i]!;
      const key = keyOf(m, id);
      const young = w.now - producedAtOf(m, id) < cfg.minCompactionLagUs;
      const superseded = key !== 0 && latest.get(key)! > off;
      const tombstoneExpired = (flagsOf(m, id) & TOMBSTONE) !== 0 && !firstClean && w.now - s.cleanedAt > cfg.deleteRetentionUs;
      if (!young && (superseded || tombstoneExpired)) {
        addFlags(m, id, EXPIRED);
        removed++;
        continue;
      }
      s.ids[kept] = id;
      offsets[kept] = off;
      kept++;
    }
    if (kept !== s.count) {
      s.bytes = s.count > 0 ? Math.round((s.bytes * kept) / s.count) : 0;
      s.count = kept;
      s.offsets = offsets;
    }
    if (firstClean) s.cleanedAt = w.now;
  }
  p.cleanedTo = segs[end]!.baseOffset;
  return removed;
}

function offsetOf(s: Segment, i: number): number {
  return s.offsets ? s.offsets[i]! : s.baseOffset + i;
}

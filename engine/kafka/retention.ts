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
import { deleteOldSegments, type Segment } from './log.ts';
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
  const removed = deleteOldSegments(
    p.log,
    (seg, bytesAfter) =>
      (cfg.retentionUs >= 0 && seg.maxTimestamp >= 0 && w.now - seg.maxTimestamp > cfg.retentionUs) ||
      (cfg.retentionBytes >= 0 && bytesAfter + seg.bytes > cfg.retentionBytes),
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

/**
 * Cleans the non-active segments: a record survives if no later record in the cleaned range has its key, and a
 * tombstone survives until delete.retention.ms after the pass that first cleaned it. Records younger than
 * min.compaction.lag.ms are left alone. Returns how many records were removed.
 */
export function compact(w: World, p: Partition, force = false): number {
  const cfg = w.parts.kafka.topics[p.topic]!.config;
  const segs = p.log.segments;
  if (segs.length < 2) return 0;
  const cleanable = segs.slice(0, -1);
  let total = 0;
  let dirty = 0;
  for (const s of cleanable) {
    total += s.count;
    if (s.cleanedAt < 0) dirty += s.count;
  }
  if (!force && (total === 0 || dirty / total < cfg.minCleanableDirtyRatio)) return 0;
  const m = w.messages;
  const latest = new Map<number, number>();
  for (const s of cleanable) for (let i = 0; i < s.count; i++) latest.set(keyOf(m, s.ids[i]!), offsetOf(s, i));
  let removed = 0;
  for (const s of cleanable) {
    const firstClean = s.cleanedAt < 0;
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
  p.cleanedTo = segs[segs.length - 1]!.baseOffset;
  return removed;
}

function offsetOf(s: Segment, i: number): number {
  return s.offsets ? s.offsets[i]! : s.baseOffset + i;
}

/**
 * Kafka's logs as snapshots share them (Family.shared, live/snapshots.ts): a snapshot holds its own segment objects
 * over the same record buffers instead of a copy of every partition's records, which at 300 nodes were most of what
 * each snapshot copied. Appends write past what any snapshot reads; a write where one may read copies the buffer
 * first (log.ts `unshare`, `Segment.frozen`).
 */
import type { World } from '../world.ts';
import type { Segment } from './log.ts';

type Held = Segment[][];

/** Takes every partition's segments out of `w`, which from now on leaves what they hold to the snapshots. */
export function detachLogs(w: Omit<World, 'trace'>): Held {
  return w.parts.kafka.partitions.map((p) => {
    const segs = p.log.segments;
    for (const s of segs) s.frozen = Math.max(s.frozen, s.count);
    p.log.segments = [];
    return segs;
  });
}

export function reattachLogs(w: Omit<World, 'trace'>, held: unknown): void {
  (held as Held).forEach((segs, i) => (w.parts.kafka.partitions[i]!.log.segments = segs));
}

/** Segments of `w`'s own over `held`'s buffers, all of them shared (how far the others read is not known here). */
export function shareLogs(w: Omit<World, 'trace'>, held: unknown): void {
  (held as Held).forEach((segs, i) => (w.parts.kafka.partitions[i]!.log.segments = segs.map((s) => ({ ...s, frozen: Infinity }))));
}

export function logBuffers(w: Omit<World, 'trace'>, out: (buffer: ArrayBufferView) => void): void {
  for (const p of w.parts.kafka.partitions) {
    for (const s of p.log.segments) {
      out(s.ids);
      if (s.offsets) out(s.offsets);
    }
  }
}

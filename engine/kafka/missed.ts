/**
 * Records a consumer group will never process, though its brokers kept them (consumer-side loss, told apart from a
 * broker losing an acknowledged write): the group's committed offset moved past a record it never processed
 * (offsets committed before processing and a crash, C10; a message given up on after its retries; `latest` on a
 * partition it found late, C16; `latest` again for a member that came back before the group had committed anything
 * there, as ConsumerConfig's "what to do when there is no initial offset" says), or retention deleted a record before
 * the group read it (S3, C15). Records written before the group first had a position on a partition (where auto.offset.reset started it), or before an explicit
 * reset of its offsets, were never its to read; records a running consumer is processing now are not missed yet.
 */
import { seenHas } from '../check/state.ts';
import { EXPIRED, flagsOf, partitionOf, producedAtOf } from '../history/messages.ts';
import type { MissedMessage } from '../messaging/port.ts';
import type { World } from '../world.ts';
import { positionIn } from './log.ts';
import { isAborted, MARKER } from './txnLog.ts';

/**
 * Every missed record, in group and offset order; `handled(subscription, id)` says whether the group processed it
 * (or dead-lettered it). A Kafka group's subscription index is its group id (Kafka makes its groups first).
 */
export function kafkaMissed(w: World, handled: (subscription: number, id: number) => boolean, out: (m: MissedMessage) => void): void {
  const k = w.parts.kafka;
  let deleted: Map<number, number[]> | null = null;
  const working = inProgress(w);
  for (const g of k.groups) {
    // The group's own bits, read directly: nearly every record is processed, and this loop runs over every record each
    // group has read (an exact frame of the 300-node benchmark at 300 s spends about 70 ms in it).
    const checks = w.checks.groups[g.id];
    for (const tid of g.topics) {
      const topic = k.topics[tid]!;
      for (const pid of topic.partitions) {
        const committed = g.committed.get(pid);
        const since = g.since.get(pid);
        if (committed === undefined || since === undefined) continue;
        const from = Math.max(since.at, g.resetAt);
        const p = k.partitions[pid]!;
        for (const seg of p.log.segments) {
          if (seg.baseOffset >= committed) break;
          // Records from the group's start on the partition up to its committed offset.
          const end = positionIn(seg, committed);
          const ids = seg.ids;
          for (let i = positionIn(seg, since.offset); i < end; i++) {
            const id = ids[i]!;
            // Nearly every record below the committed offset was processed: that test comes first, the rest are rare.
            if ((checks !== undefined && seenHas(checks, id)) || handled(g.id, id)) continue;
            const offset = seg.offsets ? seg.offsets[i]! : seg.baseOffset + i;
            // Markers are no one's to process, nor are records of aborted transactions (K18, K20).
            if (id === MARKER || (p.txn && isAborted(p, offset))) continue;
            if (producedAtOf(w.messages, id) < g.resetAt || working.has(id)) continue;
            const why = since.added ? 'added' : offset < (g.resetTo.get(pid) ?? -1) ? 'reset' : 'passed';
            out({ message: id, subscription: g.id, place: pid, offset, why });
          }
        }
        // Compaction removes superseded values on purpose; only retention's deletions can be unread data.
        if (topic.config.compact) continue;
        deleted ??= deletedByPartition(w);
        for (const id of deleted.get(pid) ?? []) {
          if (producedAtOf(w.messages, id) >= from && !handled(g.id, id)) out({ message: id, subscription: g.id, place: pid, offset: -1, why: 'deleted' });
        }
      }
    }
  }
}

/** Records a live consumer has taken and not finished (a commit before processing has passed them already). */
function inProgress(w: World): Set<number> {
  const ids = new Set<number>();
  for (const c of w.parts.kafka.consumers) {
    if (!c.alive) continue;
    for (const d of [c.work, c.pendingStart]) if (d) for (let i = 0; i < d.count; i++) ids.add(d.ids[i]!);
  }
  return ids;
}

/** Ids that retention or compaction removed, per partition (the log no longer holds them). */
function deletedByPartition(w: World): Map<number, number[]> {
  const m = w.messages;
  const byPartition = new Map<number, number[]>();
  for (let id = 1; id < m.count; id++) {
    if ((flagsOf(m, id) & EXPIRED) === 0) continue;
    const p = partitionOf(m, id);
    (byPartition.get(p) ?? byPartition.set(p, []).get(p)!).push(id);
  }
  return byPartition;
}

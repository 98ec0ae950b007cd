/**
 * Where consumer groups stand: lag per partition (kafka-consumer-groups.sh's LAG: high watermark minus committed
 * offset, semantics C18), a message's offset in its partition, what a consumer owns, and the availability windows
 * still open. The messaging port asks these for any subscription, place or subscriber that is Kafka's.
 */
import type { Window } from '../check/state.ts';
import type { PlacePosition } from '../messaging/port.ts';
import type { World } from '../world.ts';
import { currentState } from './metadata.ts';
import { lastStableOffset } from './txnLog.ts';

/** Lag of a group on a partition: high watermark minus committed offset (C18). */
export function partitionLag(w: World, group: number, pid: number): { committed: number; hw: number; lag: number } {
  const k = w.parts.kafka;
  const p = k.partitions[pid]!;
  const st = currentState(p);
  let hw = p.hw[st.leader >= 0 ? st.leader : p.owner]!;
  // A read_committed group's lag is measured against the last stable offset (semantics K19).
  if (p.txn && k.consumers.some((c) => c.group === group && c.config.readCommitted)) hw = lastStableOffset(p, hw);
  const committed = k.groups[group]!.committed.get(pid);
  if (committed === undefined) {
    // Nothing committed yet (kafka-consumer-groups.sh prints "-"). A group that has started reading is behind by what
    // lies between where it started and the high watermark, as it is between two commits later, so its lag does not
    // read 0 until its first commit; a group that has not started reading (not deployed yet, or crashed before its
    // first fetch) has no position to measure from: 0, as before.
    const since = k.groups[group]!.since.get(pid);
    return { committed: -1, hw, lag: since ? Math.max(0, hw - since.offset) : 0 };
  }
  return { committed, hw, lag: Math.max(0, hw - committed) };
}

export function groupPositions(w: World, group: number): PlacePosition[] {
  const k = w.parts.kafka;
  return k.groups[group]!.topics.flatMap((tid) =>
    k.topics[tid]!.partitions.map((pid) => {
      const l = partitionLag(w, group, pid);
      return { place: pid, committed: l.committed, end: l.hw, lag: l.lag };
    }),
  );
}

/** The offset of message `id` in partition `pid`'s log, or -1 when the log no longer holds it. */
export function offsetIn(w: World, pid: number, id: number): number {
  const p = w.parts.kafka.partitions[pid];
  if (!p) return -1;
  for (const seg of p.log.segments) {
    for (let i = 0; i < seg.count; i++) if (seg.ids[i] === id) return seg.offsets ? seg.offsets[i]! : seg.baseOffset + i;
  }
  return -1;
}

export function consumerState(w: World, cid: number): { alive: boolean; places: number[] } {
  const c = w.parts.kafka.consumers[cid]!;
  return { alive: c.alive, places: c.assigned };
}

/** Partitions offline now, and partitions whose writes are failing now. */
export function openWindows(w: World): Window[] {
  const open: Window[] = [];
  for (const p of w.parts.kafka.partitions) if (p.offlineSince >= 0) open.push({ what: 'partition', id: p.id, from: p.offlineSince, to: w.now });
  for (const p of w.parts.kafka.partitions) if (p.writesFailingSince >= 0) open.push({ what: 'writes', id: p.id, from: p.writesFailingSince, to: w.now });
  return open;
}

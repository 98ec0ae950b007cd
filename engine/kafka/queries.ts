/**
 * Kafka's answers to the inspector: a partition's log (segments, the newest records, each group's committed
 * position, the replicas), and a consumer group (members, assignment, committed offsets and lag).
 */
import { keyText } from '../history/keys.ts';
import { keyOf } from '../history/messages.ts';
import { placeName } from '../messaging/state.ts';
import type { World } from '../world.ts';
import { partitionLive, type PartitionLive } from './live.ts';
import { currentState } from './metadata.ts';
import { partitionLag } from './positions.ts';
import { viewEnd } from './replicas.ts';

export interface GroupLive {
  id: number;
  name: string;
  state: 'empty' | 'preparing' | 'stable';
  generation: number;
  members: number;
  lag: number;
  rebalances: number;
}

export interface PartitionDetail {
  partition: PartitionLive;
  /** The log as a strip: first and last offsets shown, segments, and each group's committed position. */
  segments: { baseOffset: number; nextOffset: number; records: number; bytes: number; active: boolean }[];
  recent: { offset: number; message: number; key: string | null }[];
  groups: { group: string; committed: number; lag: number }[];
  replicas: { broker: number; end: number; inSync: boolean; tail: number }[];
}

export interface GroupDetail {
  group: GroupLive;
  strategy: string;
  coordinator: string;
  members: { memberId: string; instance: string; partitions: string[] }[];
  committed: { partition: string; offset: number; lag: number }[];
}

/** A partition's log for the inspector: segments, the newest records, each group's committed position. */
export function partitionDetail(w: World, pid: number, recent = 40): PartitionDetail | null {
  const p = w.parts.kafka.partitions[pid];
  if (!p) return null;
  const live = partitionLive(w, pid);
  const segs = p.log.segments.map((s, i) => ({ baseOffset: s.baseOffset, nextOffset: s.nextOffset, records: s.count, bytes: s.bytes, active: i === p.log.segments.length - 1 }));
  const last: PartitionDetail['recent'] = [];
  for (let si = p.log.segments.length - 1; si >= 0 && last.length < recent; si--) {
    const s = p.log.segments[si]!;
    for (let i = s.count - 1; i >= 0 && last.length < recent; i--) {
      const id = s.ids[i]!;
      last.push({ offset: s.offsets ? s.offsets[i]! : s.baseOffset + i, message: id, key: keyText(w.keys, keyOf(w.messages, id)) });
    }
  }
  const st = currentState(p);
  return {
    partition: live,
    segments: segs,
    recent: last.reverse(),
    groups: w.parts.kafka.groups.filter((g) => g.topics.includes(p.topic)).map((g) => {
      const l = partitionLag(w, g.id, pid);
      return { group: g.name, committed: l.committed, lag: l.lag };
    }),
    replicas: p.replicas.map((bid, s) => ({ broker: w.parts.kafka.brokers[bid]!.number, end: viewEnd(p, s), inSync: st.isr.includes(s), tail: p.tail[s]?.length ?? 0 })),
  };
}

/** A consumer group for the inspector: members and their partitions, committed offsets and lag. */
export function groupDetail(w: World, gid: number): GroupDetail | null {
  const g = w.parts.kafka.groups[gid];
  if (!g) return null;
  return {
    group: { id: g.id, name: g.name, state: g.state, generation: g.generation, members: g.members.length, lag: 0, rebalances: g.rebalances },
    strategy: g.strategy,
    coordinator: g.coordinator >= 0 ? (w.net.names[w.parts.kafka.brokers[g.coordinator]!.host] ?? '') : 'none',
    members: g.members.map((m) => ({ memberId: m.memberId, instance: w.parts.kafka.consumers[m.consumer]?.name ?? '', partitions: (g.assignment.get(m.memberId) ?? []).map((p) => placeName(w.msg, p)) })),
    committed: g.topics.flatMap((t) => w.parts.kafka.topics[t]!.partitions.map((pid) => {
      const l = partitionLag(w, g.id, pid);
      return { partition: placeName(w.msg, pid), offset: l.committed, lag: l.lag };
    })),
  };
}

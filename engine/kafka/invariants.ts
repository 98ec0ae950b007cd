/**
 * Invariants of a Kafka cluster that must hold after every event, whatever the faults: at most one leader per
 * partition and epoch, a leader's high watermark never moving backwards within its epoch, committed data never
 * truncated when unclean election is off, committed offsets of a group never moving backwards except by an explicit
 * reset. Cheap enough to run after every event of hundreds of seeded runs.
 */
import { currentState } from './metadata.ts';
import type { World } from '../world.ts';

export interface InvariantState {
  /** Per partition: the epoch last seen, its leader slot and highest high watermark. */
  epoch: number[];
  leader: number[];
  hw: number[];
  /** Per group and partition: the last committed offset seen. */
  committed: Map<number, number>;
  checks: number;
}

export function createInvariantState(): InvariantState {
  return { epoch: [], leader: [], hw: [], committed: new Map(), checks: 0 };
}

export function checkInvariants(w: World, s: InvariantState): void {
  s.checks++;
  for (const p of w.parts.kafka.partitions) {
    const st = currentState(p);
    if (st.leader < 0) continue;
    const id = p.id;
    const hw = p.hw[st.leader]!;
    if (s.epoch[id] === st.leaderEpoch) {
      if (s.leader[id] !== st.leader) throw new Error(`two leaders for partition ${id} in epoch ${st.leaderEpoch}: slots ${s.leader[id]} and ${st.leader}`);
      if (hw < s.hw[id]!) throw new Error(`high watermark of partition ${id} moved back from ${s.hw[id]} to ${hw} in epoch ${st.leaderEpoch} at ${w.now}µs`);
    } else if (s.epoch[id] !== undefined && st.leaderEpoch < s.epoch[id]!) {
      throw new Error(`leader epoch of partition ${id} went back from ${s.epoch[id]} to ${st.leaderEpoch}`);
    }
    s.epoch[id] = st.leaderEpoch;
    s.leader[id] = st.leader;
    s.hw[id] = hw;
    if (p.log.endOffset < p.committed && !w.parts.kafka.topics[p.topic]!.config.uncleanLeaderElection) {
      throw new Error(`partition ${id} lost committed data: its log ends at ${p.log.endOffset}, below the committed ${p.committed}`);
    }
  }
  for (const g of w.parts.kafka.groups) {
    if (g.resetAt > 0) continue;
    for (const [pid, off] of g.committed) {
      const k = g.id * 1_000_000 + pid;
      const prev = s.committed.get(k);
      if (prev !== undefined && off < prev) throw new Error(`group ${g.name} committed offset of partition ${pid} moved back from ${prev} to ${off}`);
      if (prev !== off) s.committed.set(k, off);
    }
  }
}

/**
 * Invariants of a Kafka cluster that must hold after every event, whatever the faults: at most one leader per
 * partition and epoch, a leader's high watermark never moving backwards within its epoch, committed data never
 * truncated when unclean election is off, committed offsets of a group never moving backwards except by an explicit
 * reset.
 */
import { currentState } from '../kafka/metadata.ts';
import type { World } from '../world.ts';

export interface InvariantState {
  /** Per partition: leader slot seen for each epoch. */
  leaders: Map<string, number>;
  /** Per partition and epoch: highest high watermark seen on the leader. */
  hw: Map<string, number>;
  committed: Map<string, number>;
  checks: number;
}

export function createInvariantState(): InvariantState {
  return { leaders: new Map(), hw: new Map(), committed: new Map(), checks: 0 };
}

export function checkInvariants(w: World, s: InvariantState): void {
  s.checks++;
  for (const p of w.partitions) {
    const st = currentState(p);
    if (st.leader >= 0) {
      const k = `${p.id}@${st.leaderEpoch}`;
      const seen = s.leaders.get(k);
      if (seen !== undefined && seen !== st.leader) throw new Error(`two leaders for partition ${p.id} in epoch ${st.leaderEpoch}: slots ${seen} and ${st.leader}`);
      s.leaders.set(k, st.leader);
      const hw = p.hw[st.leader]!;
      const prev = s.hw.get(k) ?? 0;
      if (hw < prev) throw new Error(`high watermark of partition ${p.id} moved back from ${prev} to ${hw} in epoch ${st.leaderEpoch} at ${w.now}µs`);
      s.hw.set(k, hw);
      if (!w.topics[p.topic]!.config.uncleanLeaderElection && p.log.endOffset < p.committed) {
        throw new Error(`partition ${p.id} lost committed data: its log ends at ${p.log.endOffset}, below the committed ${p.committed}`);
      }
    }
  }
  for (const g of w.groups) {
    for (const [pid, off] of g.committed) {
      const k = `${g.id}/${pid}`;
      const prev = s.committed.get(k) ?? -1;
      if (off < prev && !g.resetAt) throw new Error(`group ${g.name} committed offset of partition ${pid} moved back from ${prev} to ${off}`);
      s.committed.set(k, off);
    }
  }
}

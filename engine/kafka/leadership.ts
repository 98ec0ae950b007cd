/**
 * What a broker does when it learns new metadata: take up leadership (reset its view of the followers, as
 * Partition.makeLeader does), give it up (answer waiting requests with NOT_LEADER_OR_FOLLOWER), or start fetching
 * from a new leader.
 */
import type { World } from '../world.ts';
import { believesLeader, slotOf, stateAt } from './metadata.ts';
import { failDelayed, maybeAdvanceHighWatermark } from './highWatermark.ts';
import { kickFetchers } from './replication.ts';
import { failParkedFetches } from './fetch.ts';
import type { Broker } from './types.ts';

export function onMetadata(w: World, b: Broker, before: number): void {
  const c = w.parts.kafka.clusters[b.cluster]!;
  for (const pid of c.partitions) {
    const p = w.parts.kafka.partitions[pid]!;
    const slot = slotOf(p, b.id);
    if (slot < 0) continue;
    const was = stateAt(p, before);
    const now = stateAt(p, b.metaVersion)!;
    const wasLeader = was !== undefined && was.leader === slot && before > 0;
    const isLeader = now.leader === slot;
    if (isLeader && (!wasLeader || was!.leaderEpoch !== now.leaderEpoch)) {
      for (let s = 0; s < p.replicas.length; s++) {
        p.lastCaughtUpAt[s] = w.now;
        p.lastFetchAt[s] = w.now;
        p.lastFetchLeaderEnd[s] = 0;
        if (s !== slot) p.followerEnd[s] = 0;
      }
      p.pendingIsr = null;
    } else if (wasLeader && !isLeader) {
      failDelayed(w, p, b.id);
      failParkedFetches(w, p, b.id);
      p.pendingIsr = null;
    }
    if (isLeader && believesLeader(b, p)) maybeAdvanceHighWatermark(w, p, slot);
  }
  kickFetchers(w, b.id);
}

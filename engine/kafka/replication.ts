/**
 * Followers fetching from leaders. One fetcher per (follower broker, leader broker) pair carries every partition
 * that pair shares, as Kafka's ReplicaFetcherThread does. The leader answers at once when it has something new
 * and otherwise parks the fetch for up to replica.fetch.wait.max.ms. From each fetch the leader learns how far the
 * follower has got: that moves the high watermark, keeps the follower in the ISR, or brings it back (semantics R1,
 * R3); a follower that has not caught up for replica.lag.time.max.ms is dropped from the ISR by the periodic check.
 */
import { KT } from './trace.ts';
import { KE } from './events.ts';
import { record } from '../history/trace.ts';
import { after, at, on } from '../sim/loop.ts';
import { arrival, refusedAt } from '../sim/network.ts';
import type { World } from '../world.ts';
import { maximalIsr, maybeAdvanceHighWatermark } from './highWatermark.ts';
import { believesLeader, slotOf, stateAt } from './metadata.ts';
import { commonPrefix, follow, viewEnd } from './replicas.ts';
import type { Fetcher } from './types.ts';
import { logWrite } from './logWrite.ts';

const REPLICA_SOCKET_TIMEOUT_US = 30_000_000; // replica.socket.timeout.ms
const REPLICA_FETCH_BACKOFF_US = 1_000_000; // replica.fetch.backoff.ms

/** Starts every idle fetcher of the follower broker that now has partitions to fetch. */
export function kickFetchers(w: World, broker: number): void {
  const c = w.parts.kafka.clusters[w.parts.kafka.brokers[broker]!.cluster]!;
  for (const fid of c.fetchers) {
    const f = w.parts.kafka.fetchers[fid]!;
    if (f.follower === broker && !f.inflight) sendFetch(w, f);
  }
}

/** Answers the parked fetches of followers of `leader` (new data or a higher watermark). */
export function wakeReplicaFetchers(w: World, leader: number): void {
  const c = w.parts.kafka.clusters[w.parts.kafka.brokers[leader]!.cluster]!;
  for (const fid of c.fetchers) {
    const f = w.parts.kafka.fetchers[fid]!;
    if (f.leader === leader && f.parked) answer(w, f);
  }
}

function sendFetch(w: World, f: Fetcher): void {
  const fb = w.parts.kafka.brokers[f.follower]!;
  if (!fb.alive) return;
  f.request.length = 0;
  const c = w.parts.kafka.clusters[f.cluster]!;
  for (const pid of c.partitions) {
    const p = w.parts.kafka.partitions[pid]!;
    const slot = slotOf(p, f.follower);
    if (slot < 0) continue;
    const view = stateAt(p, fb.metaVersion);
    if (!view || view.leader < 0 || view.leader === slot || p.replicas[view.leader] !== f.leader) continue;
    f.request.push(pid, viewEnd(p, slot));
  }
  if (f.request.length === 0) {
    f.inflight = false;
    return;
  }
  f.inflight = true;
  f.parked = false;
  f.seq++;
  f.life = fb.life;
  const lhost = w.parts.kafka.brokers[f.leader]!.host;
  const t = arrival(w.net, w.now, fb.host, lhost);
  if (t >= 0) at(w, t, KE.replicaFetchArrive, f.id, f.seq);
  const refused = t < 0 ? refusedAt(w.net, w.now, fb.host, lhost) : -1;
  at(w, refused >= 0 ? refused : w.now + REPLICA_SOCKET_TIMEOUT_US, KE.replicaFetchTimeout, f.id, f.seq);
}

on<World>(KE.replicaFetch, 'replica fetch', (w, fid, life) => {
  const f = w.parts.kafka.fetchers[fid]!;
  if (!f.inflight && w.parts.kafka.brokers[f.follower]!.life === life) sendFetch(w, f);
});

on<World>(KE.replicaFetchArrive, 'replica fetch reaches leader', (w, fid, seq) => {
  const f = w.parts.kafka.fetchers[fid]!;
  if (f.seq !== seq) return;
  const lb = w.parts.kafka.brokers[f.leader]!;
  if (!lb.alive) return;
  for (let i = 0; i < f.request.length; i += 2) {
    const p = w.parts.kafka.partitions[f.request[i]!]!;
    if (!believesLeader(lb, p)) continue;
    const ls = slotOf(p, f.leader);
    const fs = slotOf(p, f.follower);
    const leaderEnd = viewEnd(p, ls);
    const valid = commonPrefix(p, fs, ls, f.request[i + 1]!);
    p.followerEnd[fs] = valid;
    // Replica.updateFetchState: caught up now, or caught up to where the leader was at the previous fetch.
    if (valid >= leaderEnd) p.lastCaughtUpAt[fs] = w.now;
    else if (valid >= p.lastFetchLeaderEnd[fs]!) p.lastCaughtUpAt[fs] = p.lastFetchAt[fs]!;
    p.lastFetchAt[fs] = w.now;
    p.lastFetchLeaderEnd[fs] = leaderEnd;
    const isr = maximalIsr(w, p, ls);
    // Partition.isFollowerInSync: the follower has reached the high watermark.
    if (!isr.includes(fs) && !p.pendingIsr && valid >= p.hw[ls]!) {
      proposeIsr(w, p.id, ls, [...isr, fs]);
    }
    maybeAdvanceHighWatermark(w, p, ls);
  }
  f.parked = true;
  answer(w, f);
  if (f.parked) after(w, w.parts.kafka.clusters[f.cluster]!.config.replicaFetchWaitUs, KE.replicaParkTimeout, f.id, f.seq);
});

/** Answers a parked fetch if any partition has data or a newer high watermark for the follower. */
function answer(w: World, f: Fetcher, force = false): void {
  const lb = w.parts.kafka.brokers[f.leader]!;
  if (!lb.alive) return;
  f.response.length = 0;
  let news = false;
  for (let i = 0; i < f.request.length; i += 2) {
    const p = w.parts.kafka.partitions[f.request[i]!]!;
    if (!believesLeader(lb, p)) continue;
    const ls = slotOf(p, f.leader);
    const fs = slotOf(p, f.follower);
    const end = viewEnd(p, ls);
    const hw = p.hw[ls]!;
    if (end > f.request[i + 1]! || hw > p.hw[fs]!) news = true;
    f.response.push(p.id, end, hw, stateAt(p, lb.metaVersion)!.leaderEpoch);
  }
  if (!news && !force) return;
  f.parked = false;
  const t = arrival(w.net, w.now, lb.host, w.parts.kafka.brokers[f.follower]!.host);
  if (t >= 0) at(w, t, KE.replicaFetchResponse, f.id, f.seq);
}

on<World>(KE.replicaParkTimeout, 'parked replica fetch times out', (w, fid, seq) => {
  const f = w.parts.kafka.fetchers[fid]!;
  if (f.seq === seq && f.parked) answer(w, f, true);
});

on<World>(KE.replicaFetchResponse, 'replica fetch response', (w, fid, seq) => {
  const f = w.parts.kafka.fetchers[fid]!;
  const fb = w.parts.kafka.brokers[f.follower]!;
  if (f.seq !== seq || !fb.alive || fb.life !== f.life) return;
  const r = f.response;
  for (let i = 0; i < r.length; i += 4) {
    const p = w.parts.kafka.partitions[r[i]!]!;
    const fs = slotOf(p, f.follower);
    const ls = slotOf(p, f.leader);
    const view = stateAt(p, fb.metaVersion);
    if (!view || view.leader !== ls || view.leaderEpoch !== r[i + 3]) continue;
    const before = viewEnd(p, fs);
    const truncated = follow(p, fs, ls, r[i + 1]!, logWrite(w, w.parts.kafka.topics[p.topic]!));
    if (truncated > 0) record(w.trace, w.now, KT.truncate, fb.host, p.id, viewEnd(p, fs), truncated, 0);
    const end = viewEnd(p, fs);
    if (end !== before || truncated > 0) record(w.trace, w.now, KT.replicate, fb.host, p.id, end, 0, 0);
    p.hw[fs] = Math.min(r[i + 2]!, end);
  }
  f.inflight = false;
  sendFetch(w, f);
}, { hop: true });

on<World>(KE.replicaFetchTimeout, 'replica fetch times out', (w, fid, seq) => {
  const f = w.parts.kafka.fetchers[fid]!;
  if (f.seq !== seq || !f.inflight) return;
  f.inflight = false;
  f.parked = false;
  after(w, REPLICA_FETCH_BACKOFF_US, KE.replicaFetch, f.id, w.parts.kafka.brokers[f.follower]!.life);
}, {
  // Answered: a newer fetch was sent (its sequence only grows, and only a new fetch sets `inflight`), or none is out.
  dead: (w, fid, seq) => {
    const f = w.parts.kafka.fetchers[fid]!;
    return f.seq !== seq || !f.inflight;
  },
});

/** The leader asks the controller to change the ISR (AlterPartition). */
export function proposeIsr(w: World, pid: number, leaderSlot: number, isr: number[]): void {
  const p = w.parts.kafka.partitions[pid]!;
  const lb = w.parts.kafka.brokers[p.replicas[leaderSlot]!]!;
  const view = stateAt(p, lb.metaVersion)!;
  p.pendingIsr = isr;
  const c = w.parts.kafka.clusters[p.cluster]!;
  const t = arrival(w.net, w.now, lb.host, c.controller.host);
  if (t >= 0) at(w, t, KE.alterPartitionArrive, pid, view.leaderEpoch);
}

on<World>(KE.isrCheck, 'ISR expiry check', (w, cid) => {
  const c = w.parts.kafka.clusters[cid]!;
  after(w, c.config.replicaLagTimeMaxUs / 2, KE.isrCheck, cid, 0);
  for (const pid of c.partitions) {
    const p = w.parts.kafka.partitions[pid]!;
    for (let ls = 0; ls < p.replicas.length; ls++) {
      const lb = w.parts.kafka.brokers[p.replicas[ls]!]!;
      if (!believesLeader(lb, p)) continue;
      const isr = stateAt(p, lb.metaVersion)!.isr;
      const keep = isr.filter((s) => s === ls || w.now - p.lastCaughtUpAt[s]! <= c.config.replicaLagTimeMaxUs);
      if (keep.length < isr.length) proposeIsr(w, p.id, ls, keep);
      else if (p.pendingIsr) proposeIsr(w, p.id, ls, p.pendingIsr); // retry a change the controller has not applied
    }
  }
});

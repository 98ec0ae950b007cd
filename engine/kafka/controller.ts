/**
 * The KRaft controller: it hears broker heartbeats, fences a broker it has not heard from for
 * `broker.session.timeout.ms`, elects leaders from the ISR (or, with unclean.leader.election.enable, from any live
 * replica), applies the ISR changes leaders ask for (AlterPartition, KIP-497), moves leadership back to preferred
 * replicas, and tells every broker it can reach (semantics R2, R6, R7, K10, K11).
 *
 * The controller is the active voter of the KRaft quorum (quorum.ts): it acts only while it reaches a majority,
 * and a newly active one starts every broker's session afresh, as QuorumController does when it takes office.
 */
import { KT } from './trace.ts';
import { KE } from './events.ts';
import { record } from '../history/trace.ts';
import { after, at, on } from '../sim/loop.ts';
import { arrival } from '../sim/network.ts';
import type { World } from '../world.ts';
import { currentState, pushState, slotOf } from './metadata.ts';
import { makeOwner } from './replicas.ts';
import { logWrite } from './logWrite.ts';
import type { Cluster, Partition } from './types.ts';
import { onMetadata } from './leadership.ts';
import { quorumChanged, runElection, setVoter } from './quorum.ts';

/** Elects the first leaders (preferred replicas), starts heartbeats and periodic checks. */
export function startCluster(w: World, c: Cluster): void {
  const ctl = c.controller;
  ctl.version = 1;
  for (const pid of c.partitions) {
    const p = w.parts.kafka.partitions[pid]!;
    const isr = p.replicas.map((_, s) => s);
    pushState(p, { version: 1, leader: 0, leaderEpoch: 0, isr });
    p.owner = 0;
    record(w.trace, w.now, KT.election, w.parts.kafka.brokers[p.replicas[0]!]!.host, p.id, 0, isr.length, 0);
  }
  for (const bid of c.brokers) {
    const b = w.parts.kafka.brokers[bid]!;
    b.metaVersion = 1;
    b.lastHeartbeatAt = w.now;
    heartbeatReceived(w, c, b.id);
    after(w, (c.config.brokerHeartbeatIntervalUs * (b.number - 1)) / c.brokers.length, KE.brokerHeartbeat, b.id, b.life);
  }
  for (const bid of c.brokers) onMetadata(w, w.parts.kafka.brokers[bid]!, 0);
  after(w, c.config.leaderImbalanceCheckUs, KE.preferredLeaderCheck, c.id, 0);
}

/**
 * A voter became the active controller (or the leader reaches a majority again): it commits again, gives every
 * broker a fresh session (brokers re-heartbeat to it; one that does not within broker.session.timeout.ms is
 * fenced), and sends every broker the metadata.
 */
function takeOffice(w: World, c: Cluster): void {
  c.controller.alive = true;
  for (const bid of c.brokers) {
    const b = w.parts.kafka.brokers[bid]!;
    after(w, c.config.brokerSessionTimeoutUs, KE.sessionExpire, bid, ++c.controller.sessionGen[b.number - 1]!);
  }
  pushMetadata(w, c);
}

on<World>(KE.quorumElection, 'controller quorum election', (w, cid, gen) => runElection(w, w.parts.kafka.clusters[cid]!, gen, takeOffice));

/** A voter of the cluster's quorum crashes or restarts. */
export function crashVoter(w: World, c: Cluster, v: number, up: boolean): void {
  setVoter(w, c, v, up, takeOffice);
}

/** The network changed: the quorum may have lost or regained its majority. */
export function quorumNetworkChanged(w: World): void {
  for (const c of w.parts.kafka.clusters) quorumChanged(w, c, takeOffice);
}

on<World>(KE.brokerHeartbeat, 'broker heartbeat', (w, bid, life) => {
  const b = w.parts.kafka.brokers[bid]!;
  if (!b.alive || b.life !== life) return;
  const c = w.parts.kafka.clusters[b.cluster]!;
  const t = arrival(w.net, w.now, b.host, c.controller.host);
  if (t >= 0) at(w, t, KE.heartbeatArrive, bid, life);
  after(w, c.config.brokerHeartbeatIntervalUs, KE.brokerHeartbeat, bid, life);
});

on<World>(KE.heartbeatArrive, 'heartbeat reaches controller', (w, bid, life) => {
  const b = w.parts.kafka.brokers[bid]!;
  const c = w.parts.kafka.clusters[b.cluster]!;
  if (!c.controller.alive) return;
  let changed = false;
  // A heartbeat from a new incarnation means the broker restarted: it leads nothing and must catch up before it
  // rejoins any ISR (KRaft re-registration).
  if (life !== b.lastLife && !b.fenced) changed = fence(w, c, bid) || changed;
  b.lastLife = life;
  if (b.fenced) changed = unfence(w, c, bid) || changed;
  heartbeatReceived(w, c, bid);
  if (changed) pushMetadata(w, c);
  else sendMetadata(w, c, bid);
});

function heartbeatReceived(w: World, c: Cluster, bid: number): void {
  const gen = ++c.controller.sessionGen[w.parts.kafka.brokers[bid]!.number - 1]!;
  w.parts.kafka.brokers[bid]!.lastHeartbeatAt = w.now;
  after(w, c.config.brokerSessionTimeoutUs, KE.sessionExpire, bid, gen);
}

on<World>(KE.sessionExpire, 'broker session expires', (w, bid, gen) => {
  const b = w.parts.kafka.brokers[bid]!;
  const c = w.parts.kafka.clusters[b.cluster]!;
  if (!c.controller.alive || c.controller.sessionGen[b.number - 1] !== gen || b.fenced) return;
  if (fence(w, c, bid)) pushMetadata(w, c);
});

/** Fences a broker: it leaves every ISR it can leave and loses every leadership. Returns true if anything changed. */
function fence(w: World, c: Cluster, bid: number): boolean {
  const b = w.parts.kafka.brokers[bid]!;
  b.fenced = true;
  let changed = false;
  for (const pid of c.partitions) {
    const p = w.parts.kafka.partitions[pid]!;
    const slot = slotOf(p, bid);
    if (slot < 0) continue;
    const st = currentState(p);
    // KRaft never empties an ISR: the last member stays, so it can lead again when it returns (semantics K10).
    const isr = st.isr.length > 1 ? st.isr.filter((s) => s !== slot) : st.isr;
    if (st.leader === slot) {
      elect(w, c, p, isr);
      changed = true;
    } else if (isr.length !== st.isr.length) {
      change(w, c, p, st.leader, isr, false);
      changed = true;
    }
  }
  return changed;
}

function unfence(w: World, c: Cluster, bid: number): boolean {
  w.parts.kafka.brokers[bid]!.fenced = false;
  let changed = false;
  for (const pid of c.partitions) {
    const p = w.parts.kafka.partitions[pid]!;
    const st = currentState(p);
    if (st.leader >= 0 || slotOf(p, bid) < 0) continue;
    elect(w, c, p, st.isr);
    changed = true;
  }
  return changed;
}

/** True when the controller may pick the replica in `slot` (its broker is registered and unfenced). */
function eligible(w: World, p: Partition, slot: number): boolean {
  return !w.parts.kafka.brokers[p.replicas[slot]!]!.fenced;
}

/**
 * Picks a leader: the first ISR replica in replica order whose broker is unfenced; failing that, with unclean
 * election enabled, the first unfenced replica at all; otherwise the partition goes offline.
 */
export function elect(w: World, c: Cluster, p: Partition, isr: number[]): void {
  const st = currentState(p);
  let leader = -1;
  let newIsr = isr;
  for (let s = 0; s < p.replicas.length && leader < 0; s++) if (isr.includes(s) && eligible(w, p, s)) leader = s;
  const topic = w.parts.kafka.topics[p.topic]!;
  if (leader < 0 && topic.config.uncleanLeaderElection) {
    for (let s = 0; s < p.replicas.length && leader < 0; s++) if (eligible(w, p, s)) leader = s;
    if (leader >= 0) newIsr = [leader];
  }
  change(w, c, p, leader, newIsr, leader !== st.leader || leader >= 0);
}

/** Records a new partition state decided by the controller. */
export function change(w: World, c: Cluster, p: Partition, leader: number, isr: number[], newEpoch: boolean): void {
  const st = currentState(p);
  const version = ++c.controller.version;
  const epoch = newEpoch ? st.leaderEpoch + 1 : st.leaderEpoch;
  pushState(p, { version, leader, leaderEpoch: epoch, isr: [...isr].sort((a, b) => a - b) });
  if (leader !== st.leader || newEpoch) {
    if (leader >= 0) {
      const topic = w.parts.kafka.topics[p.topic]!;
      makeOwner(p, leader, logWrite(w, topic));
      if (p.offlineSince >= 0) {
        w.checks.unavailable.push({ what: 'partition', id: p.id, from: p.offlineSince, to: w.now });
        p.offlineSince = -1;
      }
    } else if (p.offlineSince < 0) {
      p.offlineSince = w.now;
    }
    const host = leader >= 0 ? w.parts.kafka.brokers[p.replicas[leader]!]!.host : -1;
    record(w.trace, w.now, KT.election, host, p.id, epoch, isr.length, 0);
  } else {
    const host = leader >= 0 ? w.parts.kafka.brokers[p.replicas[leader]!]!.host : -1;
    record(w.trace, w.now, KT.isr, host, p.id, isr.length, isr.length < st.isr.length ? 1 : 2, 0);
  }
}

/** Tells every broker the controller can reach about the newest metadata. */
export function pushMetadata(w: World, c: Cluster): void {
  for (const bid of c.brokers) sendMetadata(w, c, bid);
}

function sendMetadata(w: World, c: Cluster, bid: number): void {
  const b = w.parts.kafka.brokers[bid]!;
  const t = arrival(w.net, w.now, c.controller.host, b.host);
  if (t >= 0) at(w, t, KE.metadataArrive, bid, c.controller.version);
}

on<World>(KE.metadataArrive, 'metadata reaches broker', (w, bid, version) => {
  const b = w.parts.kafka.brokers[bid]!;
  if (!b.alive || version <= b.metaVersion) return;
  const before = b.metaVersion;
  b.metaVersion = version;
  onMetadata(w, b, before);
});

on<World>(KE.alterPartitionArrive, 'AlterPartition reaches controller', (w, pid, epoch) => {
  const p = w.parts.kafka.partitions[pid]!;
  const c = w.parts.kafka.clusters[p.cluster]!;
  const proposed = p.pendingIsr;
  if (!c.controller.alive || !proposed) return;
  const st = currentState(p);
  // Only the current leader's request counts; a deposed leader's is rejected (FENCED_LEADER_EPOCH).
  if (st.leaderEpoch !== epoch || st.leader < 0) return;
  // The controller never adds a fenced broker to the ISR.
  const isr = proposed.filter((s) => s === st.leader || eligible(w, p, s));
  p.pendingIsr = null;
  if (isr.length === st.isr.length && isr.every((s) => st.isr.includes(s))) return;
  change(w, c, p, st.leader, isr, false);
  pushMetadata(w, c);
});

on<World>(KE.preferredLeaderCheck, 'preferred leader check', (w, cid) => {
  const c = w.parts.kafka.clusters[cid]!;
  after(w, c.config.leaderImbalanceCheckUs, KE.preferredLeaderCheck, cid, 0);
  if (!c.controller.alive || !c.config.autoLeaderRebalance) return;
  let changed = false;
  for (const bid of c.brokers) {
    if (w.parts.kafka.brokers[bid]!.fenced) continue;
    const preferred = c.partitions.map((id) => w.parts.kafka.partitions[id]!).filter((p) => p.replicas[0] === bid);
    const notLeading = preferred.filter((p) => currentState(p).leader !== 0);
    if (preferred.length === 0 || (notLeading.length * 100) / preferred.length <= c.config.leaderImbalancePercent) continue;
    for (const p of notLeading) {
      const st = currentState(p);
      if (!st.isr.includes(0)) continue;
      change(w, c, p, 0, st.isr, true);
      changed = true;
    }
  }
  if (changed) pushMetadata(w, c);
});

/**
 * The KRaft controller quorum (semantics R6; KIP-595 "A Raft Protocol for the Metadata Quorum", KIP-631): the
 * voters `Kafka/controller-1..N` elect an active controller by majority, and only an active controller that
 * reaches a majority can commit metadata (new leaders, ISR changes, fencing). Brokers talk to the active one.
 *
 * Modelled without events while the quorum is healthy, so a run with no controller fault keeps its exact history:
 * the quorum is looked at again only when a voter crashes or restarts or the network changes (`quorumChanged`).
 *
 * Timing, Kafka's defaults (QuorumConfig): a follower that has not fetched from the leader for
 * `controller.quorum.fetch.timeout.ms` (2000 ms) stands for election; voters start elections after a random
 * backoff of up to `controller.quorum.election.backoff.max.ms` (1000 ms), and a candidate that gets no majority
 * tries again after `controller.quorum.election.timeout.ms` (1000 ms). EventLab folds the vote round into that
 * draw: a leader lost at t has a successor at t + 2 s + [0, 1 s). A single voter is its own majority and leads
 * at once, as KafkaRaftClient makes a lone voter leader on startup. Randomness comes from the quorum's own stream
 * of the run's seed.
 */
import { record } from '../history/trace.ts';
import { after } from '../sim/loop.ts';
import { reachable } from '../sim/network.ts';
import { nextFloat, nextInt } from '../sim/random.ts';
import type { World } from '../world.ts';
import { KE } from './events.ts';
import { KT } from './trace.ts';
import type { Cluster } from './types.ts';

/** Live voters that voter `v` reaches, itself included. */
function support(w: World, c: Cluster, v: number): number {
  const q = c.controller;
  if (!q.voters[v]!.alive) return 0;
  let n = 0;
  for (const o of q.voters) if (o.alive && (o === q.voters[v] || reachable(w.net, q.voters[v]!.host, o.host))) n++;
  return n;
}

/** True when voter `v` is up and reaches a majority of all voters (itself included). */
export function hasMajority(w: World, c: Cluster, v: number): boolean {
  return support(w, c, v) * 2 > c.controller.voters.length;
}

/** True when the quorum has an active controller that can commit metadata. */
export function quorumHealthy(w: World, c: Cluster): boolean {
  const q = c.controller;
  return q.active >= 0 && hasMajority(w, c, q.active);
}

/** Voters that could win an election now: up, reaching a majority, other than a sitting leader. */
function candidates(w: World, c: Cluster): number[] {
  const out: number[] = [];
  for (let v = 0; v < c.controller.voters.length; v++) if (v !== c.controller.active && hasMajority(w, c, v)) out.push(v);
  return out;
}

/**
 * A voter crashed or restarted, or the network changed: keep a healthy quorum as it is (no events, no draws),
 * else stop metadata changes at once and, if some voter can gather a majority, schedule its election.
 */
export function quorumChanged(w: World, c: Cluster, onActive: (w: World, c: Cluster) => void): void {
  const q = c.controller;
  if (quorumHealthy(w, c)) {
    if (q.electionAt >= 0) cancelElection(c);
    // The leader reaches a majority again: it commits again, with broker sessions started afresh.
    if (!q.alive) onActive(w, c);
    return;
  }
  const lost = q.active >= 0;
  if (q.alive) {
    q.alive = false;
    if (q.active >= 0 && q.voters[q.active]!.alive) record(w.trace, w.now, KT.controller, q.voters[q.active]!.host, -1, q.epoch, 2, 0);
  }
  if (q.active >= 0 && !q.voters[q.active]!.alive) {
    q.last = q.active;
    q.active = -1;
  }
  if (q.electionAt >= 0 || candidates(w, c).length === 0) return;
  const cfg = c.config;
  let delay = 0;
  if (q.voters.length > 1) {
    // Followers notice a lost leader after the fetch timeout; with no leader, candidates retry after the election timeout.
    const wait = lost ? cfg.quorumFetchTimeoutUs : cfg.quorumElectionTimeoutUs;
    delay = wait + Math.floor(nextFloat(q.rng) * cfg.quorumElectionBackoffMaxUs);
  }
  q.electionAt = w.now + delay;
  after(w, delay, KE.quorumElection, c.id, ++q.electionGen);
}

function cancelElection(c: Cluster): void {
  c.controller.electionGen++;
  c.controller.electionAt = -1;
}

/** Runs an election now: a voter that reaches a majority wins it (which one stands first is random). */
export function runElection(w: World, c: Cluster, gen: number, onActive: (w: World, c: Cluster) => void): void {
  const q = c.controller;
  if (q.electionGen !== gen) return;
  q.electionAt = -1;
  if (quorumHealthy(w, c)) return;
  const can = candidates(w, c);
  if (can.length === 0) return;
  const v = can.length === 1 ? can[0]! : can[nextInt(q.rng, can.length)]!;
  q.active = v;
  q.last = v;
  q.epoch++;
  q.host = q.voters[v]!.host;
  record(w.trace, w.now, KT.controller, q.host, -1, q.epoch, 1, 0);
  onActive(w, c);
}

/** Crashes or restarts voter `v`. */
export function setVoter(w: World, c: Cluster, v: number, up: boolean, onActive: (w: World, c: Cluster) => void): void {
  const voter = c.controller.voters[v]!;
  if (voter.alive === up) return;
  voter.alive = up;
  w.net.up[voter.host] = up ? 1 : 0;
  quorumChanged(w, c, onActive);
}

/** The voter `Kafka/controller` names: the active one, or while there is none the last that was. */
export function namedVoter(c: Cluster): number {
  return c.controller.active >= 0 ? c.controller.active : c.controller.last;
}

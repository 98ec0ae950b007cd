/**
 * Who leads what, as each broker believes it. The controller appends partition states with increasing versions;
 * a broker acts on the newest state it has heard of, so a broker cut off from the controller keeps acting on an old
 * one (a "zombie" leader), exactly the window in which Kafka can lose acks=1 writes (semantics R8).
 */
import type { Broker, Partition, PartitionState } from './types.ts';

const HISTORY = 64;

/** The newest state with version <= `version`, or undefined before the first election. */
export function stateAt(p: Partition, version: number): PartitionState | undefined {
  const s = p.states;
  for (let i = s.length - 1; i >= 0; i--) if (s[i]!.version <= version) return s[i];
  return s[0];
}

/** Whether metadata of `version` predates the partition (added to its topic since: kafka-topics.sh --alter). */
export function unknownTo(p: Partition, version: number): boolean {
  return (p.sinceVersion ?? 0) > version;
}

export function currentState(p: Partition): PartitionState {
  return p.states[p.states.length - 1]!;
}

/** Records a new state (keeping a bounded history). */
export function pushState(p: Partition, state: PartitionState): void {
  p.states.push(state);
  if (p.states.length > HISTORY) p.states.splice(0, p.states.length - HISTORY);
}

export function slotOf(p: Partition, broker: number): number {
  return p.replicas.indexOf(broker);
}

/** The partition as broker `b` sees it. */
export function viewOf(b: Broker, p: Partition): PartitionState | undefined {
  return stateAt(p, b.metaVersion);
}

/** True when broker `b` is up and believes it leads `p`. */
export function believesLeader(b: Broker, p: Partition): boolean {
  if (!b.alive) return false;
  const v = stateAt(p, b.metaVersion);
  return v !== undefined && v.leader >= 0 && p.replicas[v.leader] === b.id;
}

/** The leader broker (global id) in the state at `version`, or -1. */
export function leaderAt(p: Partition, version: number): number {
  const v = stateAt(p, version);
  return v && v.leader >= 0 ? p.replicas[v.leader]! : -1;
}

/**
 * How many of a topic's partitions a client whose metadata is at `version` knows of: partitions added at run time
 * stay unknown to it until its next metadata refresh (semantics S9, C16).
 */
export function knownPartitions(all: readonly Partition[], ids: readonly number[], version: number): number {
  let n = ids.length;
  while (n > 1 && unknownTo(all[ids[n - 1]!]!, version)) n--;
  return n;
}

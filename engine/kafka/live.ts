/**
 * Kafka's live state for the frame, per topology node: a Kafka node shows its brokers and every partition it
 * hosts, a topic node its partitions, a partition node its one partition; and the fault targets a run adds
 * (each broker, the controller, the leader of each partition).
 */
import type { NodeLiveBase } from '../live/types.ts';
import type { World } from '../world.ts';
import { currentState } from './metadata.ts';
import { viewEnd } from './replicas.ts';
import { hasMajority } from './quorum.ts';
import type { Cluster } from './types.ts';

export interface PartitionLive {
  /** Global partition id (its place in the messaging port). */
  id: number;
  topic: string;
  index: number;
  /** Broker numbers (1-based) of the replicas, the leader (-1 offline) and the in-sync ones. */
  replicas: number[];
  leader: number;
  isr: number[];
  logStart: number;
  logEnd: number;
  highWatermark: number;
  offline: boolean;
  /** Per replica slot: how far that replica's log goes. */
  replicaEnds: number[];
}

export interface BrokerLive {
  number: number;
  alive: boolean;
  fenced: boolean;
  /** Partitions it leads and follows. */
  leads: number;
  follows: number;
}

/** A Kafka node: its brokers (up of them alive), its controller and every partition it hosts. */
export interface KafkaNodeLive extends NodeLiveBase {
  type: 'kafka';
  brokers: BrokerLive[];
  /** The active controller can commit metadata (it is up and reaches a majority of the quorum). */
  controllerAlive: boolean;
  /** The controller quorum: which voter is active (1-based, 0 while none is), each voter up, and a majority or not. */
  quorum: { active: number; voters: boolean[]; majority: boolean };
  partitions: PartitionLive[];
}

/** A topic drawn as a node: its partitions, and the Kafka node that hosts them (for link faults). */
export interface TopicNodeLive extends NodeLiveBase {
  type: 'topic';
  host: string;
  partitions: PartitionLive[];
}

/** A partition drawn as a node. */
export interface PartitionNodeLive extends NodeLiveBase {
  type: 'partition';
  host: string;
  partition: PartitionLive;
}

declare module '../live/types.ts' {
  interface NodeLives {
    kafka: KafkaNodeLive;
    topic: TopicNodeLive;
    partition: PartitionNodeLive;
  }
}

export function partitionLive(w: World, pid: number): PartitionLive {
  const k = w.parts.kafka;
  const p = k.partitions[pid]!;
  const st = currentState(p);
  const num = (slot: number) => k.brokers[p.replicas[slot]!]!.number;
  const leaderSlot = st.leader >= 0 ? st.leader : p.owner;
  return {
    id: p.id,
    topic: k.topics[p.topic]!.name,
    index: p.index,
    replicas: p.replicas.map((_, s) => num(s)),
    leader: st.leader >= 0 ? num(st.leader) : -1,
    isr: st.isr.map(num),
    logStart: p.log.startOffset,
    logEnd: viewEnd(p, leaderSlot),
    highWatermark: p.hw[leaderSlot]!,
    offline: st.leader < 0,
    replicaEnds: p.replicas.map((_, s) => viewEnd(p, s)),
  };
}

/** Fills in the live state of every node Kafka simulates: clusters, and topics and partitions drawn as nodes. */
export function kafkaLive(w: World, out: Record<string, unknown>): void {
  const k = w.parts.kafka;
  const byTopic = new Map<number, PartitionLive[]>();
  for (const c of k.clusters) {
    const partitions = c.partitions.map((pid) => partitionLive(w, pid));
    for (const p of partitions) {
      const tid = k.partitions[p.id]!.topic;
      (byTopic.get(tid) ?? byTopic.set(tid, []).get(tid)!).push(p);
    }
    const brokers = c.brokers.map((bid) => {
      const b = k.brokers[bid]!;
      let leads = 0, follows = 0;
      for (const pid of c.partitions) {
        const p = k.partitions[pid]!;
        const slot = p.replicas.indexOf(bid);
        if (slot < 0) continue;
        if (currentState(p).leader === slot) leads++;
        else follows++;
      }
      return { number: b.number, alive: b.alive, fenced: b.fenced, leads, follows };
    });
    const live: KafkaNodeLive = { type: 'kafka', up: brokers.filter((b) => b.alive).length, of: brokers.length, brokers, controllerAlive: c.controller.alive, quorum: quorumLive(w, c), partitions };
    out[c.name] = live;
  }
  for (const d of k.drawn) {
    const partitions = (byTopic.get(d.topic) ?? []).slice().sort((a, b) => a.index - b.index);
    const host = k.clusters[k.topics[d.topic]!.cluster]!.name;
    if (d.index < 0) out[d.node] = { type: 'topic', up: 0, of: 0, host, partitions } satisfies TopicNodeLive;
    else if (partitions[d.index]) out[d.node] = { type: 'partition', up: 0, of: 0, host, partition: partitions[d.index]! } satisfies PartitionNodeLive;
  }
}

function quorumLive(w: World, c: Cluster): KafkaNodeLive['quorum'] {
  const q = c.controller;
  return { active: q.active + 1, voters: q.voters.map((v) => v.alive), majority: q.voters.some((_, v) => hasMajority(w, c, v)) };
}

/** Fault targets a run of Kafka adds to node ids: each broker, the active controller and each voter, the leader of each partition. */
export function kafkaTargetNames(w: World): string[] {
  const k = w.parts.kafka;
  const names: string[] = [];
  for (const c of k.clusters) {
    for (let b = 1; b <= c.brokers.length; b++) names.push(`${c.name}/${b}`);
    names.push(`${c.name}/controller`);
    for (let v = 1; v <= c.controller.voters.length; v++) names.push(`${c.name}/controller-${v}`);
    for (const pid of c.partitions) names.push(`leader:${k.topics[k.partitions[pid]!.topic]!.name}/${k.partitions[pid]!.index}`);
  }
  return names;
}

/**
 * Building Kafka's part of a world: clusters of brokers (each in its own rack), topics with partitions placed as
 * Kafka's rack-unaware assignment places them, replica fetchers, and the clients and groups applications open
 * through the messaging port.
 */
import { coordinatorEntry, newProducerTxn } from './transactions.ts';
import { addPlace } from '../messaging/state.ts';
import { addHost } from '../sim/network.ts';
import { stream } from '../sim/random.ts';
import type { World } from '../world.ts';
import type { Delivery, Owner } from '../messaging/port.ts';
import type { Consumer, ConsumerSettings, Group, Producer } from './clientTypes.ts';
import { createLog } from './log.ts';
import type { Broker, Cluster, Partition, TopicConfig } from './types.ts';

export function addCluster(w: World, node: string, config: Cluster['config'], ci: number): void {
  const zone = ci;
  const c: Cluster = {
    id: ci,
    name: node,
    config,
    brokers: [],
    topics: [],
    partitions: [],
    fetchers: [],
    controller: { host: -1, alive: true, version: 0, sessionGen: new Array(config.brokers).fill(0), voters: [], active: 0, last: 0, epoch: 1, electionGen: 0, electionAt: -1, rng: stream(w.seed, `kraft:${node}`) },
  };
  // The controller quorum's voters (controller.quorum.voters): the first is active from the start.
  for (let v = 1; v <= config.controllers; v++) c.controller.voters.push({ host: addHost(w.net, `${node}/controller-${v}`, zone), alive: true });
  c.controller.host = c.controller.voters[0]!.host;
  for (let n = 1; n <= config.brokers; n++) {
    // Each broker in its own rack (availability zone), as production clusters spread replicas: a follower is a
    // network hop away from its leader, the same hop as clients.
    const b: Broker = { id: w.parts.kafka.brokers.length, cluster: ci, number: n, host: addHost(w.net, `${node}/${n}`, zone * 100 + n), alive: true, life: 0, metaVersion: 0, fenced: false, lastHeartbeatAt: 0, lastLife: 0 };
    w.parts.kafka.brokers.push(b);
    c.brokers.push(b.id);
  }
  for (const f of c.brokers) {
    for (const l of c.brokers) {
      if (f === l) continue;
      const id = w.parts.kafka.fetchers.length;
      w.parts.kafka.fetchers.push({ id, follower: f, leader: l, cluster: ci, inflight: false, parked: false, life: 0, seq: 0, request: [], response: [] });
      c.fetchers.push(id);
    }
  }
  w.parts.kafka.clusters.push(c);
}

/**
 * Places a topic's partitions as Kafka's rack-unaware assignment does: partition p's first replica on broker
 * (start + p) mod n, the others on the following brokers, so leaders spread evenly. (The real start broker is
 * random; here it follows the topic's index, which keeps placement identical for every seed.)
 */
export function addTopic(w: World, name: string, ci: number, ti: number, destination: number, config: TopicConfig): void {
  const c = w.parts.kafka.clusters[ci]!;
  const n = c.brokers.length;
  const rf = Math.min(config.replicationFactor, n);
  const topic = { name, cluster: ci, destination, config, partitions: [] as number[] };
  w.parts.kafka.topicOf[destination] = ti;
  for (let p = 0; p < config.partitions; p++) {
    const replicas: number[] = [];
    for (let r = 0; r < rf; r++) replicas.push(c.brokers[(ti + p + r) % n]!);
    const part: Partition = {
      id: w.parts.kafka.partitions.length, cluster: ci, topic: ti, index: p, replicas, log: createLog(), owner: 0,
      matched: replicas.map(() => 0), tail: replicas.map(() => null), hw: replicas.map(() => 0),
      followerEnd: replicas.map(() => 0), lastCaughtUpAt: replicas.map(() => 0), lastFetchAt: replicas.map(() => 0),
      lastFetchLeaderEnd: replicas.map(() => 0), states: [], pendingIsr: null, producers: new Map(), delayed: [],
      parkedFetches: [], committed: 0, offlineSince: -1, writesFailingSince: -1, lastWriteOkAt: 0, cleanedTo: 0,
    };
    w.parts.kafka.partitions.push(part);
    // Kafka's partitions are the first places, in order: a partition's id is its place (messages record it).
    if (addPlace(w.msg, 'kafka', destination, `${name}-${p}`) !== part.id) throw new Error('Kafka partitions must be the first places');
    topic.partitions.push(part.id);
    c.partitions.push(part.id);
  }
  w.parts.kafka.topics.push(topic);
  c.topics.push(ti);
}

export function addProducer(w: World, owner: Owner, cluster: number, config: Producer['config']): number {
  const id = w.parts.kafka.producers.length;
  const { name, host } = owner;
  w.parts.kafka.producers.push({
    id, name, host, cluster, app: owner.app, instance: owner.instance, config, alive: true, life: 0, producerId: w.nextId++, metaVersion: 1, metadataInflight: false, metadataFailures: 0,
    open: new Array(w.parts.kafka.partitions.length).fill(null), batches: new Map(), ready: new Map(), retryTimerArmed: false, inflight: new Map(), requests: new Map(), nextSeq: new Map(), ackedSeq: new Map(),
    retrying: new Map(), sticky: new Map(), stickyView: new Map(), rng: stream(w.seed, `producer:${name}:${cluster}`),
    sent: 0, acked: 0, failed: 0,
  });
  if (config.transactionalId) w.parts.kafka.producers[id]!.txn = newProducerTxn(coordinatorEntry(w, cluster, config.transactionalId, config.txnTimeoutUs));
  return id;
}

/** A consumer in `group` for an application instance; `edges` names the topology edge each topic arrives by. */
export function addConsumer(w: World, owner: Owner, reader: number, cluster: number, group: number, edges: Map<number, string>, settings: ConsumerSettings): number {
  const id = w.parts.kafka.consumers.length;
  const g = w.parts.kafka.groups[group]!;
  const { name, host } = owner;
  const c: Consumer = {
    id, name, host, cluster, group, app: owner.app, instance: owner.instance, reader, edges,
    config: { ...settings, groupId: g.name, instanceId: settings.instanceId ? `${settings.instanceId}-${owner.instance + 1}` : '' },
    alive: false, life: 0, metaVersion: 1, memberId: '', generation: -1, joining: false, joinSeq: 0, assigned: [],
    position: new Map(), fetchPosition: new Map(), buffer: new Map(), fetching: new Set(), connectFailures: new Map(), reconnectAt: new Map(),
    metadataInflight: false, metadataFailures: 0, work: null, workSeq: 0,
    workBuffer: newDelivery(0),
    lastPollAt: 0, needOffsets: new Set(), blockedUntil: new Map(), committing: false, commitId: -1,
    pendingStart: null, autoCommitDue: false, rng: stream(w.seed, `consumer:${name}:${cluster}`),
  };
  w.parts.kafka.consumers.push(c);
  return id;
}

export function newDelivery(n: number): Delivery {
  return { seq: 0, count: 0, places: new Int32Array(n), ids: new Uint32Array(n), offsets: new Float64Array(n) };
}

/**
 * Makes room for `need` records in a consumer's work buffer (at most `max`, its max.poll.records), keeping those it
 * holds. The buffer grows as polls need it, doubling, rather than to max.poll.records up front: most polls take a few
 * records, and every snapshot copies the buffer (at 500 records for each of 188 consumers, 1.5 MB of every snapshot
 * of the 300-node benchmark).
 */
export function reserve(d: Delivery, need: number, max: number): void {
  const had = d.ids.length;
  if (had >= need) return;
  const n = Math.max(need, Math.min(max, Math.max(16, had * 2)));
  const places = new Int32Array(n);
  const ids = new Uint32Array(n);
  const offsets = new Float64Array(n);
  places.set(d.places);
  ids.set(d.ids);
  offsets.set(d.offsets);
  d.places = places;
  d.ids = ids;
  d.offsets = offsets;
}

export function newGroup(id: number, name: string, cluster: number, strategy: Group['strategy']): Group {
  return {
    id, name, cluster, topics: [], strategy, coordinator: -1, state: 'empty', generation: 0, members: [],
    committed: new Map(), assignment: new Map(), rebalanceSeq: 0, rebalanceStartedAt: 0, initialDelayUs: 0,
    nextMember: 1, rebalances: 0, resetAt: 0, since: new Map(), resetTo: new Map(),
  };
}

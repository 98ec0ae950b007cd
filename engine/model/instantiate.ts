/**
 * Builds a running world from a spec: hosts on the network, brokers and partitions placed across them, a producer
 * and consumers per service instance, consumer groups, clients; then starts them all. Every random choice is drawn
 * from a stream named after what it is for, so adding a service never changes another's draws.
 */
import { KE } from '../kafka/events.ts';
import { AE } from '../services/events.ts';
import { createChecks } from '../check/state.ts';
import { createFaultState } from '../faults/types.ts';
import { addKeySpace, createKeys } from '../history/keys.ts';
import { createMessages, typeId } from '../history/messages.ts';
import { createTrace } from '../history/trace.ts';
import type { Consumer, Group, Producer } from '../kafka/clientTypes.ts';
import { startConsumer } from '../kafka/consumer.ts';
import { startCluster } from '../kafka/controller.ts';
import { createLog } from '../kafka/log.ts';
import type { Broker, Cluster, Partition, TopicConfig } from '../kafka/types.ts';
import { createHistogram } from '../metrics/histogram.ts';
import { createMetrics } from '../metrics/metrics.ts';
import { startSampler } from '../metrics/sampler.ts';
import { after } from '../sim/loop.ts';
import { addHost, createNetwork } from '../sim/network.ts';
import { createQueue } from '../sim/queue.ts';
import { stream } from '../sim/random.ts';
import { startClient } from '../services/client.ts';
import { startSource } from '../services/source.ts';
import type { Service } from '../services/types.ts';
import type { World } from '../world.ts';
import { addDestination, addPlace, addSubscription, createMessaging } from '../messaging/state.ts';
import { createKafkaPart } from '../kafka/part.ts';
import { createAppsPart } from '../services/part.ts';
import type { Spec } from './spec.ts';

export interface WorldOptions {
  seed: number;
  traceCapacity?: number;
}

export function instantiate(spec: Spec, opts: WorldOptions): World {
  const seed = opts.seed;
  const w: World = {
    seed,
    now: 0,
    events: 0,
    queue: createQueue(4096),
    net: createNetwork(stream(seed, 'network')),
    messages: createMessages(),
    keys: createKeys(),
    trace: createTrace(opts.traceCapacity),
    metrics: createMetrics(0),
    checks: createChecks(0),
    faults: createFaultState(),
    msg: createMessaging(),
    parts: { kafka: createKafkaPart(), apps: createAppsPart() },
    nextId: 1,
    rng: stream(seed, 'world'),
  };
  spec.clusters.forEach((cs, ci) => addCluster(w, cs.node, cs.config, ci));
  spec.topics.forEach((ts, ti) => addTopic(w, ts.name, ts.cluster, ti, ts.config));
  // Record size of a topic: what its producers write (for byte-based batching, segments and retention).
  for (const s of spec.services) for (const p of s.publishes) w.parts.kafka.topics[p.topic]!.config.recordBytes = s.producer.recordBytes;

  const groupIds = new Map<string, number>();
  spec.services.forEach((ss, si) => {
    const zone = 1000 + si;
    const svc: Service = {
      id: si,
      node: ss.node,
      label: ss.label,
      kind: ss.kind,
      config: ss.config,
      instances: [],
      calls: [],
      callEdges: ss.calls.map((c) => c.edge),
      writes: [],
      writeEdges: ss.writes.map((c) => c.edge),
      publishes: ss.publishes.map((p) => ({ topic: p.topic, type: typeId(w.messages, p.type), edge: p.edge })),
      consumes: ss.consumes,
      consumeEdges: ss.consumeEdges,
      group: -1,
      keyBase: 0,
      keyCount: 0,
      faults: { rejecting: false, slowUs: 0, poisonKeys: [], poisonTypes: [] },
      rng: stream(seed, `service:${ss.node}`),
      nextInstance: 0,
      stats: { requests: 0, ok: 0, failed: 0, rejected: 0, processed: 0 },
    };
    if (ss.key) {
      const space = addKeySpace(w.keys, ss.key.name, ss.key.count);
      svc.keyBase = space.base;
      svc.keyCount = ss.key.count;
    }
    w.parts.apps.services.push(svc);
    const clusters = new Set<number>();
    for (const p of ss.publishes) clusters.add(spec.topics[p.topic]!.cluster);
    if (ss.consumer.dlq >= 0) clusters.add(spec.topics[ss.consumer.dlq]!.cluster);
    const consumed = new Map<number, number[]>();
    for (const t of ss.consumes) {
      const c = spec.topics[t]!.cluster;
      consumed.set(c, [...(consumed.get(c) ?? []), t]);
    }
    const groupOf = new Map<number, number>();
    for (const [cluster, topics] of consumed) {
      const name = ss.group;
      const key = `${cluster}/${name}`;
      let gi = groupIds.get(key);
      if (gi === undefined) {
        gi = w.parts.kafka.groups.length;
        groupIds.set(key, gi);
        w.parts.kafka.groups.push(newGroup(gi, name, cluster, ss.consumer.strategy));
        // A group is a subscription of the messaging port, with the same number (the checkers index both).
        if (addSubscription(w.msg, 'kafka', name) !== gi) throw new Error('Kafka groups must be the first subscriptions');
      }
      const g = w.parts.kafka.groups[gi]!;
      for (const t of topics) if (!g.topics.includes(t)) g.topics.push(t);
      w.msg.subscriptions[gi]!.destinations = g.topics;
      groupOf.set(cluster, gi);
      svc.group = gi;
    }
    for (let n = 1; n <= ss.instances; n++) {
      const name = ss.instances > 1 ? `${ss.node}/${n}` : ss.node;
      const iid = w.parts.apps.instances.length;
      const host = addHost(w.net, name, zone);
      const producers = w.parts.kafka.clusters.map(() => -1);
      for (const cluster of clusters) producers[cluster] = addProducer(w, name, host, cluster, ss.producer);
      const consumers: number[] = [];
      for (const [cluster, gi] of groupOf) consumers.push(addConsumer(w, name, host, cluster, gi, si, n - 1, ss));
      w.parts.apps.instances.push({ id: iid, service: si, number: n, host, alive: true, life: 0, busy: 0, waiting: [], producers, consumers, slowUs: 0 });
      svc.instances.push(iid);
      if (ss.origin === 'source') {
        w.parts.apps.sources.push({ service: si, instance: iid, rate: ss.rate / ss.instances, poisson: ss.poisson, nextArrival: 0, tickUs: Math.max(100, Math.min(ss.producer.lingerUs, 1000)), life: 0, rng: stream(seed, `source:${name}`) });
      }
    }
  });
  spec.services.forEach((ss, si) => {
    const svc = w.parts.apps.services[si]!;
    svc.calls = ss.calls.map((c) => spec.services.findIndex((x) => x.node === c.service));
    svc.writes = ss.writes.map((c) => spec.services.findIndex((x) => x.node === c.service));
  });
  for (const cs of spec.clients) {
    const target = spec.services.findIndex((s) => s.node === cs.target);
    const space = cs.key ? addKeySpace(w.keys, cs.key.name, cs.key.count) : null;
    const host = addHost(w.net, cs.node, 2000 + w.parts.apps.clients.length);
    w.parts.apps.clients.push({
      id: w.parts.apps.clients.length, node: cs.node, implicit: cs.implicit, edge: cs.edge, host, target, rate: cs.rate, poisson: cs.poisson,
      keyBase: space ? space.base : 0, keyCount: cs.key ? cs.key.count : 0, alive: true, life: 0,
      rng: stream(seed, `client:${cs.node}`), ok: 0, failed: 0, latency: createHistogram(),
    });
  }
  // A fetch returns up to max.partition.fetch.bytes (1 MiB) of each partition: records of the size written there.
  for (const c of w.parts.kafka.consumers) {
    const sizes = w.parts.kafka.groups[c.group]!.topics.map((t) => w.parts.kafka.topics[t]!.config.recordBytes);
    c.config.fetchRecords = Math.max(1, Math.floor((1 << 20) / Math.max(1, Math.min(...sizes))));
  }
  w.metrics = createMetrics(w.parts.kafka.groups.length);
  w.checks = createChecks(w.parts.kafka.groups.length);

  for (const c of w.parts.kafka.clusters) {
    startCluster(w, c);
    after(w, c.config.replicaLagTimeMaxUs / 2, KE.isrCheck, c.id, 0);
    after(w, c.config.retentionCheckUs, KE.retentionCheck, c.id, 0);
  }
  // Services with a `start` delay begin down and come up then, as a restarted instance does (new producer
  // session, consumers join their group); the rest start now.
  spec.services.forEach((ss, si) => {
    if (ss.startUs <= 0) return;
    for (const iid of w.parts.apps.services[si]!.instances) {
      const inst = w.parts.apps.instances[iid]!;
      inst.alive = false;
      w.net.up[inst.host] = 0;
      for (const pid of inst.producers) if (pid >= 0) w.parts.kafka.producers[pid]!.alive = false;
      after(w, ss.startUs, AE.restartInstance, iid, inst.life);
    }
  });
  for (const c of w.parts.kafka.consumers) if (w.parts.apps.instances[w.parts.apps.services[c.service]!.instances[c.instance]!]!.alive) startConsumer(w, c);
  spec.clients.forEach((cs, ci) => {
    const c = w.parts.apps.clients[ci]!;
    if (cs.startUs > 0) after(w, cs.startUs, AE.clientStart, ci, c.life);
    else startClient(w, c);
  });
  for (const s of w.parts.apps.sources) startSource(w, s);
  startSampler(w);
  return w;
}

function addCluster(w: World, node: string, config: Cluster['config'], ci: number): void {
  const zone = ci;
  const c: Cluster = {
    id: ci,
    name: node,
    config,
    brokers: [],
    topics: [],
    partitions: [],
    fetchers: [],
    controller: { host: addHost(w.net, `${node}/controller`, zone), alive: true, version: 0, sessionGen: new Array(config.brokers).fill(0) },
  };
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
function addTopic(w: World, name: string, ci: number, ti: number, config: TopicConfig): void {
  const c = w.parts.kafka.clusters[ci]!;
  const n = c.brokers.length;
  const rf = Math.min(config.replicationFactor, n);
  const topic = { name, cluster: ci, config, partitions: [] as number[] };
  const destination = addDestination(w.msg, 'kafka', name);
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

function addProducer(w: World, name: string, host: number, cluster: number, config: Producer['config']): number {
  const id = w.parts.kafka.producers.length;
  w.parts.kafka.producers.push({
    id, name, host, cluster, config, alive: true, life: 0, producerId: w.nextId++, metaVersion: 1, metadataInflight: false, metadataFailures: 0,
    open: new Array(w.parts.kafka.partitions.length).fill(null), batches: new Map(), ready: new Map(), retryTimerArmed: false, inflight: new Map(), requests: new Map(), nextSeq: new Map(),
    retrying: new Map(), sticky: new Map(), stickyView: new Map(), rng: stream(w.seed, `producer:${name}:${cluster}`),
    sent: 0, acked: 0, failed: 0, originOk: 0, originFailed: 0,
  });
  return id;
}

function addConsumer(w: World, name: string, host: number, cluster: number, group: number, service: number, instance: number, ss: Spec['services'][number]): number {
  const id = w.parts.kafka.consumers.length;
  const g = w.parts.kafka.groups[group]!;
  const c: Consumer = {
    id, name, host, cluster, group, service, instance,
    config: { ...ss.consumer, groupId: g.name, instanceId: ss.consumer.instanceId ? `${ss.consumer.instanceId}-${instance + 1}` : '' },
    alive: false, life: 0, metaVersion: 1, memberId: '', generation: -1, joining: false, joinSeq: 0, assigned: [],
    position: new Map(), fetchPosition: new Map(), buffer: new Map(), fetching: new Set(), connectFailures: new Map(), reconnectAt: new Map(),
    metadataInflight: false, metadataFailures: 0, work: null, workSeq: 0,
    workBuffer: newWork(ss.consumer.maxPollRecords),
    lastPollAt: 0, needOffsets: new Set(), attempts: new Map(), blockedUntil: new Map(), committing: false, commitId: -1,
    pendingStart: null, autoCommitDue: false, rng: stream(w.seed, `consumer:${name}:${cluster}`), processed: 0, crashTrigger: null,
  };
  w.parts.kafka.consumers.push(c);
  return id;
}

function newWork(n: number): Consumer['workBuffer'] {
  return { seq: 0, count: 0, partitions: new Int32Array(n), ids: new Uint32Array(n), offsets: new Float64Array(n), doneAt: new Float64Array(n), outcome: new Uint8Array(n), next: 0, endsAt: 0, stopped: [] };
}

function newGroup(id: number, name: string, cluster: number, strategy: Group['strategy']): Group {
  return {
    id, name, cluster, topics: [], strategy, coordinator: -1, state: 'empty', generation: 0, members: [],
    committed: new Map(), assignment: new Map(), rebalanceSeq: 0, rebalanceStartedAt: 0, initialDelayUs: 0,
    nextMember: 1, rebalances: 0, resetAt: 0,
  };
}

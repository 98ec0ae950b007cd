/**
 * Kafka as a component family: it builds clusters and topics from the spec, starts the controllers, answers fault
 * targets, tells the loss checker what its logs hold, and is the broker behind the messaging port for topics
 * (publishers are producers, subscribers consumers in groups, places partitions).
 */
import type { Family } from '../family.ts';
import type { Broker, Owner } from '../messaging/port.ts';
import { addSubscription } from '../messaging/state.ts';
import { after, at } from '../sim/loop.ts';
import { kindsOf } from '../topology/kinds.ts';
import { createKafkaPart } from './part.ts';
import type { World } from '../world.ts';
import { flagsOf, keyOf, partitionOf, TOMBSTONE } from '../history/messages.ts';
import type { Topic } from './types.ts';
import * as admin from './admin.ts';
import { addCluster, addConsumer, addProducer, addTopic, newGroup } from './build.ts';
import { commit, poll, startConsumer } from './consumer.ts';
import { fetchMore } from './consumerFetch.ts';
import { quorumNetworkChanged, startCluster } from './controller.ts';
import { KE } from './events.ts';
import { kafkaAct, kafkaHosts, kafkaPerform, kafkaTarget } from './faults.ts';
import * as fetch from './fetch.ts';
import * as group from './group.ts';
import { crashConsumer, restartConsumer } from './lifecycle.ts';
import type { KafkaClientSettings } from './spec.ts';
import * as produce from './produce.ts';
import { crashProducer, restartProducer, send } from './producer.ts';
import { ageMetadata } from './producerMetadata.ts';
import { linkTxnConsumer, settleInTransaction } from './txnOffsets.ts';
import { partitionFor } from './partitioning.ts';
import { kafkaMissed } from './missed.ts';
import { detachLogs, logBuffers, reattachLogs, shareLogs } from './sharedLogs.ts';
import { consumerState, groupPositions, offsetIn, openWindows } from './positions.ts';
import { reconfigureKafka } from './reconfigure.ts';
import { resolveKafka } from './resolve.ts';
import { kafkaLive, kafkaTargetNames } from './live.ts';
import { messageLives } from './lives.ts';
import { groupDetail, partitionDetail } from './queries.ts';
import * as replication from './replication.ts';
import * as retention from './retention.ts';

/** The producers (by cluster, -1 none) and consumers an application instance opened. */
function clientsOf(w: World, app: number, instance: number) {
  const k = w.parts.kafka;
  const key = `${app}/${instance}`;
  let entry = k.owners.get(key);
  if (!entry) k.owners.set(key, (entry = { producers: k.clusters.map(() => -1), consumers: [] }));
  return entry;
}

export const kafka: Broker = {
  name: 'kafka',
  kinds: kindsOf('kafka'),
  createPart: createKafkaPart,
  resolve: resolveKafka,
  clientScopes: ['producer', 'consumer'],
  modules: [admin, fetch, group, produce, replication, retention],

  build(w, spec) {
    spec.clusters.forEach((cs, ci) => addCluster(w, cs.node, cs.config, ci));
    spec.topics.forEach((ts, ti) => {
      addTopic(w, ts.name, ts.cluster, ti, ts.destination, ts.config);
      if (ts.node) w.parts.kafka.drawn.push({ node: ts.node, topic: ti, index: -1 });
      for (const p of ts.partitionNodes ?? []) w.parts.kafka.drawn.push({ node: p.node, topic: ti, index: p.index });
    });
    // Record size of a topic: what its producers write (for byte-based batching, segments and retention).
    for (const s of spec.services) {
      const mine = s.clients['kafka'] as KafkaClientSettings | undefined;
      for (const p of s.publishes) {
        const ti = w.parts.kafka.topicOf[p.destination] ?? -1;
        if (mine && ti >= 0) w.parts.kafka.topics[ti]!.config.recordBytes = mine.producer.recordBytes;
      }
    }
    // Consumer groups share their numbers with the port's subscriptions (the checkers index both), so they are made
    // here, before any other family makes a subscription, as the applications will ask for them: service by service.
    for (const s of spec.services) {
      const mine = s.consumes.filter((d) => w.parts.kafka.topicOf[d] !== undefined && w.parts.kafka.topicOf[d]! >= 0);
      if (mine.length > 0) this.subscription(w, s.group, mine, s.clients['kafka']);
    }
  },

  built(w) {
    const k = w.parts.kafka;
    // A fetch returns up to max.partition.fetch.bytes (1 MiB) of each partition: records of the size written there.
    for (const c of k.consumers) {
      const sizes = k.groups[c.group]!.topics.map((t) => k.topics[t]!.config.recordBytes);
      c.config.fetchRecords = Math.max(1, Math.floor((1 << 20) / Math.max(1, Math.min(...sizes))));
    }
  },

  start(w) {
    for (const c of w.parts.kafka.clusters) {
      startCluster(w, c);
      after(w, c.config.replicaLagTimeMaxUs / 2, KE.isrCheck, c.id, 0);
      after(w, c.config.retentionCheckUs, KE.retentionCheck, c.id, 0);
    }
    for (const p of w.parts.kafka.producers) if (p.alive) ageMetadata(w, p);
  },

  target: kafkaTarget,
  hosts: kafkaHosts,
  act: kafkaAct,
  networkChanged: quorumNetworkChanged,
  perform: kafkaPerform,

  holds(w, mark) {
    for (const p of w.parts.kafka.partitions) {
      for (const seg of p.log.segments) for (let i = 0; i < seg.count; i++) mark(seg.ids[i]!);
    }
  },

  reconfigure: reconfigureKafka,

  shared: { detach: detachLogs, reattach: reattachLogs, share: shareLogs, buffers: logBuffers },

  hash(w, mix) {
    for (const p of w.parts.kafka.partitions) {
      mix(p.log.startOffset);
      mix(p.log.endOffset);
      for (const s of p.log.segments) for (let i = 0; i < s.count; i++) mix(s.ids[i]!);
      for (const hw of p.hw) mix(hw);
    }
    for (const g of w.parts.kafka.groups) for (const [p, o] of [...g.committed].sort((a, b) => a[0] - b[0])) {
      mix(p);
      mix(o);
    }
  },

  subscription(w, name, destinations, settings) {
    const k = w.parts.kafka;
    const consumed = new Map<number, number[]>();
    for (const dest of destinations) {
      const t = k.topicOf[dest]!;
      const c = k.topics[t]!.cluster;
      consumed.set(c, [...(consumed.get(c) ?? []), t]);
    }
    const out: number[] = [];
    for (const [cluster, topics] of consumed) {
      const key = `${cluster}/${name}`;
      let gi = k.groupIndex.get(key);
      if (gi === undefined) {
        gi = k.groups.length;
        k.groupIndex.set(key, gi);
        k.groups.push(newGroup(gi, name, cluster, (settings as KafkaClientSettings).consumer.strategy));
        // A group is a subscription of the messaging port, with the same number (the checkers index both).
        if (addSubscription(w.msg, 'kafka', name) !== gi) throw new Error('Kafka groups must be the first subscriptions');
      }
      const g = k.groups[gi]!;
      for (const t of topics) if (!g.topics.includes(t)) g.topics.push(t);
      w.msg.subscriptions[gi]!.destinations = g.topics.map((t) => k.topics[t]!.destination);
      out.push(gi);
    }
    return out;
  },

  openPublisher(w, owner: Owner, destination, settings) {
    const cluster = w.parts.kafka.topics[w.parts.kafka.topicOf[destination]!]!.cluster;
    const entry = clientsOf(w, owner.app, owner.instance);
    if (entry.producers[cluster]! < 0) entry.producers[cluster] = addProducer(w, owner, cluster, (settings as KafkaClientSettings).producer);
    return entry.producers[cluster]!;
  },

  openSubscriber(w, owner, reader, subscription, edges, settings) {
    const cluster = w.parts.kafka.groups[subscription]!.cluster;
    const id = addConsumer(w, owner, reader, cluster, subscription, edges, (settings as KafkaClientSettings).consumer);
    clientsOf(w, owner.app, owner.instance).consumers.push(id);
    linkTxnConsumer(w, w.parts.kafka.consumers[id]!);
    return id;
  },

  route(w, publisher, destination, key) {
    return partitionFor(w, w.parts.kafka.producers[publisher]!, w.parts.kafka.topicOf[destination]!, key);
  },

  send(w, publisher, place, message, waiter) {
    send(w, w.parts.kafka.producers[publisher]!, place, message, waiter);
  },

  settle(w, subscriber) {
    const c = w.parts.kafka.consumers[subscriber]!;
    c.work = null;
    // At-least-once: commit only once everything polled is processed (semantics C11).
    if (c.txnProducer !== undefined) settleInTransaction(w, c);
    else if (c.config.commit === 'after') commit(w, c, true);
    else poll(w, c);
    fetchMore(w, c);
  },

  retryLater(w, subscriber, place, offset, until) {
    // Seek back to the failed record: it (and what follows it) comes again on a later poll.
    const c = w.parts.kafka.consumers[subscriber]!;
    c.position.set(place, offset);
    c.fetchPosition.set(place, offset);
    c.buffer.delete(place);
    c.blockedUntil.set(place, until);
    at(w, until, KE.poll, c.id, c.life);
  },

  startSubscriber(w, subscriber) {
    startConsumer(w, w.parts.kafka.consumers[subscriber]!);
  },

  crashOwner(w, app, instance) {
    const k = w.parts.kafka;
    const entry = clientsOf(w, app, instance);
    for (const cid of entry.consumers) crashConsumer(w, k.consumers[cid]!);
    for (const pid of entry.producers) if (pid >= 0) crashProducer(w, k.producers[pid]!);
  },

  restartOwner(w, app, instance) {
    const k = w.parts.kafka;
    const entry = clientsOf(w, app, instance);
    for (const pid of entry.producers) if (pid >= 0) restartProducer(w, k.producers[pid]!);
    for (const cid of entry.consumers) restartConsumer(w, k.consumers[cid]!);
  },

  holdOwner(w, app, instance) {
    for (const pid of clientsOf(w, app, instance).producers) if (pid >= 0) w.parts.kafka.producers[pid]!.alive = false;
  },

  positions: groupPositions,
  offsetOf: offsetIn,
  missed: kafkaMissed,
  subscriberState: consumerState,
  openWindows,
  lives: messageLives,
  inspect: { partition: partitionDetail, group: groupDetail },
  live: kafkaLive,
  targetNames: kafkaTargetNames,
  summary(w) {
    const k = w.parts.kafka;
    const topic = (t: number) => `${k.topics[t]!.name} ×${k.topics[t]!.partitions.length} rf ${k.topics[t]!.config.replicationFactor}`;
    const lines = [`clusters: ${k.clusters.map((c) => `${c.name} (${c.brokers.length} brokers: ${c.topics.map(topic).join(', ')})`).join('; ') || 'none'}`];
    for (const t of k.topics) if (t.config.compact) lines.push(compactionLine(w, t));
    for (const c of k.txns) lines.push(`transactions of ${c.id}: ${c.committed.toLocaleString('en')} committed, ${c.aborted.toLocaleString('en')} aborted${c.open ? ', one open' : ''}`);
    return lines.join('\n  ');
  },
} satisfies Family & Broker;

/**
 * What compaction left of a compacted topic: the records written (tombstones among them) and those its logs still
 * hold, for how many keys, with the tombstones not yet removed (delete.retention.ms after they were first cleaned).
 */
function compactionLine(w: World, t: Topic): string {
  const k = w.parts.kafka;
  const mine = new Set(t.partitions);
  const m = w.messages;
  let written = 0;
  let deletes = 0;
  for (let id = 1; id < m.count; id++) {
    if (!mine.has(partitionOf(m, id))) continue;
    written++;
    if ((flagsOf(m, id) & TOMBSTONE) !== 0) deletes++;
  }
  let kept = 0;
  let tombstones = 0;
  const keys = new Set<number>();
  for (const pid of t.partitions) {
    for (const seg of k.partitions[pid]!.log.segments) {
      for (let i = 0; i < seg.count; i++) {
        const id = seg.ids[i]!;
        kept++;
        keys.add(keyOf(m, id));
        if ((flagsOf(m, id) & TOMBSTONE) !== 0) tombstones++;
      }
    }
  }
  const n = (x: number) => x.toLocaleString('en-US');
  return `${t.name} (compacted): ${n(written)} records written (${n(deletes)} tombstones), ${n(kept)} kept for ${n(keys.size)} keys (${n(tombstones)} tombstones not yet removed)`;
}

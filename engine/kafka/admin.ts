/**
 * What an operator does with Kafka's admin tools: add partitions to a topic (kafka-topics.sh --alter), and reset a
 * group's offsets (kafka-consumer-groups.sh --reset-offsets --execute), which Kafka allows only while the group has
 * no active members (semantics C17, S9).
 */
import { addPlace } from '../messaging/state.ts';
import { createLog } from './log.ts';
import { change, pushMetadata } from './controller.ts';
import { resetOffsets, startRebalance } from './group.ts';
import type { Partition } from './types.ts';
import { after, on } from '../sim/loop.ts';
import type { World } from '../world.ts';
import { KE } from './events.ts';

/**
 * Grows a topic to `count` partitions. Existing records stay where they are; new keyed records go by the new count,
 * so a key can now live in two partitions (semantics S9). Consumer groups on the topic rebalance (C1).
 */
export function addPartitions(w: World, topicName: string, count: number): string | null {
  const ti = w.parts.kafka.topics.findIndex((t) => t.name === topicName);
  if (ti < 0) return `no topic named ${topicName}`;
  const topic = w.parts.kafka.topics[ti]!;
  if (count <= topic.partitions.length) return `${topicName} already has ${topic.partitions.length} partitions; Kafka can only add partitions`;
  // A partition's id is its place in the messaging port, and Kafka's partitions are the first places: a new one can
  // only be numbered next if no other family has places after them yet (a queue, a database, an event store).
  const others = w.msg.places.slice(w.parts.kafka.partitions.length).map((pl) => pl.name);
  if (others.length > 0) {
    const named = others.length > 3 ? `${others.slice(0, 3).join(', ')} and ${others.length - 3} more` : others.join(', ');
    return `adding partitions during a run works only in designs where Kafka holds every message; this one also holds them in ${named} (a limit of EventLab, not of Kafka)`;
  }
  const c = w.parts.kafka.clusters[topic.cluster]!;
  const had = topic.partitions.length;
  const n = c.brokers.length;
  const rf = Math.min(topic.config.replicationFactor, n);
  for (let index = had; index < count; index++) {
    const replicas: number[] = [];
    for (let r = 0; r < rf; r++) replicas.push(c.brokers[(ti + index + r) % n]!);
    const p: Partition = {
      id: w.parts.kafka.partitions.length, cluster: c.id, topic: ti, index, replicas, log: createLog(), owner: 0,
      matched: replicas.map(() => 0), tail: replicas.map(() => null), hw: replicas.map(() => 0),
      followerEnd: replicas.map(() => 0), lastCaughtUpAt: replicas.map(() => w.now), lastFetchAt: replicas.map(() => w.now),
      lastFetchLeaderEnd: replicas.map(() => 0), states: [], pendingIsr: null, producers: new Map(), delayed: [],
      parkedFetches: [], committed: 0, offlineSince: -1, writesFailingSince: -1, lastWriteOkAt: w.now, cleanedTo: 0,
    };
    w.parts.kafka.partitions.push(p);
    addPlace(w.msg, 'kafka', topic.destination, `${topic.name}-${index}`);
    topic.partitions.push(p.id);
    c.partitions.push(p.id);
    for (const prod of w.parts.kafka.producers) prod.open.push(null);
    p.states.push({ version: 0, leader: -1, leaderEpoch: -1, isr: replicas.map((_, s) => s) });
    change(w, c, p, 0, replicas.map((_, s) => s), true);
    p.sinceVersion = c.controller.version;
  }
  pushMetadata(w, c);
  // Producers and consumers see the new partitions with their next metadata refresh.
  for (const prod of w.parts.kafka.producers) if (prod.cluster === c.id) prod.metaVersion = Math.min(prod.metaVersion, c.controller.version);
  for (const g of w.parts.kafka.groups) {
    if (!g.topics.includes(ti)) continue;
    // A group already reading the topic owns the new partitions from now on: what is written to them before it takes
    // a position there is its to read, and `latest` skips it (semantics C16: the missed-records checker says so).
    if (g.since.size > 0) for (const pid of topic.partitions.slice(had)) g.since.set(pid, { offset: 0, at: w.now, added: true });
    // It learns of them when its leader next refreshes its metadata (metadata.max.age.ms), then rebalances (C1);
    // until then what is written there waits unread (ConsumerConfig's auto.offset.reset doc).
    if (g.members.length === 0) continue;
    const ageUs = Math.min(...g.members.map((m) => w.parts.kafka.consumers[m.consumer]!.config.metadataMaxAgeUs));
    after(w, ageUs, KE.groupSeesPartitions, g.id, ti);
  }
  return null;
}

on<World>(KE.groupSeesPartitions, 'group sees added partitions', (w, gid) => {
  const g = w.parts.kafka.groups[gid]!;
  // A rebalance under way assigns by the current partition count anyway; an empty group assigns when members join.
  if (g.state === 'stable' && g.members.length > 0) startRebalance(w, g, false);
});

/**
 * Moves a group's committed offsets to the earliest or latest retained offset, or shifts them by `shift` (negative
 * to replay). Refused while the group has members, as Kafka refuses it.
 */
export function resetGroupOffsets(w: World, groupName: string, to: 'earliest' | 'latest' | { shift: number }): string | null {
  const g = w.parts.kafka.groups.find((x) => x.name === groupName);
  if (!g) return `no consumer group named ${groupName}`;
  // The coordinator's view counts: a crashed member stays in the group until its session expires.
  if (g.members.length > 0) return `group ${groupName} has active members (${g.members.length}): Kafka resets offsets only of an inactive group`;
  resetOffsets(w, g, (pid) => {
    const p = w.parts.kafka.partitions[pid]!;
    if (to === 'earliest') return p.log.startOffset;
    const end = p.hw[p.owner]!;
    if (to === 'latest') return end;
    const cur = g.committed.get(pid) ?? end;
    return Math.max(p.log.startOffset, Math.min(end, cur + to.shift));
  });
  return null;
}

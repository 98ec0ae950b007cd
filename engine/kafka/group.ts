/**
 * The group coordinator (classic protocol): members join, the coordinator waits for every known member to rejoin
 * (or for the rebalance timeout, max.poll.interval.ms), runs the assignor and hands out the assignment; heartbeats
 * keep a member's session alive and tell it when a rebalance has started; a member not heard from for
 * session.timeout.ms is removed (semantics C1, C2, C6). The group leader's assignor runs here, with the same input
 * Kafka's leader would get, which gives the same result. JoinGroup+SyncGroup are one round trip, and the join
 * answer carries the committed offsets (the OffsetFetch that follows it in Kafka).
 */
import { KT } from './trace.ts';
import { KE } from './events.ts';
import { record } from '../history/trace.ts';
import { after, at, on } from '../sim/loop.ts';
import { arrival } from '../sim/network.ts';
import { nextId, type World } from '../world.ts';
import { assignPartitions, parseTopicPartition, topicPartitionName, type GroupMember as AssignorMember } from './assignors/index.ts';
import type { Group, GroupMember } from './clientTypes.ts';
import { ILLEGAL_GENERATION, NONE, REBALANCE_IN_PROGRESS, UNKNOWN_MEMBER_ID } from './errors.ts';
import { murmur2String, toPositive } from './murmur2.ts';

/** A request to the coordinator, waiting in the group's inbox for its arrival event. */
export type GroupRequest =
  | { type: 'join'; consumer: number; life: number; memberId: string; instanceId: string; owned: number[]; sessionUs: number; rebalanceUs: number }
  | { type: 'commit'; consumer: number; life: number; memberId: string; generation: number; offsets: number[]; sync: boolean }
  | { type: 'heartbeat'; consumer: number; life: number; memberId: string; generation: number }
  | { type: 'leave'; consumer: number; memberId: string };

/** What the coordinator sent back, read by the client when the answer arrives. */
export interface GroupAnswer {
  code: number;
  generation: number;
  memberId: string;
  partitions: number[];
  committed: number[];
}

/** The broker that coordinates the group: the leader of its __consumer_offsets partition, else the next live one. */
export function coordinatorOf(w: World, g: Group): number {
  const c = w.parts.kafka.clusters[g.cluster]!;
  const n = c.brokers.length;
  const start = toPositive(murmur2String(g.name)) % 50 % n;
  for (let i = 0; i < n; i++) {
    const b = w.parts.kafka.brokers[c.brokers[(start + i) % n]!]!;
    if (!b.fenced) return b.id;
  }
  return -1;
}

/** Sends a request to the coordinator; false when it cannot be reached now. */
export function toCoordinator(w: World, g: Group, fromHost: number, req: GroupRequest, kind: number): number {
  const coord = coordinatorOf(w, g);
  if (coord < 0) return -1;
  const b = w.parts.kafka.brokers[coord]!;
  const t = arrival(w.net, w.now, fromHost, b.host);
  if (t < 0) return -1;
  const id = nextId(w);
  w.parts.kafka.groupInbox.set(id, req);
  at(w, t, kind, g.id, id);
  return id;
}

/** The coordinator answers a consumer: the answer waits in w.parts.kafka.groupAnswers until the event reads it. */
function answer(w: World, g: Group, consumer: number, kind: number, a: GroupAnswer, id: number): void {
  const b = w.parts.kafka.brokers[g.coordinator]!;
  const t = arrival(w.net, w.now, b.host, w.parts.kafka.consumers[consumer]!.host);
  if (t < 0) return;
  w.parts.kafka.groupAnswers.set(id, a);
  at(w, t, kind, consumer, id);
}

/** Takes the request from the inbox if the coordinator is there to handle it (a broker moved it: state resets). */
function receive<K extends GroupRequest['type']>(w: World, g: Group, id: number, type: K): Extract<GroupRequest, { type: K }> | undefined {
  const req = w.parts.kafka.groupInbox.get(id);
  w.parts.kafka.groupInbox.delete(id);
  if (!req || req.type !== type) return undefined;
  const coord = coordinatorOf(w, g);
  if (coord < 0 || !w.parts.kafka.brokers[coord]!.alive) return undefined;
  if (coord !== g.coordinator) {
    // The group moved to another broker, which loads it from the replicated __consumer_offsets topic: members,
    // generation, assignment and committed offsets survive, and every member's session starts afresh.
    const first = g.coordinator < 0;
    g.coordinator = coord;
    if (!first) for (const m of g.members) touch(w, g, m);
  }
  return req as Extract<GroupRequest, { type: K }>;
}

on<World>(KE.joinArrive, 'JoinGroup reaches coordinator', (w, gid, id) => {
  const g = w.parts.kafka.groups[gid]!;
  const req = receive(w, g, id, 'join');
  if (!req) return;
  let m = req.memberId !== '' ? g.members.find((x) => x.memberId === req.memberId) : undefined;
  if (!m && req.instanceId !== '') {
    m = g.members.find((x) => x.instanceId === req.instanceId);
    if (m) {
      // A static member restarted (KIP-345): it takes over its old identity; in a stable group it gets its old
      // assignment back and nobody rebalances (semantics C6).
      m.consumer = req.consumer;
      const old = m.memberId;
      m.memberId = `${req.instanceId}-${g.nextMember++}`;
      const assigned = g.assignment.get(old);
      if (assigned) {
        g.assignment.delete(old);
        g.assignment.set(m.memberId, assigned);
      }
      touch(w, g, m);
      if (g.state === 'stable') {
        answer(w, g, req.consumer, KE.joinResponse, reply(g, m), id);
        return;
      }
    }
  }
  if (!m) {
    m = { memberId: `${w.parts.kafka.consumers[req.consumer]!.name}-${g.nextMember++}`, consumer: req.consumer, instanceId: req.instanceId, stamp: 0, joined: false, owned: [], sessionUs: req.sessionUs, rebalanceUs: req.rebalanceUs };
    g.members.push(m);
  }
  m.consumer = req.consumer;
  m.owned = req.owned;
  touch(w, g, m);
  if (g.state === 'stable') startRebalance(w, g, false);
  else if (g.state === 'empty') startRebalance(w, g, true);
  m.joined = true;
  if (g.members.every((x) => x.joined) && w.now - g.rebalanceStartedAt >= g.initialDelayUs) complete(w, g);
});

/** Enters PreparingRebalance: members learn it from their next heartbeat and rejoin. */
export function startRebalance(w: World, g: Group, initial: boolean): void {
  g.state = 'preparing';
  g.rebalanceSeq++;
  g.rebalanceStartedAt = w.now;
  const cfg = w.parts.kafka.clusters[g.cluster]!.config;
  g.initialDelayUs = initial ? cfg.groupInitialRebalanceDelayUs : 0;
  for (const m of g.members) m.joined = false;
  const timeout = Math.max(...g.members.map((m) => m.rebalanceUs), 0);
  after(w, initial ? cfg.groupInitialRebalanceDelayUs : timeout, KE.rebalanceComplete, g.id, g.rebalanceSeq);
  record(w.trace, w.now, KT.rebalance, w.parts.kafka.brokers[g.coordinator]!.host, -1, g.generation, g.members.length, g.id);
}

on<World>(KE.rebalanceComplete, 'rebalance deadline', (w, gid, seq) => {
  const g = w.parts.kafka.groups[gid]!;
  if (g.state !== 'preparing' || g.rebalanceSeq !== seq) return;
  complete(w, g);
});

/** Completes the rebalance: drops members that did not rejoin, assigns, answers every member. */
function complete(w: World, g: Group): void {
  g.members = g.members.filter((m) => m.joined);
  g.generation++;
  if (g.members.length === 0) {
    g.state = 'empty';
    g.assignment.clear();
    return;
  }
  const topics: Record<string, number> = {};
  for (const tid of g.topics) topics[w.parts.kafka.topics[tid]!.name] = w.parts.kafka.topics[tid]!.partitions.length;
  const names = Object.keys(topics);
  const members: AssignorMember[] = g.members.map((m) => ({
    memberId: m.memberId,
    groupInstanceId: m.instanceId || undefined,
    topics: names,
    ownedPartitions: m.owned.map((p) => partitionName(w, p)),
    generation: g.generation - 1,
  }));
  const result = assignPartitions(g.strategy, members, topics);
  g.assignment.clear();
  for (const m of g.members) {
    const parts = (result[m.memberId] ?? []).map((n) => partitionId(w, g, n));
    g.assignment.set(m.memberId, parts);
    m.joined = false;
  }
  g.state = 'stable';
  g.rebalances++;
  record(w.trace, w.now, KT.rebalance, w.parts.kafka.brokers[g.coordinator]!.host, -1, g.generation, g.members.length, g.id);
  for (const m of g.members) answer(w, g, m.consumer, KE.joinResponse, reply(g, m), nextId(w));
}

function reply(g: Group, m: GroupMember): GroupAnswer {
  const partitions = g.assignment.get(m.memberId) ?? [];
  return { code: NONE, generation: g.generation, memberId: m.memberId, partitions, committed: partitions.map((p) => g.committed.get(p) ?? -1) };
}

function partitionName(w: World, pid: number): string {
  const p = w.parts.kafka.partitions[pid]!;
  return topicPartitionName(w.parts.kafka.topics[p.topic]!.name, p.index);
}

function partitionId(w: World, g: Group, name: string): number {
  const tp = parseTopicPartition(name)!;
  const tid = g.topics.find((t) => w.parts.kafka.topics[t]!.name === tp.topic)!;
  return w.parts.kafka.topics[tid]!.partitions[tp.partition]!;
}

/** Refreshes a member's session: it expires session.timeout.ms after the last word from the member. */
function touch(w: World, g: Group, m: GroupMember): void {
  m.stamp = nextId(w);
  after(w, m.sessionUs, KE.memberExpire, g.id, m.stamp);
}

on<World>(KE.memberExpire, 'member session expires', (w, gid, stamp) => {
  const g = w.parts.kafka.groups[gid]!;
  const m = g.members.find((x) => x.stamp === stamp);
  if (!m) return;
  removeMember(w, g, m);
});

function removeMember(w: World, g: Group, m: GroupMember): void {
  g.members = g.members.filter((x) => x !== m);
  if (g.state === 'stable') startRebalance(w, g, false);
  else if (g.state === 'preparing' && g.members.every((x) => x.joined) && w.now - g.rebalanceStartedAt >= g.initialDelayUs) complete(w, g);
}

on<World>(KE.groupHeartbeatArrive, 'heartbeat reaches coordinator', (w, gid, id) => {
  const g = w.parts.kafka.groups[gid]!;
  const req = receive(w, g, id, 'heartbeat');
  if (!req) return;
  const m = g.members.find((x) => x.memberId === req.memberId);
  let code = NONE;
  if (!m) code = UNKNOWN_MEMBER_ID;
  else if (g.state === 'preparing') code = REBALANCE_IN_PROGRESS;
  else if (req.generation !== g.generation) code = ILLEGAL_GENERATION;
  if (m) touch(w, g, m);
  answer(w, g, req.consumer, KE.heartbeatResponse, { code, generation: g.generation, memberId: req.memberId, partitions: [], committed: [] }, id);
});

on<World>(KE.leaveArrive, 'LeaveGroup reaches coordinator', (w, gid, id) => {
  const g = w.parts.kafka.groups[gid]!;
  const req = receive(w, g, id, 'leave');
  if (!req) return;
  const m = g.members.find((x) => x.memberId === req.memberId);
  if (m) removeMember(w, g, m);
});

on<World>(KE.commitArrive, 'OffsetCommit reaches coordinator', (w, gid, id) => {
  const g = w.parts.kafka.groups[gid]!;
  const req = receive(w, g, id, 'commit');
  if (!req) return;
  const m = g.members.find((x) => x.memberId === req.memberId);
  // A member kicked out of the group, or of an older generation, cannot commit (CommitFailedException, C3).
  let code = NONE;
  if (!m) code = UNKNOWN_MEMBER_ID;
  else if (req.generation !== g.generation) code = ILLEGAL_GENERATION;
  if (code === NONE) {
    for (let i = 0; i < req.offsets.length; i += 2) {
      const pid = req.offsets[i]!;
      const off = req.offsets[i + 1]!;
      if ((g.committed.get(pid) ?? -1) !== off) {
        g.committed.set(pid, off);
        record(w.trace, w.now, KT.commit, w.parts.kafka.consumers[req.consumer]!.host, pid, off, 0, g.id);
      }
    }
    w.metrics.committed++;
  }
  answer(w, g, req.consumer, KE.commitResponse, { code, generation: g.generation, memberId: req.memberId, partitions: [], committed: [] }, id);
});

/** Moves a group's committed offsets, as `kafka-consumer-groups.sh --reset-offsets --execute` does (semantics C17). */
export function resetOffsets(w: World, g: Group, to: (partition: number) => number): void {
  g.resetAt = w.now;
  for (const tid of g.topics) for (const pid of w.parts.kafka.topics[tid]!.partitions) g.committed.set(pid, to(pid));
}

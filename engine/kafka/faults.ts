/**
 * Faults on Kafka: what its names mean (`Kafka` is every broker of the cluster node, `Kafka/2` one broker,
 * `Kafka/controller` the active controller, `Kafka/controller-2` one voter of its quorum, `leader:orders-topic/0` whoever leads that partition when the fault fires),
 * and what a crash and a restart do to a broker: its volatile state is gone, its log survives (semantics R2, R7).
 */
import type { FaultTarget } from '../family.ts';
import type { Fault } from '../faults/types.ts';
import { T } from '../history/kinds.ts';
import { record } from '../history/trace.ts';
import { at, after } from '../sim/loop.ts';
import type { World } from '../world.ts';
import { addPartitions, resetGroupOffsets } from './admin.ts';
import { KE } from './events.ts';
import { currentState } from './metadata.ts';
import { connectionReset } from './producer.ts';
import { crashVoter } from './controller.ts';
import { namedVoter } from './quorum.ts';
import { kickFetchers } from './replication.ts';

const broker = (label: string, ids: number[]): FaultTarget => ({ family: 'kafka', label, ref: { type: 'brokers', ids } });

/** What `name` means in Kafka: brokers, a controller, a partition's leader; a reason; or undefined (not Kafka's). */
export function kafkaTarget(w: World, name: string): FaultTarget | string | undefined {
  const k = w.parts.kafka;
  const leader = /^leader:(.+)\/(\d+)$/.exec(name);
  if (leader) {
    const topic = k.topics.find((t) => t.name === leader[1]);
    if (!topic) return `no topic named '${leader[1]}'`;
    const pid = topic.partitions[Number(leader[2])];
    if (pid === undefined) return `topic ${topic.name} has no partition ${leader[2]} (it has ${topic.partitions.length})`;
    const p = k.partitions[pid]!;
    const st = currentState(p);
    if (st.leader < 0) return `${topic.name}/${leader[2]} has no leader right now`;
    const b = k.brokers[p.replicas[st.leader]!]!;
    return broker(`${k.clusters[b.cluster]!.name}/${b.number}, the leader of ${topic.name}/${leader[2]}`, [b.id]);
  }
  const slash = name.lastIndexOf('/');
  const base = slash < 0 ? name : name.slice(0, slash);
  const part = slash < 0 ? undefined : name.slice(slash + 1);
  const cluster = k.clusters.findIndex((c) => c.name === base);
  if (cluster < 0) return undefined;
  const c = k.clusters[cluster]!;
  if (part === undefined) return broker(`every broker of ${c.name}`, [...c.brokers]);
  // `Kafka/controller` is the active voter when the fault applies; `Kafka/controller-2` one voter (quorum.ts).
  if (part === 'controller') {
    const v = namedVoter(c);
    const label = c.controller.voters.length === 1 ? `${c.name}'s controller` : `${c.name}'s active controller (${c.name}/controller-${v + 1})`;
    return { family: 'kafka', label, ref: { type: 'controller', ids: [cluster, v] } };
  }
  const voter = /^controller-(\d+)$/.exec(part);
  if (voter) {
    const v = Number(voter[1]) - 1;
    const n = c.controller.voters.length;
    if (v < 0 || v >= n) return `${c.name} has no ${name} (its controllers are ${c.name}/controller-1 to ${c.name}/controller-${n}; set controllers=1|3|5)`;
    return { family: 'kafka', label: `${c.name}/controller-${v + 1}${c.controller.active === v ? ' (the active controller)' : ''}`, ref: { type: 'controller', ids: [cluster, v] } };
  }
  const n = Number(part);
  const bid = c.brokers[n - 1];
  if (bid === undefined) return `${c.name} has no broker ${part} (brokers are ${c.name}/1 to ${c.name}/${c.brokers.length})`;
  return broker(`${c.name}/${n}`, [bid]);
}

/** Network hosts of a target; naming the cluster itself includes its controller quorum. */
export function kafkaHosts(w: World, t: FaultTarget, name: string): number[] {
  const k = w.parts.kafka;
  if (t.ref.type === 'controller') return [k.clusters[t.ref.ids[0]!]!.controller.voters[t.ref.ids[1]!]!.host];
  const hosts = t.ref.ids.map((id) => k.brokers[id]!.host);
  const c = k.clusters.find((x) => x.name === name);
  if (c) for (const v of c.controller.voters) hosts.push(v.host);
  return hosts;
}

export function kafkaAct(w: World, t: FaultTarget, f: Fault): string {
  if (f.action !== 'crash' && f.action !== 'restart') return `!${f.action} applies to a service, and ${(f as { target: string }).target} is not one`;
  const up = f.action === 'restart';
  if (t.ref.type === 'controller') {
    const c = w.parts.kafka.clusters[t.ref.ids[0]!]!;
    const v = t.ref.ids[1]!;
    if (c.controller.voters[v]!.alive !== up) record(w.trace, w.now, T.crash, c.controller.voters[v]!.host, -1, 0, up ? 2 : 1, 0);
    crashVoter(w, c, v, up);
  } else for (const id of t.ref.ids) (up ? restartBroker : crashBroker)(w, id);
  return `${up ? 'restarted' : 'crashed'} ${t.label}`;
}

/** kafka-consumer-groups.sh --reset-offsets; a group is named by its group.id, or by a service of the group. */
export function kafkaPerform(w: World, f: Fault): string | undefined {
  if (f.action === 'add-partitions') {
    const ti = w.parts.kafka.topics.findIndex((t) => t.name === f.topic);
    if (ti < 0) return undefined;
    const topic = w.parts.kafka.topics[ti]!;
    const before = topic.partitions.length;
    const refused = addPartitions(w, f.topic, f.count);
    if (refused) return `!${refused}`;
    const groups = w.parts.kafka.groups.filter((g) => g.topics.includes(ti)).map((g) => g.name);
    return `${f.topic} grows from ${before} to ${f.count} partitions: producers write to the new ones after their next metadata refresh${groups.length > 0 ? `; ${groups.join(', ')} ${groups.length === 1 ? 'rebalances' : 'rebalance'} to take them` : ''}`;
  }
  if (f.action !== 'reset-offsets') return undefined;
  const k = w.parts.kafka;
  // The service's group: that of its first instance's last consumer (a service reading two clusters has two).
  const mine = k.consumers.filter((x) => x.name === f.group || x.name === `${f.group}/1`);
  const name = mine.length > 0 ? k.groups[mine[mine.length - 1]!.group]!.name : f.group;
  const refused = resetGroupOffsets(w, name, typeof f.to === 'number' ? { shift: f.to } : f.to);
  return refused ? `!${refused}` : `offsets of group ${name} reset to ${typeof f.to === 'number' ? `${f.to} from the committed ones` : f.to}`;
}

export function crashBroker(w: World, id: number): void {
  const k = w.parts.kafka;
  const b = k.brokers[id]!;
  if (!b.alive) return;
  b.alive = false;
  b.life++;
  w.net.up[b.host] = 0;
  const c = k.clusters[b.cluster]!;
  for (const fid of c.fetchers) {
    const f = k.fetchers[fid]!;
    if (f.follower === id) f.inflight = false;
    if (f.follower === id || f.leader === id) f.parked = false;
  }
  for (const pid of c.partitions) {
    const p = k.partitions[pid]!;
    p.delayed = p.delayed.filter((d) => k.produceRequests.get(d.request)?.broker !== id);
  }
  // Clients connected to the dead process see their connections reset at once.
  const rtt = 2 * w.net.latencyAcrossZonesUs;
  for (const req of [...k.produceRequests.values()]) {
    if (req.broker === id && k.producers[req.producer]!.requests.has(req.id)) connectionReset(w, req.id, w.now + rtt);
  }
  for (const req of k.fetchRequests.values()) if (req.broker === id) at(w, w.now + rtt, KE.fetchTimeout, req.consumer, req.id);
  for (const fid of c.fetchers) {
    const f = k.fetchers[fid]!;
    if (f.leader === id && f.inflight) at(w, w.now + rtt, KE.replicaFetchTimeout, f.id, f.seq);
  }
  record(w.trace, w.now, T.crash, b.host, -1, 0, 1, 0);
}

export function restartBroker(w: World, id: number): void {
  const b = w.parts.kafka.brokers[id]!;
  if (b.alive) return;
  b.alive = true;
  b.life++;
  w.net.up[b.host] = 1;
  after(w, 0, KE.brokerHeartbeat, b.id, b.life);
  kickFetchers(w, b.id);
  record(w.trace, w.now, T.crash, b.host, -1, 0, 2, 0);
}

/**
 * Resolving fault targets: names as written in the topology (`Kafka`, `Kafka/2`, `Kafka/controller`,
 * `InventoryService`, `InventoryService/2`, `leader:orders-topic/0`) to the brokers, instances, clients and
 * network hosts they mean.
 */
import { currentState } from '../kafka/metadata.ts';
import type { World } from '../world.ts';

export type Target =
  | { type: 'brokers'; ids: number[]; label: string }
  | { type: 'controller'; cluster: number; label: string }
  | { type: 'instances'; ids: number[]; service: number; label: string }
  | { type: 'client'; id: number; label: string };

export function resolveTarget(w: World, name: string): Target | string {
  const leader = /^leader:(.+)\/(\d+)$/.exec(name);
  if (leader) {
    const topic = w.parts.kafka.topics.find((t) => t.name === leader[1]);
    if (!topic) return `no topic named '${leader[1]}'`;
    const pid = topic.partitions[Number(leader[2])];
    if (pid === undefined) return `topic ${topic.name} has no partition ${leader[2]} (it has ${topic.partitions.length})`;
    const p = w.parts.kafka.partitions[pid]!;
    const st = currentState(p);
    if (st.leader < 0) return `${topic.name}/${leader[2]} has no leader right now`;
    const b = w.parts.kafka.brokers[p.replicas[st.leader]!]!;
    return { type: 'brokers', ids: [b.id], label: `${w.parts.kafka.clusters[b.cluster]!.name}/${b.number}, the leader of ${topic.name}/${leader[2]}` };
  }
  const [base, part] = splitSlash(name);
  const cluster = w.parts.kafka.clusters.findIndex((c) => c.name === base);
  if (cluster >= 0) {
    const c = w.parts.kafka.clusters[cluster]!;
    if (part === undefined) return { type: 'brokers', ids: [...c.brokers], label: `every broker of ${c.name}` };
    if (part === 'controller') return { type: 'controller', cluster, label: `${c.name}'s controller` };
    const n = Number(part);
    const bid = c.brokers[n - 1];
    if (bid === undefined) return `${c.name} has no broker ${part} (brokers are ${c.name}/1 to ${c.name}/${c.brokers.length})`;
    return { type: 'brokers', ids: [bid], label: `${c.name}/${n}` };
  }
  const si = w.parts.apps.services.findIndex((s) => s.node === base);
  if (si >= 0) {
    const svc = w.parts.apps.services[si]!;
    if (part === undefined) return { type: 'instances', ids: [...svc.instances], service: si, label: svc.node };
    const iid = svc.instances[Number(part) - 1];
    if (iid === undefined) return `${svc.node} has no instance ${part} (it has ${svc.instances.length})`;
    return { type: 'instances', ids: [iid], service: si, label: `${svc.node}/${part}` };
  }
  const ci = w.parts.apps.clients.findIndex((c) => c.node === name);
  if (ci >= 0) return { type: 'client', id: ci, label: name };
  return `nothing is named '${name}': use a node id (as in the text), Kafka/2 for one broker, or leader:<topic>/<partition>`;
}

/** Network hosts a name stands for (a cluster: its brokers and controller). */
export function hostsOf(w: World, name: string): number[] | string {
  const t = resolveTarget(w, name);
  if (typeof t === 'string') return t;
  switch (t.type) {
    case 'brokers': {
      const hosts = t.ids.map((id) => w.parts.kafka.brokers[id]!.host);
      const c = w.parts.kafka.clusters.find((x) => x.name === name);
      if (c) hosts.push(c.controller.host);
      return hosts;
    }
    case 'controller':
      return [w.parts.kafka.clusters[t.cluster]!.controller.host];
    case 'instances':
      return t.ids.map((id) => w.parts.apps.instances[id]!.host);
    case 'client':
      return [w.parts.apps.clients[t.id]!.host];
  }
}

function splitSlash(name: string): [string, string | undefined] {
  const i = name.lastIndexOf('/');
  return i < 0 ? [name, undefined] : [name.slice(0, i), name.slice(i + 1)];
}

/**
 * Changing settings in the middle of a run (a fork: "what if acks had been all from 30 s on?"). Settings are copied
 * into the running components; anything that changes the structure (nodes, edges, instances, partitions,
 * replication) cannot be applied to a running cluster and is refused with the reason.
 */
import { resolve } from '../model/resolve.ts';
import type { Spec } from '../model/spec.ts';
import type { Topology } from '../topology/types.ts';
import type { World } from '../world.ts';

/** Applies the settings of `topology` to the running world, or returns why it cannot. */
export function reconfigure(w: World, current: Spec, topology: Topology): { spec: Spec } | { error: string } {
  const { spec } = resolve(topology);
  const why = structuralDifference(current, spec);
  if (why) return { error: `${why}: that changes the topology's structure, so it needs a fresh run (reset) rather than a fork` };
  spec.clusters.forEach((cs, i) => {
    w.parts.kafka.clusters[i]!.config = cs.config;
  });
  spec.topics.forEach((ts, i) => {
    const t = w.parts.kafka.topics[i]!;
    t.config = { ...ts.config, recordBytes: t.config.recordBytes };
  });
  spec.services.forEach((ss, si) => {
    const svc = w.parts.apps.services[si]!;
    svc.config = ss.config;
    for (const iid of svc.instances) {
      const inst = w.parts.apps.instances[iid]!;
      for (const pid of inst.producers) if (pid >= 0) w.parts.kafka.producers[pid]!.config = ss.producer;
      for (const cid of inst.consumers) {
        const c = w.parts.kafka.consumers[cid]!;
        const keep = { groupId: c.config.groupId, instanceId: c.config.instanceId, fetchRecords: c.config.fetchRecords };
        c.config = { ...ss.consumer, ...keep };
        if (c.workBuffer.ids.length < c.config.maxPollRecords && !c.work) {
          const n = c.config.maxPollRecords;
          c.workBuffer = { seq: c.workBuffer.seq, count: 0, partitions: new Int32Array(n), ids: new Uint32Array(n), offsets: new Float64Array(n), doneAt: new Float64Array(n), outcome: new Uint8Array(n), next: 0, endsAt: 0, stopped: [] };
        } else if (c.workBuffer.ids.length < c.config.maxPollRecords) {
          c.config.maxPollRecords = c.workBuffer.ids.length;
        }
      }
    }
    for (const s of w.parts.apps.sources) if (s.service === si) s.rate = ss.rate / ss.instances;
  });
  spec.clients.forEach((cs, i) => {
    const c = w.parts.apps.clients[i]!;
    c.rate = cs.rate;
    c.poisson = cs.poisson;
  });
  return { spec };
}

function structuralDifference(a: Spec, b: Spec): string | null {
  if (a.clusters.length !== b.clusters.length || a.clusters.some((c, i) => c.node !== b.clusters[i]!.node || c.config.brokers !== b.clusters[i]!.config.brokers)) return 'the Kafka clusters or their broker counts differ';
  if (a.topics.length !== b.topics.length) return 'the topics differ';
  for (let i = 0; i < a.topics.length; i++) {
    const x = a.topics[i]!, y = b.topics[i]!;
    if (x.name !== y.name || x.cluster !== y.cluster) return `topic ${x.name} differs`;
    if (x.config.partitions !== y.config.partitions) return `${x.name} goes from ${x.config.partitions} to ${y.config.partitions} partitions`;
    if (x.config.replicationFactor !== y.config.replicationFactor) return `${x.name}'s replication factor changes`;
  }
  if (a.services.length !== b.services.length) return 'services were added or removed';
  for (let i = 0; i < a.services.length; i++) {
    const x = a.services[i]!, y = b.services[i]!;
    if (x.node !== y.node) return `service ${x.node} is now ${y.node}`;
    if (x.instances !== y.instances) return `${x.node} goes from ${x.instances} to ${y.instances} instances`;
    const sig = (s: typeof x) => JSON.stringify([s.calls, s.writes, s.publishes.map((p) => p.topic), s.consumes, s.group, s.origin, s.consumer.dlq]);
    if (sig(x) !== sig(y)) return `${x.node}'s connections differ`;
  }
  if (a.clients.length !== b.clients.length || a.clients.some((c, i) => c.node !== b.clients[i]!.node || c.target !== b.clients[i]!.target)) return 'the clients differ';
  return null;
}

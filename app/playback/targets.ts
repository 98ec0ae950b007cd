/**
 * The names a fault can aim at, as the fault syntax writes them: simulated nodes by id, each broker of a Kafka node
 * (`Kafka/2`) and its controller, and the current leader of each partition (`leader:orders-topic/0`).
 */
import type { Frame, Topology } from '../../engine/index.ts';

const SIMULATED = new Set(['service', 'consumer', 'projection', 'saga', 'outbox', 'schema-registry', 'database', 'eventstore', 'client', 'kafka']);

/** Fault targets for a topology, with brokers and partitions from the running frame when there is one. */
export function faultTargets(topology: Topology, frame: Frame | null): string[] {
  const names: string[] = [];
  for (const n of topology.nodes) {
    if (!SIMULATED.has(n.kind)) continue;
    names.push(n.id);
    if (n.kind !== 'kafka') continue;
    const cluster = frame?.clusters.find((c) => c.node === n.id);
    const brokers = cluster ? cluster.brokers.length : Number(n.config['brokers'] ?? 3) || 3;
    for (let b = 1; b <= brokers; b++) names.push(`${n.id}/${b}`);
    names.push(`${n.id}/controller`);
    for (const p of cluster?.partitions ?? []) names.push(`leader:${p.topic}/${p.index}`);
  }
  return names;
}

/**
 * The name a link fault uses for a node's end of an edge: the node itself when it is a host (a service, a client, a
 * Kafka node), the Kafka node hosting it for a topic or a partition, or null when the run has no host for it.
 */
export function linkEnd(topology: Topology, frame: Frame | null, id: string): string | null {
  const n = topology.nodes.find((x) => x.id === id);
  if (!n) return null;
  if (SIMULATED.has(n.kind)) return n.id;
  const topic = n.kind === 'topic' ? (n.topics?.[0] ?? n.label) : n.kind === 'partition' ? n.partitionOf?.topic : undefined;
  if (topic === undefined || !frame) return null;
  return frame.clusters.find((c) => c.partitions.some((p) => p.topic === topic))?.node ?? null;
}

/**
 * Changing settings in the middle of a run (a fork: "what if acks had been all from 30 s on?"). Each family copies
 * the new settings into its running components; anything that changes the structure (nodes, edges, instances,
 * partitions, replication) cannot be applied to a running world and is refused with the reason.
 */
import { FAMILIES } from '../components.ts';
import { resolve } from '../model/resolve.ts';
import type { Spec } from '../model/spec.ts';
import type { Topology } from '../topology/types.ts';
import type { World } from '../world.ts';

/** Applies the settings of `topology` to the running world, or returns why it cannot. */
export function reconfigure(w: World, current: Spec, topology: Topology): { spec: Spec } | { error: string } {
  const { spec } = resolve(topology);
  const why = structuralDifference(current, spec);
  if (why) return { error: `${why}: that changes the topology's structure, so it needs a fresh run (reset) rather than a fork` };
  for (const f of FAMILIES) {
    const refused = f.reconfigure?.(w, current, spec);
    if (refused) return { error: refused };
  }
  return { spec };
}
function structuralDifference(a: Spec, b: Spec): string | null {
  if (a.clusters.length !== b.clusters.length || a.clusters.some((c, i) => c.node !== b.clusters[i]!.node || c.config.brokers !== b.clusters[i]!.config.brokers || c.config.controllers !== b.clusters[i]!.config.controllers)) return 'the Kafka clusters or their broker or controller counts differ';
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
    const sig = (s: typeof x) => JSON.stringify([s.calls, s.writes, s.publishes.map((p) => p.destination), s.consumes, s.group, s.origin, s.handling.dlq]);
    if (sig(x) !== sig(y)) return `${x.node}'s connections differ`;
  }
  if (a.clients.length !== b.clients.length || a.clients.some((c, i) => c.node !== b.clients[i]!.node || c.target !== b.clients[i]!.target)) return 'the clients differ';
  return null;
}

/**
 * Which unlucky moments a node has to crash in, read from its edges (kept apart from the menu so it tests without a
 * worker): a consumer's commit, a dual write's gap between its two writes, an outbox relay's between publish and mark.
 */
import type { Topology, TopologyNode } from '../../../engine/index.ts';

/** The moments `node` has in `topology`, from its edges: what it consumes, writes and publishes. */
export function momentsOf(topology: Topology, node: TopologyNode): { consumes: boolean; dualWrite: boolean; relay: boolean } {
  const edges = topology.edges;
  const consumes = node.kind === 'consumer' || edges.some((e) => e.kind === 'subscribe' && (e.from === node.id || e.to === node.id));
  const writes = edges.some((e) => e.kind === 'write' && e.from === node.id);
  const publishes = edges.some((e) => e.kind === 'publish' && e.from === node.id);
  return { consumes, dualWrite: writes && publishes, relay: node.kind === 'outbox' };
}

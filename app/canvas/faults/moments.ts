/**
 * Which unlucky moments a node has to crash in, read from its edges (kept apart from the menu so it tests without a
 * worker): a consumer's commit, a dual write's gap between its two writes, an outbox relay's between publish and mark.
 */
import type { Topology, TopologyNode } from '../../../engine/index.ts';

/** The moments `node` has in `topology`, from its edges: what it consumes, writes and publishes. */
export function momentsOf(topology: Topology, node: TopologyNode): { consumes: boolean; dualWrite: boolean; relay: boolean; rebuild: boolean } {
  const edges = topology.edges;
  const consumes = node.kind === 'consumer' || edges.some((e) => e.kind === 'subscribe' && (e.from === node.id || e.to === node.id));
  const writes = edges.some((e) => e.kind === 'write' && e.from === node.id);
  const publishes = edges.some((e) => e.kind === 'publish' && e.from === node.id);
  // A projection of an event store (fed by the store, by a projection it feeds, or replaying a drawn log) can be rebuilt.
  const kindOf = (id: string) => topology.nodes.find((n) => n.id === id)?.kind;
  const fedByStore = (id: string) => edges.some((e) => e.to === id && (kindOf(e.from) === 'eventstore' || kindOf(e.from) === 'event'));
  const rebuild = node.kind === 'projection' && (fedByStore(node.id) || edges.some((e) => e.to === node.id && e.kind === 'write' && kindOf(e.from) === 'projection' && fedByStore(e.from)));
  return { consumes, dualWrite: writes && publishes, relay: node.kind === 'outbox', rebuild };
}

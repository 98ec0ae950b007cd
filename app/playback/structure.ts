/**
 * What a running simulation cannot change on the fly: the nodes, their kinds and topics, and the edges between them.
 * If only settings changed since the run started, the learner can fork the run with the new settings from the
 * current moment; otherwise only a restart can simulate the new drawing. (The engine has the last word: it also
 * refuses a settings change it cannot apply live, such as a new partition count, and says why.)
 */
import type { Topology } from '../../engine/index.ts';

/** A signature of a topology's structure, equal for two topologies that differ only in settings, labels and styles. */
export function structureOf(t: Topology): string {
  const nodes = t.nodes.map((n) => `${n.id}:${n.kind}:${(n.topics ?? []).join(',')}:${n.consumerGroup ?? ''}`).sort();
  const edges = t.edges.map((e) => `${e.from}>${e.to}:${e.kind}`).sort();
  return JSON.stringify([nodes, edges]);
}

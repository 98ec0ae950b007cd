/**
 * The names a fault can aim at, as the fault syntax writes them: nodes that are processes (the kind table's `host`),
 * and what a run adds (each broker of a Kafka node, its active controller and each controller voter, the leader of each partition).
 */
import type { Frame, NodeKind, Topology } from '../../engine/index.ts';
import { NODE_KINDS } from '../../engine/ui.ts';

const HOSTS = new Set(NODE_KINDS.filter((k) => k.host).map((k) => k.kind));

/** Whether a node of this kind is a process a fault can crash, cut or slow by its id. */
export const isHost = (kind: NodeKind): boolean => HOSTS.has(kind);

const FAULTS = new Map(NODE_KINDS.map((k) => [k.kind, k.faults]));

/** Whether a node of this kind can suffer `action` (`slow`, `poison`, ...): its family answers it. */
export const canSuffer = (kind: NodeKind, action: string): boolean => FAULTS.get(kind)?.includes(action) ?? false;

/** Fault targets for a topology, with brokers and partitions from the running frame when there is one. */
export function faultTargets(topology: Topology, frame: Frame | null): string[] {
  const names: string[] = [];
  for (const n of topology.nodes) {
    if (!isHost(n.kind)) continue;
    names.push(n.id);
    // What the run adds for this node (its brokers, its controller) comes right after it.
    if (frame) {
      for (const t of frame.targets) if (t.startsWith(`${n.id}/`)) names.push(t);
    } else if (n.kind === 'kafka') {
      // Before a run: the brokers the text asks for, and the controller.
      const brokers = Number(n.config['brokers'] ?? 3) || 3;
      for (let b = 1; b <= brokers; b++) names.push(`${n.id}/${b}`);
      names.push(`${n.id}/controller`);
      const controllers = Number(n.config['controllers'] ?? 3) || 3;
      for (let v = 1; v <= controllers; v++) names.push(`${n.id}/controller-${v}`);
    }
  }
  if (frame) for (const t of frame.targets) if (!names.includes(t)) names.push(t);
  return names;
}

/**
 * The name a link fault uses for a node's end of an edge: the node itself when it is a host (a service, a client, a
 * Kafka node), the node hosting it for a topic or a partition, or null when the run has no host for it.
 */
export function linkEnd(topology: Topology, frame: Frame | null, id: string): string | null {
  const n = topology.nodes.find((x) => x.id === id);
  if (!n) return null;
  if (isHost(n.kind)) return n.id;
  const live = frame?.nodes[id];
  return live && 'host' in live ? live.host : null;
}

/**
 * Builds Topology values by hand for tests of code that consumes the model (layout, canvas), so those tests do not
 * depend on the parser.
 */
import type { Direction, NodeKind, Topology, TopologyEdge, TopologyGroup, TopologyNode } from '../topology/types.ts';

const span = { from: 0, to: 0, line: 1, column: 1 };

/** A node with defaults: `node('A', { kind: 'kafka', topics: ['orders'] })`. */
export function node(id: string, extra: Partial<TopologyNode> = {}): TopologyNode {
  const kind: NodeKind = extra.kind ?? 'service';
  return {
    id,
    label: id,
    kind,
    kindSource: 'default',
    kindReason: 'no class or label says otherwise',
    config: {},
    classes: [],
    style: {},
    span,
    ...extra,
  };
}

/** An edge `from --> to` with id `L_from_to_0` unless given. */
export function edge(from: string, to: string, extra: Partial<TopologyEdge> = {}): TopologyEdge {
  return {
    id: `L_${from}_${to}_0`,
    from,
    to,
    kind: 'request',
    stroke: 'normal',
    arrowStart: 'none',
    arrowEnd: 'arrow',
    length: 1,
    span,
    ...extra,
  };
}

/** A subgraph titled by its id unless given. */
export function group(id: string, members: string[], extra: Partial<TopologyGroup> = {}): TopologyGroup {
  return { id, title: id, members, span, ...extra };
}

/** A topology from parts; nodes named in a group's members get that group unless they already have one. */
export function topology(parts: {
  direction?: Direction;
  nodes: TopologyNode[];
  edges?: TopologyEdge[];
  groups?: TopologyGroup[];
}): Topology {
  const groups = parts.groups ?? [];
  const innermost = new Map<string, string>();
  for (const g of groups) for (const m of g.members) innermost.set(m, g.id);
  return {
    direction: parts.direction ?? 'TB',
    nodes: parts.nodes.map((n) => (n.group || !innermost.has(n.id) ? n : { ...n, group: innermost.get(n.id) })),
    edges: parts.edges ?? [],
    groups,
    directives: [],
    classDefs: {},
  };
}

/**
 * Lays a topology out with dagre: ranks follow the text's direction, subgraphs are clusters, and every node the
 * learner pinned stays exactly where it was put.
 */
import dagre from '@dagrejs/dagre';
import type { Topology } from '../topology/types.ts';
import { groupBoxes, groupMetrics, unionBox } from './groups.ts';
import { edgeLabelSize, nodeSize } from './measure.ts';
import type { Box, EdgeRoute, Layout, Pinned } from './types.ts';

/** Past this many nodes, dagre ranks by longest path and skips its crossing-reduction sweeps (10x faster). */
export const FAST_LAYOUT_NODES = 300;
/** Past this many nodes, subgraphs are drawn around their members but not laid out as clusters (dagre's compound
 * mode grows too slow to be useful); below it they are. */
export const CLUSTER_LAYOUT_NODES = 600;

type Rankdir = Layout['direction'];

const nodeKey = (id: string) => `n:${id}`;
const groupKey = (id: string) => `g:${id}`;

/**
 * Positions every node and subgraph of `topology`. Pinned nodes keep their pinned top-left corner.
 * @example layoutTopology(parseTopology('graph LR\n A --> B').topology).nodes.B // { x: 230, y: 0, width: 150, ... }
 */
export function layoutTopology(topology: Topology, pinned: Pinned = {}): Layout {
  const direction: Rankdir = topology.direction === 'TD' ? 'TB' : topology.direction;
  const count = topology.nodes.length;
  const quality: Layout['quality'] = count > FAST_LAYOUT_NODES ? 'dagre-fast' : 'dagre';
  const clustered = count <= CLUSTER_LAYOUT_NODES && topology.groups.length > 0;
  let placed: Placed;
  // Pinned nodes stay out of dagre's graph: placing or connecting one never shifts the rest.
  const laid = new Set(topology.nodes.filter((n) => !pinned[n.id]).map((n) => n.id));
  try {
    placed = runDagre(topology, laid, direction, quality, clustered);
  } catch {
    // dagre's compound mode has corner cases (edges into clusters, odd nesting) that throw: lay out flat instead.
    placed = runDagre(topology, laid, direction, quality, false);
  }
  const nodes: Record<string, Box> = {};
  for (const node of topology.nodes) {
    const at = placed.nodes[node.id];
    const size = nodeSize(node);
    const pin = pinned[node.id];
    nodes[node.id] = pin ? { x: pin.x, y: pin.y, ...size } : (at ?? { x: 0, y: 0, ...size });
  }
  const groups = groupBoxes(topology.groups, nodes, placed.emptyGroups);
  const bounds = unionBox([...Object.values(nodes), ...Object.values(groups)]);
  // A route is only good while both ends are where dagre put them.
  const edges: Record<string, EdgeRoute> = {};
  for (const [id, route] of Object.entries(placed.edges)) {
    const edge = topology.edges.find((e) => e.id === id);
    if (edge && !pinned[edge.from] && !pinned[edge.to]) edges[id] = route;
  }
  return { direction, nodes, groups, edges, bounds, quality };
}

interface Placed {
  nodes: Record<string, Box>;
  emptyGroups: Record<string, Box>;
  edges: Record<string, EdgeRoute>;
}

function runDagre(
  topology: Topology,
  nodeIds: ReadonlySet<string>,
  rankdir: Rankdir,
  quality: Layout['quality'],
  clustered: boolean,
): Placed {
  const g = new dagre.graphlib.Graph({ compound: clustered, multigraph: true });
  g.setGraph({ rankdir, nodesep: 36, ranksep: 56, edgesep: 16, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));

  for (const node of topology.nodes) if (nodeIds.has(node.id)) g.setNode(nodeKey(node.id), nodeSize(node));

  const emptyIds = new Set<string>();
  const clusterIds = new Set<string>();
  const leafOf = representativeLeaves(topology, nodeIds);
  const holdsAny = representativeLeaves(topology, new Set(topology.nodes.map((n) => n.id)));
  const depth = nestingDepths(topology);
  for (const group of topology.groups) {
    if (leafOf.get(group.id) !== undefined) {
      if (clustered && depth.get(group.id)! < LAYOUT_NESTING_MAX) {
        clusterIds.add(group.id);
        g.setNode(groupKey(group.id), {});
      }
    } else if (holdsAny.get(group.id) === undefined) {
      // Nothing inside: dagre would collapse it to a point, so it becomes a leaf of its own size.
      emptyIds.add(group.id);
      g.setNode(groupKey(group.id), { width: groupMetrics.emptyWidth, height: groupMetrics.emptyHeight });
    } // else only pinned nodes inside: its box follows them, dagre need not know it.
  }
  if (clustered) {
    const inDagre = (id: string | undefined) => id !== undefined && (clusterIds.has(id) || emptyIds.has(id));
    const cluster = clusterAt(topology, clusterIds);
    for (const node of topology.nodes) {
      const c = cluster(node.group);
      if (nodeIds.has(node.id) && c !== undefined) g.setParent(nodeKey(node.id), groupKey(c));
    }
    for (const group of topology.groups) {
      const c = cluster(group.parent);
      if (inDagre(group.id) && c !== undefined) g.setParent(groupKey(group.id), groupKey(c));
    }
  }

  // dagre cannot route an edge to a cluster, so an edge to a subgraph is laid out as one to a node inside it.
  const endpoint = (id: string): string | undefined => {
    if (nodeIds.has(id)) return nodeKey(id);
    if (emptyIds.has(id)) return groupKey(id);
    const leaf = leafOf.get(id);
    return leaf === undefined ? undefined : nodeKey(leaf);
  };
  const routed: { id: string; v: string; w: string }[] = [];
  for (const edge of topology.edges) {
    const v = endpoint(edge.from);
    const w = endpoint(edge.to);
    if (!v || !w) continue;
    // Label spots double dagre's ranks; a large graph is laid out without them (labels sit on the curve instead).
    const size = quality === 'dagre' ? edgeLabelSize(edge) : null;
    g.setEdge(v, w, size ? { ...size, labelpos: 'c' } : {}, edge.id);
    if (nodeIds.has(edge.from) && nodeIds.has(edge.to)) routed.push({ id: edge.id, v, w });
  }

  dagre.layout(g, quality === 'dagre-fast' ? { ranker: 'longest-path', disableOptimalOrderHeuristic: true } : {});

  const topLeft = (key: string): Box | undefined => {
    const n = g.node(key) as { x?: number; y?: number; width: number; height: number } | undefined;
    if (!n || n.x === undefined || n.y === undefined) return undefined;
    return { x: Math.round(n.x - n.width / 2), y: Math.round(n.y - n.height / 2), width: n.width, height: n.height };
  };
  const nodes: Record<string, Box> = {};
  for (const node of topology.nodes) {
    const b = topLeft(nodeKey(node.id));
    if (b) nodes[node.id] = b;
  }
  const emptyGroups: Record<string, Box> = {};
  for (const id of emptyIds) {
    const b = topLeft(groupKey(id));
    if (b) emptyGroups[id] = b;
  }
  const edges: Record<string, EdgeRoute> = {};
  for (const { id, v, w } of routed) {
    const e = g.edge({ v, w, name: id }) as { points?: { x: number; y: number }[]; x?: number; y?: number } | undefined;
    if (!e?.points || e.points.length < 2) continue;
    const points = e.points.map((p) => ({ x: Math.round(p.x), y: Math.round(p.y) }));
    const middle = points[Math.floor(points.length / 2)]!;
    edges[id] = { points, label: e.x !== undefined && e.y !== undefined ? { x: Math.round(e.x), y: Math.round(e.y) } : middle };
  }
  return { nodes, emptyGroups, edges };
}

/**
 * dagre's compound layout grows much faster than linearly with nesting (160 levels took 13 s): boxes deeper than
 * this are laid out with their nearest ancestor that is not, and still drawn around their members afterwards.
 */
const LAYOUT_NESTING_MAX = 8;

/** How deep each group sits (0 at the top level); a cycle in the model counts as the top. */
function nestingDepths(topology: Topology): Map<string, number> {
  const byId = new Map(topology.groups.map((g) => [g.id, g]));
  const depth = new Map<string, number>();
  const of = (id: string, seen: Set<string>): number => {
    const known = depth.get(id);
    if (known !== undefined) return known;
    const parent = byId.get(id)?.parent;
    const d = parent !== undefined && byId.has(parent) && !seen.has(parent) ? of(parent, seen.add(id)) + 1 : 0;
    depth.set(id, d);
    return d;
  };
  for (const g of topology.groups) of(g.id, new Set());
  return depth;
}

/** The cluster a member of group `id` belongs to in dagre's graph: the group, or its nearest ancestor that is one. */
function clusterAt(topology: Topology, clusters: ReadonlySet<string>): (id: string | undefined) => string | undefined {
  const parent = new Map(topology.groups.map((g) => [g.id, g.parent]));
  return (id) => {
    for (let at = id, hops = 0; at !== undefined && hops <= parent.size; at = parent.get(at), hops++) if (clusters.has(at)) return at;
    return undefined;
  };
}

/** For every group, the first node found inside it (depth first), or undefined when it holds no node at all. */
function representativeLeaves(topology: Topology, nodeIds: ReadonlySet<string>): Map<string, string | undefined> {
  const byId = new Map(topology.groups.map((g) => [g.id, g]));
  const memo = new Map<string, string | undefined>();
  const find = (id: string, seen: Set<string>): string | undefined => {
    if (memo.has(id)) return memo.get(id);
    const group = byId.get(id);
    if (!group || seen.has(id)) return undefined;
    seen.add(id);
    let leaf: string | undefined;
    for (const m of group.members) {
      leaf = nodeIds.has(m) ? m : find(m, seen);
      if (leaf !== undefined) break;
    }
    memo.set(id, leaf);
    return leaf;
  };
  for (const g of topology.groups) find(g.id, new Set());
  return memo;
}

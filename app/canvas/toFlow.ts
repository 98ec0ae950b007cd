/**
 * The canvas as a pure projection of the topology, its layout and the learner's dragged positions (STYLE.md §8).
 */
import { Position, type NodeHandle } from '@xyflow/react';
import { groupBoxes } from '../../engine/ui.ts';
import type { Box, Layout, Pinned, Topology } from '../../engine/index.ts';
import { markerId, strokeStyle } from './edgeStyle.ts';
import { groupFlowId, type FlowEdge, type FlowNode, type GroupFlowNode, type TopologyFlowNode } from './flowTypes.ts';

export interface Flow {
  nodes: FlowNode[];
  edges: FlowEdge[];
}

/** Which side of a node edges enter and leave, following the flowchart's direction. */
export function handleSides(direction: Layout['direction']): { source: Position; target: Position } {
  switch (direction) {
    case 'LR':
      return { source: Position.Right, target: Position.Left };
    case 'RL':
      return { source: Position.Left, target: Position.Right };
    case 'BT':
      return { source: Position.Top, target: Position.Bottom };
    default:
      return { source: Position.Bottom, target: Position.Top };
  }
}

/** Handles are 8px squares centred on a side, as node.css draws them. */
const HANDLE = 8;

function handleAt(id: 'in' | 'out', type: 'source' | 'target', side: Position, width: number, height: number): NodeHandle {
  const half = HANDLE / 2;
  const x = side === Position.Left ? -half : side === Position.Right ? width - half : width / 2 - half;
  const y = side === Position.Top ? -half : side === Position.Bottom ? height - half : height / 2 - half;
  return { id, type, position: side, x, y, width: HANDLE, height: HANDLE };
}

/**
 * Where a node's handles are, given up front: React Flow then need not render every node once to measure them,
 * which for a large drawing costs seconds on each change.
 */
export function nodeHandles(sides: { source: Position; target: Position }, width: number, height: number): NodeHandle[] {
  return [handleAt('in', 'target', sides.target, width, height), handleAt('out', 'source', sides.source, width, height)];
}

/** Subgraph boxes sit under edges and nodes; nested ones above their parent. */
const GROUP_Z_BASE = -100;

/**
 * React Flow nodes and edges for a topology: subgraphs first (as boxes around their members), then nodes at their
 * dragged position when there is one, else where the layout put them.
 */
export function toFlow(topology: Topology, layout: Layout, positions: Pinned, selected: ReadonlySet<string> = new Set()): Flow {
  const sides = handleSides(layout.direction);
  const boxes: Record<string, Box> = {};
  for (const node of topology.nodes) {
    const placed = layout.nodes[node.id];
    if (!placed) continue;
    const pin = positions[node.id];
    boxes[node.id] = pin ? { ...placed, x: pin.x, y: pin.y } : placed;
  }
  const groupBox = groupBoxes(topology.groups, boxes, layout.groups);
  const depthOf = groupDepths(topology);

  const groupNodes: GroupFlowNode[] = [];
  for (const group of topology.groups) {
    const box = groupBox[group.id];
    if (!box) continue;
    const depth = depthOf.get(group.id) ?? 0;
    groupNodes.push({
      id: groupFlowId(group.id),
      type: 'subgraph',
      position: { x: box.x, y: box.y },
      width: box.width,
      height: box.height,
      data: { group, depth },
      zIndex: GROUP_Z_BASE + depth,
      handles: nodeHandles(sides, box.width, box.height),
      draggable: false,
      selectable: false,
      sourcePosition: sides.source,
      targetPosition: sides.target,
    });
  }

  const nodes: TopologyFlowNode[] = [];
  for (const node of topology.nodes) {
    const box = boxes[node.id];
    if (!box) continue;
    nodes.push({
      id: node.id,
      type: node.kind,
      position: { x: box.x, y: box.y },
      width: box.width,
      height: box.height,
      data: { node },
      handles: nodeHandles(sides, box.width, box.height),
      selected: selected.has(node.id),
      sourcePosition: sides.source,
      targetPosition: sides.target,
    });
  }

  const nodeIds = new Set(nodes.map((n) => n.id));
  const unmoved = (id: string) => {
    const now = boxes[id];
    const laid = layout.nodes[id];
    return now !== undefined && laid !== undefined && now.x === laid.x && now.y === laid.y;
  };
  const endpoint = (id: string): string | undefined =>
    nodeIds.has(id) ? id : groupBox[id] ? groupFlowId(id) : undefined;
  const edges: FlowEdge[] = [];
  for (const edge of topology.edges) {
    const source = endpoint(edge.from);
    const target = endpoint(edge.to);
    if (!source || !target) continue;
    const start = markerId(edge.arrowStart, edge.kind);
    const end = markerId(edge.arrowEnd, edge.kind);
    const route = layout.edges[edge.id];
    edges.push({
      id: edge.id,
      type: 'kind',
      source,
      target,
      data: route && unmoved(edge.from) && unmoved(edge.to) ? { edge, route } : { edge },
      selected: selected.has(edge.id),
      hidden: edge.stroke === 'invisible',
      style: strokeStyle(edge.kind, edge.stroke),
      ...(start ? { markerStart: start } : {}),
      ...(end ? { markerEnd: end } : {}),
    });
  }
  return { nodes: [...groupNodes, ...nodes], edges };
}

function groupDepths(topology: Topology): Map<string, number> {
  const parent = new Map(topology.groups.map((g) => [g.id, g.parent]));
  const depth = new Map<string, number>();
  for (const g of topology.groups) {
    let d = 0;
    for (let p = g.parent; p !== undefined && d <= topology.groups.length; p = parent.get(p)) d++;
    depth.set(g.id, d);
  }
  return depth;
}

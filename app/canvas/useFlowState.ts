/**
 * The canvas's working copy of the flow: reset from the projection whenever the topology, layout or positions
 * change, and moved locally while a node is dragged (subgraph boxes follow live) until the drop is committed.
 */
import { applyEdgeChanges, applyNodeChanges, type EdgeChange, type NodeChange } from '@xyflow/react';
import { useCallback, useMemo, useState } from 'react';
import { groupBoxes } from '../../engine/ui.ts';
import type { Box, Topology } from '../../engine/index.ts';
import { appStore, useApp } from '../state/store.ts';
import { groupFlowId, isGroupFlowNode, type FlowEdge, type FlowNode } from './flowTypes.ts';
import { toFlow, type Flow } from './toFlow.ts';

const emptyFlow: Flow = { nodes: [], edges: [] };

export function useFlowState() {
  const good = useApp((s) => s.good);
  const positions = useApp((s) => s.positions);
  const flow = useMemo(() => {
    if (!good) return emptyFlow;
    // Selection is read, not subscribed to: React Flow owns it while the flow stands, the store mirrors it.
    const { selection } = appStore.getState();
    return toFlow(good.topology, good.layout, positions, new Set([...selection.nodes, ...selection.edges]));
  }, [good, positions]);

  const [nodes, setNodes] = useState<FlowNode[]>(flow.nodes);
  const [edges, setEdges] = useState<FlowEdge[]>(flow.edges);
  const [shown, setShown] = useState(flow);
  if (shown !== flow) {
    setShown(flow);
    setNodes(flow.nodes);
    setEdges(flow.edges);
  }

  const topology = good?.topology;
  const onNodesChange = useCallback(
    (changes: NodeChange<FlowNode>[]) => {
      setNodes((current) => {
        const next = applyNodeChanges(changes, current);
        const moved = changes.some((c) => c.type === 'position');
        return moved && topology ? withGroupsAround(next, topology) : next;
      });
    },
    [topology],
  );
  const onEdgesChange = useCallback((changes: EdgeChange<FlowEdge>[]) => {
    setEdges((current) => applyEdgeChanges(changes, current));
  }, []);

  return { nodes, edges, onNodesChange, onEdgesChange, topology };
}

/** Recomputes subgraph boxes from where nodes are now, so a dragged node stays inside its box. */
function withGroupsAround(nodes: FlowNode[], topology: Topology): FlowNode[] {
  if (topology.groups.length === 0) return nodes;
  const boxes: Record<string, Box> = {};
  const previous: Record<string, Box> = {};
  for (const n of nodes) {
    const box = { x: n.position.x, y: n.position.y, width: n.width ?? 0, height: n.height ?? 0 };
    if (isGroupFlowNode(n)) previous[n.data.group.id] = box;
    else boxes[n.id] = box;
  }
  const groups = groupBoxes(topology.groups, boxes, previous);
  return nodes.map((n) => {
    if (!isGroupFlowNode(n)) return n;
    const b = groups[n.data.group.id];
    if (!b || n.id !== groupFlowId(n.data.group.id)) return n;
    const same = b.x === n.position.x && b.y === n.position.y && b.width === n.width && b.height === n.height;
    return same ? n : { ...n, position: { x: b.x, y: b.y }, width: b.width, height: b.height };
  });
}

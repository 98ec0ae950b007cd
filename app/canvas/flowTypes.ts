/**
 * The React Flow node and edge types the canvas draws: one node type per topology kind, one for subgraphs, one edge
 * type for every topology edge.
 */
import type { Edge, Node } from '@xyflow/react';
import type { EdgeRoute, NodeKind, TopologyEdge, TopologyGroup, TopologyNode } from '../../engine/index.ts';

export type TopologyFlowNode = Node<{ node: TopologyNode }, NodeKind>;
export type GroupFlowNode = Node<{ group: TopologyGroup; depth: number }, 'subgraph'>;
export type FlowNode = TopologyFlowNode | GroupFlowNode;
/** `route` is the layout's path for the edge, present while neither end has been moved since the layout. */
export type FlowEdge = Edge<{ edge: TopologyEdge; route?: EdgeRoute }, 'kind'>;

/** React Flow ids of subgraph nodes carry a prefix: mermaid lets a subgraph and a node share an id. */
export const groupFlowId = (groupId: string) => `group:${groupId}`;

export const isGroupFlowNode = (n: FlowNode): n is GroupFlowNode => n.type === 'subgraph';

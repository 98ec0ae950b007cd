/**
 * The React Flow node types, declared once at module scope (a new object per render would remount every node).
 */
import type { NodeProps, NodeTypes } from '@xyflow/react';
import { createElement, memo } from 'react';
import type { NodeKind } from '../../../engine/index.ts';
import type { TopologyFlowNode } from '../flowTypes.ts';
import { GroupNode } from './GroupNode.tsx';
import { paletteKinds } from './kindColors.ts';
import { TopologyNodeView } from './TopologyNodeView.tsx';

const pascal = (kind: NodeKind) => kind.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase());

/** One small memoised component per kind, named for React's devtools (`KafkaNode`, `QueueNode`, …). */
function kindNode(kind: NodeKind) {
  const component = memo((props: NodeProps<TopologyFlowNode>) => createElement(TopologyNodeView, props));
  component.displayName = `${pascal(kind)}Node`;
  return component;
}

export const nodeTypes: NodeTypes = {
  ...Object.fromEntries(paletteKinds.map((kind) => [kind, kindNode(kind)])),
  subgraph: GroupNode,
};

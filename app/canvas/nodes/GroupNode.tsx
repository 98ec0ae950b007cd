/**
 * A subgraph: a labelled box drawn under its members.
 */
import { Handle, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { GroupFlowNode } from '../flowTypes.ts';

export const GroupNode = memo(function GroupNode({ data, sourcePosition, targetPosition }: NodeProps<GroupFlowNode>) {
  const { group, depth } = data;
  return (
    <div className={`tgroup depth-${Math.min(depth, 3)}`} data-testid={`group-${group.id}`}>
      <Handle type="target" id="in" position={targetPosition!} />
      <div className="tgroup-title" title={group.id === group.title ? group.id : `${group.title} (${group.id})`}>
        {group.title}
      </div>
      <Handle type="source" id="out" position={sourcePosition!} />
    </div>
  );
});

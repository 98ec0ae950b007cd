/**
 * The body every node kind shares: icon, label, the caption that says how the text was read, for a Kafka node the
 * topics it hosts, and the live rows of a run. A node the run has down is greyed and marked; one the learner is
 * looking at (a finding, a message) is ringed.
 */
import { Handle, type NodeProps } from '@xyflow/react';
import type { CSSProperties } from 'react';
import { chipRows, liveRows, nodeCaption, nodeMetrics, wrapLabel } from '../../../engine/ui.ts';
import { useApp } from '../../state/store.ts';
import { LiveRow } from '../live/LiveRow.tsx';
import { useHighlighted, useNodeHealth, useSide } from '../live/useLiveNode.ts';
import { renameNode } from '../../workspace/actions.ts';
import type { TopologyFlowNode } from '../flowTypes.ts';
import { kindInk } from './kindColors.ts';
import { KindIcon } from './KindIcon.tsx';
import { NodeLabel } from './NodeLabel.tsx';
import { userStyle } from './userStyle.ts';
import './node.css';

const textMax = nodeMetrics.maxWidth - 2 * nodeMetrics.paddingX - nodeMetrics.icon - nodeMetrics.iconGap - nodeMetrics.borderSlack;

const shapeClass: Partial<Record<string, string>> = {
  round: 'shape-round',
  stadium: 'shape-pill',
  circle: 'shape-pill',
  doublecircle: 'shape-pill',
  subroutine: 'shape-subroutine',
  cylinder: 'shape-cylinder',
  diamond: 'shape-diamond',
  hexagon: 'shape-hexagon',
};

export function TopologyNodeView({ id, data, selected, width, sourcePosition, targetPosition }: NodeProps<TopologyFlowNode>) {
  const { node } = data;
  const renaming = useApp((s) => s.renaming === id);
  const lines = wrapLabel(node.label, textMax);
  const topics = node.kind === 'kafka' ? (node.topics ?? []) : [];
  const rows = topics.length > 0 ? chipRows(topics, (width ?? nodeMetrics.maxWidth) - 2 * nodeMetrics.paddingX) : [];
  const style = { '--accent': kindInk[node.kind], ...userStyle(node.style) } as CSSProperties;
  const health = useNodeHealth(id);
  const highlighted = useHighlighted(id);
  const side = useSide(id);
  const classes = [
    'tnode',
    shapeClass[node.shape ?? ''] ?? '',
    selected ? 'is-selected' : '',
    health === 'down' ? 'is-down' : '',
    highlighted ? 'is-highlighted' : '',
    side ? `side-${side}` : '',
    style.background ? 'has-fill' : '',
  ].join(' ');

  return (
    <>
      <div className={classes} style={style} data-testid={`node-${id}`} data-kind={node.kind} data-health={health}>
        <Handle type="target" id="in" position={targetPosition!} />
        <div className="tnode-head">
          <span className="tnode-icon">
            <KindIcon kind={node.kind} />
          </span>
          <div className="tnode-text">
            <NodeLabel lines={lines} renaming={renaming} initial={node.label} onRename={(label) => void renameNode(id, label)} />
            <div className="tnode-caption" title={`${node.kindReason} (from ${node.kindSource})`} data-testid="caption">
              {nodeCaption(node)}
            </div>
          </div>
        </div>
        {rows.length > 0 && (
          <div className="tnode-topics" data-testid="hosted-topics">
            {rows.flat().map((topic) => (
              <span key={topic} className="tnode-topic" title={`topic ${topic}`}>
                {topic}
              </span>
            ))}
          </div>
        )}
        {liveRows(node.kind) > 0 && (
          <div className="tnode-live">
            <LiveRow node={node} width={width ?? nodeMetrics.minWidth} />
          </div>
        )}
        <Handle type="source" id="out" position={sourcePosition!} />
      </div>
      {health === 'down' && (
        <span className="tnode-badge" data-testid={`down-${id}`}>
          crashed
        </span>
      )}
      {health === 'partly-down' && <span className="tnode-badge is-partly">partly down</span>}
    </>
  );
}

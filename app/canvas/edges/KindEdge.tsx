/**
 * An edge coloured by what it means (publish, subscribe, request …) with a small badge naming it, beside the
 * learner's own label.
 */
import { BaseEdge, EdgeLabelRenderer, getBezierPath, useStoreApi, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import { edgeKindStyles } from '../edgeStyle.ts';
import type { FlowEdge } from '../flowTypes.ts';
import { routePath } from './routePath.ts';
import './edge.css';

export const KindEdge = memo(function KindEdge(props: EdgeProps<FlowEdge>) {
  const { id, data, selected, style, markerStart, markerEnd } = props;
  const flow = useStoreApi();
  if (!data) return null;
  const { edge, route } = data;
  // The layout's route while both ends sit where it put them; a curve between the handles once one is dragged.
  const [path, labelX, labelY] = route ? [routePath(route.points), route.label.x, route.label.y] : getBezierPath(props);
  const look = edgeKindStyles[edge.kind];
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        style={{ ...style, stroke: look.color, ...(selected ? { strokeWidth: Number(style?.strokeWidth ?? 1.75) + 1.25 } : {}) }}
        {...(markerStart ? { markerStart } : {})}
        {...(markerEnd ? { markerEnd } : {})}
        interactionWidth={16}
      />
      {(look.badge || edge.label) && (
        <EdgeLabelRenderer>
          <div
            className={`tedge-label${selected ? ' is-selected' : ''}`}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)`, ['--edge' as string]: look.color }}
            data-testid={`edge-${id}`}
            data-kind={edge.kind}
            // The label lives outside the edge's SVG, so clicking it selects the edge by hand.
            onClick={() => {
              flow.getState().unselectNodesAndEdges();
              flow.getState().addSelectedEdges([id]);
            }}
          >
            {look.badge && <span className="tedge-badge">{look.badge}</span>}
            {edge.label && <span className="tedge-text">{edge.label}</span>}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
});

export const edgeTypes = { kind: KindEdge };

/**
 * An edge coloured by what it means (publish, subscribe, request …) with a small badge naming it, beside the
 * learner's own label. During a run: a severed link is drawn red, dashed and marked cut; an edge between two
 * highlighted nodes is drawn bold; and the edge tells the dot layer where it runs.
 */
import { BaseEdge, EdgeLabelRenderer, getBezierPath, useStoreApi, type EdgeProps } from '@xyflow/react';
import { memo, useLayoutEffect } from 'react';
import { deleteEdgeGeometry, setEdgeGeometry } from '../dots/edgeGeometry.ts';
import { openFaultMenu } from '../faults/faultMenu.ts';
import { useEdgeLive } from '../live/useLiveNode.ts';
import { edgeKindStyles } from '../edgeStyle.ts';
import type { FlowEdge } from '../flowTypes.ts';
import { routePath } from './routePath.ts';
import './edge.css';

export const KindEdge = memo(function KindEdge(props: EdgeProps<FlowEdge>) {
  const { id, data, selected, style, markerStart, markerEnd } = props;
  const flow = useStoreApi();
  const { cut, highlighted } = useEdgeLive(data?.edge.from ?? '', data?.edge.to ?? '');
  const route = data?.route;
  // The layout's route while both ends sit where it put them; a curve between the handles once one is dragged.
  const [path, labelX, labelY] = route ? [routePath(route.points), route.label.x, route.label.y] : getBezierPath(props);
  const look = edgeKindStyles[data?.edge.kind ?? 'link'];
  const hidden = !data || data.edge.stroke === 'invisible';
  useLayoutEffect(() => {
    if (hidden) return;
    setEdgeGeometry(id, path, look.color, data.edge.from, data.edge.to);
    return () => deleteEdgeGeometry(id);
  }, [id, path, look.color, data, hidden]);
  if (!data) return null;
  const { edge } = data;
  const width = Number(style?.strokeWidth ?? 1.75) + (selected ? 1.25 : 0) + (highlighted ? 2 : 0);
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        className={cut ? 'is-cut' : highlighted ? 'is-highlighted' : undefined}
        style={{ ...style, stroke: cut ? 'var(--red)' : look.color, strokeWidth: width, ...(cut ? { strokeDasharray: '2 6' } : {}) }}
        {...(markerStart ? { markerStart } : {})}
        {...(markerEnd ? { markerEnd } : {})}
        interactionWidth={16}
      />
      {cut && (
        <EdgeLabelRenderer>
          <div className="tedge-cut" style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY + 18}px)` }} data-testid={`cut-${id}`}>
            ✂ cut
          </div>
        </EdgeLabelRenderer>
      )}
      {(look.badge || edge.label) && (
        <EdgeLabelRenderer>
          <div
            className={`tedge-label${selected ? ' is-selected' : ''}`}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)`, ['--edge' as string]: look.color }}
            data-testid={`edge-${id}`}
            data-kind={edge.kind}
            {...(edge.role ? { 'data-role': edge.role } : {})}
            // The label lives outside the edge's SVG, so clicking it selects the edge by hand.
            onClick={() => {
              flow.getState().unselectNodesAndEdges();
              flow.getState().addSelectedEdges([id]);
            }}
            onContextMenu={(e) => {
              e.preventDefault();
              const box = e.currentTarget.closest('.canvas')!.getBoundingClientRect();
              openFaultMenu({ kind: 'edge', id, from: edge.from, to: edge.to }, e.clientX - box.left, e.clientY - box.top);
            }}
          >
            {/* A retry or dead-letter topic's edge carries failed records, not the service's events: it says so. */}
            {look.badge && <span className="tedge-badge">{edge.role ?? look.badge}</span>}
            {edge.label && <span className="tedge-text">{edge.label}</span>}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
});

export const edgeTypes = { kind: KindEdge };

/**
 * How each edge kind looks, so a publish, a subscription and a synchronous request differ at a glance.
 */
import type { ArrowHead, EdgeKind, Stroke } from '../../engine/index.ts';

export interface EdgeKindStyle {
  color: string;
  /** The badge drawn on the edge; structure and plain links get none. */
  badge?: string;
  /** Dash pattern when the text draws the edge with a normal stroke. */
  dash?: string;
}

export const edgeKindStyles: Record<EdgeKind, EdgeKindStyle> = {
  publish: { color: '#2563eb', badge: 'publish' },
  subscribe: { color: '#0d9488', badge: 'subscribe', dash: '7 4' },
  request: { color: '#dc2626', badge: 'request' },
  write: { color: '#7c3aed', badge: 'write' },
  read: { color: '#a855f7', badge: 'read', dash: '7 4' },
  route: { color: '#d97706', badge: 'route' },
  relay: { color: '#9333ea', badge: 'relay', dash: '2 4' },
  structure: { color: '#94a3b8' },
  link: { color: '#94a3b8' },
};

/** Stroke width and dash for an edge: the text's stroke (`-.->`, `==>`) wins over the kind's own dash. */
export function strokeStyle(kind: EdgeKind, stroke: Stroke): { strokeWidth: number; strokeDasharray?: string } {
  switch (stroke) {
    case 'thick':
      return { strokeWidth: 3.5 };
    case 'dotted':
      return { strokeWidth: 1.75, strokeDasharray: '3 4' };
    case 'invisible':
      return { strokeWidth: 0 };
    default:
      return edgeKindStyles[kind].dash
        ? { strokeWidth: 1.75, strokeDasharray: edgeKindStyles[kind].dash }
        : { strokeWidth: 1.75 };
  }
}

/** The id of the SVG marker for an arrow head of an edge kind (defined once in EdgeMarkers.tsx). */
export function markerId(head: ArrowHead, kind: EdgeKind): string | undefined {
  return head === 'none' ? undefined : `el-${head}-${kind}`;
}

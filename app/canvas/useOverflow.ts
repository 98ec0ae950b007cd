/**
 * Whether part of the drawing lies outside the view, as after a legible fit of a wide drawing: the canvas then shows
 * the overview map, so the learner sees there is more and where it is.
 */
import { useStore, type ReactFlowState } from '@xyflow/react';

/** Only small drawings are checked node by node; larger ones show the map anyway (framing.ts). */
const CHECK_NODES_MAX = 40;

function overflows(s: ReactFlowState): boolean {
  if (s.nodeLookup.size === 0 || s.nodeLookup.size > CHECK_NODES_MAX || s.width === 0) return false;
  const [tx, ty, zoom] = s.transform;
  for (const n of s.nodeLookup.values()) {
    const { x, y } = n.internals.positionAbsolute;
    const w = n.measured.width ?? 0;
    const h = n.measured.height ?? 0;
    if (x * zoom + tx < -1 || y * zoom + ty < -1 || (x + w) * zoom + tx > s.width + 1 || (y + h) * zoom + ty > s.height + 1) return true;
  }
  return false;
}

export function useDrawingOverflows(): boolean {
  return useStore(overflows);
}

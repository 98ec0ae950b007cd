/**
 * Frames the drawing when a workspace opens (or a first topology appears), and leaves the view alone afterwards so
 * edits never make the canvas jump. Framing keeps labels legible (framing.ts): a drawing too large for the view is
 * shown from its start at the zoom floor, and the rest is a scroll away.
 */
import { getNodesBounds, useReactFlow, useStoreApi } from '@xyflow/react';
import { useCallback, useEffect } from 'react';
import { useApp } from '../state/store.ts';
import { fitInsets, legibleViewport } from './framing.ts';

/** Past this many nodes, framing everything would render everything: show the top-left corner instead. */
const FIT_NODES_MAX = 400;

/** Frames the drawing legibly now (the fit button, and a workspace opening). */
export function useLegibleFit(): () => void {
  const { getNodes, setViewport } = useReactFlow();
  const store = useStoreApi();
  return useCallback(() => {
    const nodes = getNodes();
    if (nodes.length === 0) return;
    if (nodes.length > FIT_NODES_MAX) {
      void setViewport({ x: 40, y: 40, zoom: 0.6 });
      return;
    }
    const { width, height } = store.getState();
    void setViewport(legibleViewport(getNodesBounds(nodes), width, height, fitInsets(nodes.length)));
  }, [getNodes, setViewport, store]);
}

export function useFitOnOpen(nodeCount: number) {
  const fit = useLegibleFit();
  const workspaceId = useApp((s) => s.workspace.id);
  const hasNodes = nodeCount > 0;
  useEffect(() => {
    if (!hasNodes) return;
    const frame = requestAnimationFrame(fit);
    return () => cancelAnimationFrame(frame);
    // Only a new workspace, or the first drawing of one, reframes; node count changes must not.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [workspaceId, hasNodes]);
}

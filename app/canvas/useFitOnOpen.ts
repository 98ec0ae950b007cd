/**
 * Frames the drawing when a workspace opens (or a first topology appears), and leaves the view alone afterwards so
 * edits never make the canvas jump.
 */
import { useReactFlow } from '@xyflow/react';
import { useEffect } from 'react';
import { useApp } from '../state/store.ts';
import { fitOptions } from './framing.ts';

/** Past this many nodes, fitting everything would render everything: show the top-left corner instead. */
const FIT_NODES_MAX = 400;

export function useFitOnOpen(nodeCount: number) {
  const { fitView, setViewport } = useReactFlow();
  const workspaceId = useApp((s) => s.workspace.id);
  const hasNodes = nodeCount > 0;
  useEffect(() => {
    if (!hasNodes) return;
    const frame = requestAnimationFrame(() => {
      if (nodeCount <= FIT_NODES_MAX) void fitView(fitOptions(nodeCount));
      else void setViewport({ x: 40, y: 40, zoom: 0.6 });
    });
    return () => cancelAnimationFrame(frame);
    // Only a new workspace, or the first drawing of one, reframes; node count changes must not.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [workspaceId, hasNodes]);
}

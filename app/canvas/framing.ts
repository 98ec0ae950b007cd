/**
 * How the canvas frames a drawing. A small drawing fits the view whole and needs no overview map; a large one gets
 * the minimap in the bottom-right corner, and fitting it leaves that corner's width free so no node hides under the
 * map.
 */
import type { FitViewOptions } from '@xyflow/react';

/** The minimap shows from this many nodes (below, the whole drawing is in view anyway) up to a thousand. */
const MINIMAP_NODES_MIN = 20;
const MINIMAP_NODES_MAX = 1000;

export const MINIMAP_SIZE = { width: 168, height: 112 };

export const showsMinimap = (nodes: number): boolean => nodes >= MINIMAP_NODES_MIN && nodes <= MINIMAP_NODES_MAX;

const FIT_SMALL: FitViewOptions = { padding: 0.12, maxZoom: 1.1 };
const FIT_WITH_MAP: FitViewOptions = {
  padding: { top: '24px', bottom: '24px', left: '56px', right: `${MINIMAP_SIZE.width + 32}px` },
  maxZoom: 1.1,
};

/** Fit options for a drawing of `nodes` nodes (the same object each time, so passing it as a prop costs nothing). */
export const fitOptions = (nodes: number): FitViewOptions => (showsMinimap(nodes) ? FIT_WITH_MAP : FIT_SMALL);

/**
 * What the layout tells the canvas: where every node and subgraph box sits, in flow coordinates.
 */
import type { Direction } from '../topology/types.ts';

/** A point in flow coordinates (y grows downwards). */
export interface XY {
  x: number;
  y: number;
}

/** An axis-aligned box; `x`, `y` is its top-left corner. */
export interface Box extends XY {
  width: number;
  height: number;
}

export interface Layout {
  /** The direction ranks run in (`TD` is reported as `TB`). */
  direction: Exclude<Direction, 'TD'>;
  /** Every node of the topology, by node id. */
  nodes: Record<string, Box>;
  /** Every subgraph, by group id: the box around its members with room for the title. */
  groups: Record<string, Box>;
  /** dagre's route for each edge it placed between two unpinned nodes: border to border, and the label's centre. */
  edges: Record<string, EdgeRoute>;
  /** The box around everything. */
  bounds: Box;
  /** How the layout was made: `dagre` in full, `dagre-fast` (cheaper ranking and ordering) for large graphs. */
  quality: 'dagre' | 'dagre-fast';
}

export interface EdgeRoute {
  points: XY[];
  label: XY;
}

/** Positions the learner dragged nodes to, by node id (top-left corners). A layout never moves them. */
export type Pinned = Record<string, XY>;

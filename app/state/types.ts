/**
 * Shapes shared by the store's slices.
 */
import type { Diagnostic, Layout, LoadResult, Pinned, Topology } from '../../engine/index.ts';

/** What one undo step restores: the text (the source of truth) and where the learner dragged nodes. */
export interface Snapshot {
  text: string;
  positions: Pinned;
}

/** The last text that parsed without errors, and how it was laid out. */
export interface GoodTopology {
  text: string;
  topology: Topology;
  layout: Layout;
}

/** Parse status of the current text: `pending` while the worker has not answered for it yet. */
export type ParseStatus = 'pending' | 'ok' | 'error';

export interface WorkspaceMeta {
  id: string;
  name: string;
  updatedAt: number;
}

export type { Diagnostic, LoadResult };

/**
 * Shapes shared by the store's slices.
 */
import type { Layout, Pinned } from '../../engine/index.ts';
import type { Diagnostic, ParseResult, Topology } from '../../engine/index.ts';

/** What one undo step restores: the text (the source of truth) and where the learner dragged nodes. */
export interface Snapshot {
  text: string;
  positions: Pinned;
}

/** The worker's answer to one `load`: the parse, and a layout when the parse had no errors. */
export interface LoadResult {
  parse: ParseResult;
  layout: Layout | null;
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

export type { Diagnostic };

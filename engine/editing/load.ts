/**
 * What the editor asks of the engine each time the text changes: parse it, and lay it out when it parsed cleanly.
 */
import { parseTopology } from '../topology/parse.ts';
import { layoutTopology } from '../layout/layout.ts';
import type { Layout, Pinned } from '../layout/types.ts';
import type { ParseResult } from '../topology/types.ts';

export interface LoadResult {
  parse: ParseResult;
  /** Null when the text has errors: the caller keeps its last good layout. */
  layout: Layout | null;
}

/** Parses `text` and lays it out, keeping `pinned` nodes where they are. */
export function loadText(text: string, pinned: Pinned = {}): LoadResult {
  const parse = parseTopology(text);
  return { parse, layout: parse.ok ? layoutTopology(parse.topology, pinned) : null };
}

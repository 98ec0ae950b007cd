/**
 * Several canvas edits as one text change (deleting a selection, for instance).
 */
import { patchTopology } from '../topology/patch/patch.ts';
import type { CanvasEdit, PatchResult } from '../topology/types.ts';
import { diffChange } from './diff.ts';

/**
 * Applies `edits` in order, each to the text the previous one produced. The first failure stops the run and is
 * returned with the original text. Edge deletions should come last-first so earlier generated ids stay valid.
 */
export function patchAll(text: string, edits: readonly CanvasEdit[]): PatchResult {
  let current = text;
  let createdId: string | undefined;
  for (const edit of edits) {
    const r = patchTopology(current, edit);
    if (r.error) return { changes: [], text, error: r.error };
    current = r.text;
    createdId = r.createdId ?? createdId;
  }
  if (current === text) return { changes: [], text };
  return { changes: [diffChange(text, current)], text: current, ...(createdId ? { createdId } : {}) };
}

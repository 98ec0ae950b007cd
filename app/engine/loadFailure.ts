/**
 * The answer to a load the engine could not give: an error at the top of the text, so the canvas stops "reading…",
 * keeps the last good drawing, and the error banner says what happened and what to do.
 */
import type { LoadResult, Topology } from '../../engine/index.ts';

export function failedLoad(message: string): LoadResult {
  const topology: Topology = { direction: 'TD', nodes: [], edges: [], groups: [], directives: [], classDefs: {} };
  const at = { line: 1, column: 1, endLine: 1, endColumn: 1, from: 0, to: 0 };
  return { parse: { ok: false, topology, diagnostics: [{ ...at, message, severity: 'error' }] }, layout: null };
}

export const gaveUpMessage = (seconds: number) =>
  `EventLab stopped reading this text after ${seconds} s: laying it out takes too long (subgraphs nested very deeply, or thousands of nodes). The drawing shows the last text that worked: undo the last change, or flatten or split the text.`;

export const diedTwiceMessage = (reason: string) =>
  `EventLab's engine stopped twice while reading this text (${reason}). Your text is kept: undo the last change, or reload the page if it happens again.`;

export const couldNotReadMessage = (error: unknown) =>
  `EventLab could not read this text (${String(error)}). The drawing shows the last text that worked: undo the last change, or simplify the text.`;

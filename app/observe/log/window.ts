/**
 * Which rows of a fixed-height list to render: those in view, plus a few either side so a scroll never shows a gap.
 */

/** Rows [from, to) of `count` rows `rowPx` tall to draw for a viewport `heightPx` tall scrolled to `topPx`. */
export function visibleRows(count: number, topPx: number, heightPx: number, rowPx: number, overscan = 6): { from: number; to: number } {
  const from = Math.max(0, Math.floor(topPx / rowPx) - overscan);
  const to = Math.min(count, Math.ceil((topPx + heightPx) / rowPx) + overscan);
  return { from, to: Math.max(from, to) };
}

/**
 * Which rows of a virtual list to render: those in view, plus a few either side so a scroll never shows a gap. Rows
 * may differ in height (a long line wraps): `offsets` holds each row's top, and one more entry, the list's height.
 */

/** Tops of rows of the given heights, and the total height last: [0, h0, h0 + h1, ...]. */
export function rowOffsets(heights: ArrayLike<number>): Float64Array {
  const out = new Float64Array(heights.length + 1);
  for (let i = 0; i < heights.length; i++) out[i + 1] = out[i]! + heights[i]!;
  return out;
}

/** The last row whose top is at or above `y` (0 when none). */
function rowAt(offsets: Float64Array, y: number): number {
  let lo = 0;
  let hi = offsets.length - 2;
  if (hi < 0) return 0;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (offsets[mid]! <= y) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Rows [from, to) to draw for a viewport `heightPx` tall scrolled to `topPx`. */
export function visibleRange(offsets: Float64Array, topPx: number, heightPx: number, overscan = 6): { from: number; to: number } {
  const count = offsets.length - 1;
  if (count <= 0) return { from: 0, to: 0 };
  const from = Math.max(0, rowAt(offsets, topPx) - overscan);
  const to = Math.min(count, rowAt(offsets, topPx + heightPx) + 1 + overscan);
  return { from, to: Math.max(from, to) };
}

/** The same for rows all `rowPx` tall. */
export function visibleRows(count: number, topPx: number, heightPx: number, rowPx: number, overscan = 6): { from: number; to: number } {
  const from = Math.max(0, Math.floor(topPx / rowPx) - overscan);
  const to = Math.min(count, Math.ceil((topPx + heightPx) / rowPx) + overscan);
  return { from, to: Math.max(from, to) };
}

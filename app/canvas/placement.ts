/**
 * Where a component added by a click goes: as near the middle of the view as it can be without covering another
 * node or a subgraph's box. Clicking the palette five times used to stack five nodes on one another.
 */
import type { Box, XY } from '../../engine/index.ts';

/** Space kept between a new node and its neighbours. */
export const PLACE_GAP = 24;
/** How many rings of spots around the middle are tried before giving up and going below everything. */
const RINGS_MAX = 12;

const overlaps = (a: Box, b: Box, margin: number) =>
  a.x < b.x + b.width + margin && b.x < a.x + a.width + margin && a.y < b.y + b.height + margin && b.y < a.y + a.height + margin;

/**
 * The top-left corner of a free spot of `size` nearest to `center`, on a grid of node-sized cells around it.
 * @example freeSpot({ x: 0, y: 0 }, { width: 100, height: 50 }, []) // { x: -50, y: -25 }
 */
export function freeSpot(center: XY, size: { width: number; height: number }, taken: readonly Box[], gap = PLACE_GAP): XY {
  const origin = { x: Math.round(center.x - size.width / 2), y: Math.round(center.y - size.height / 2) };
  const stepX = size.width + gap;
  const stepY = size.height + gap;
  const spots: { at: XY; distance: number }[] = [];
  for (let i = -RINGS_MAX; i <= RINGS_MAX; i++) {
    for (let j = -RINGS_MAX; j <= RINGS_MAX; j++) {
      const at = { x: origin.x + i * stepX, y: origin.y + j * stepY };
      spots.push({ at, distance: Math.hypot(i * stepX, j * stepY) });
    }
  }
  spots.sort((a, b) => a.distance - b.distance);
  for (const { at } of spots) {
    if (!taken.some((b) => overlaps({ ...at, ...size }, b, gap / 2))) return at;
  }
  const bottom = Math.max(...taken.map((b) => b.y + b.height));
  return { x: origin.x, y: Math.round(bottom + gap) };
}

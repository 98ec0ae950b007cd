/**
 * A smooth SVG path through a layout route: a clamped uniform cubic B-spline with the route's points as control
 * points, so the curve starts and ends exactly on the node borders and bends gently through label spots.
 */
import type { XY } from '../../../engine/index.ts';

const fmt = (p: XY) => `${Math.round(p.x * 10) / 10},${Math.round(p.y * 10) / 10}`;

/** The `d` of a path along `points`, e.g. `routePath([{x:0,y:0},{x:0,y:50}])` is `M0,0 L0,50`. */
export function routePath(points: readonly XY[]): string {
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last) return '';
  if (points.length === 2) return `M${fmt(first)} L${fmt(last)}`;
  // Tripled ends clamp the spline to the first and last points.
  const q = [first, first, ...points, last, last];
  const parts = [`M${fmt(first)}`];
  for (let j = 0; j + 3 < q.length; j++) {
    const b = q[j + 1]!;
    const c = q[j + 2]!;
    const d = q[j + 3]!;
    // Span j of the spline as a cubic Bézier: controls at a third and two thirds of b→c, ending at the knot.
    const c1 = { x: (2 * b.x + c.x) / 3, y: (2 * b.y + c.y) / 3 };
    const c2 = { x: (b.x + 2 * c.x) / 3, y: (b.y + 2 * c.y) / 3 };
    const end = { x: (b.x + 4 * c.x + d.x) / 6, y: (b.y + 4 * c.y + d.y) / 6 };
    parts.push(`C${fmt(c1)} ${fmt(c2)} ${fmt(end)}`);
  }
  return parts.join(' ');
}

/**
 * Edge paths as polylines the dot layer can walk: the `d` strings our edges draw (absolute M, L and C commands, as
 * routePath and React Flow's getBezierPath write them) sampled into points with their running lengths.
 */

export interface Polyline {
  xs: Float64Array;
  ys: Float64Array;
  /** Distance along the path at each point; the last is the total length. */
  along: Float64Array;
  length: number;
  /** Bounding box, for skipping edges off screen. */
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** Points taken along each cubic segment. */
const CUBIC_STEPS = 12;

/** Samples a path's `d`; e.g. `samplePath('M0,0 L30,40').length` is 50. Unknown commands end the path. */
export function samplePath(d: string): Polyline {
  const tokens = d.match(/[MLC]|-?\d*\.?\d+(?:e-?\d+)?/gi) ?? [];
  const xs: number[] = [];
  const ys: number[] = [];
  let i = 0;
  const num = () => Number(tokens[i++]);
  let cmd = '';
  while (i < tokens.length) {
    if (/^[MLC]$/i.test(tokens[i]!)) cmd = tokens[i++]!.toUpperCase();
    if (cmd === 'M' || cmd === 'L') {
      xs.push(num());
      ys.push(num());
    } else if (cmd === 'C' && xs.length > 0) {
      const x0 = xs[xs.length - 1]!;
      const y0 = ys[ys.length - 1]!;
      const [x1, y1, x2, y2, x3, y3] = [num(), num(), num(), num(), num(), num()];
      for (let k = 1; k <= CUBIC_STEPS; k++) {
        const t = k / CUBIC_STEPS;
        const u = 1 - t;
        xs.push(u * u * u * x0 + 3 * u * u * t * x1 + 3 * u * t * t * x2 + t * t * t * x3);
        ys.push(u * u * u * y0 + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t * t * t * y3);
      }
    } else break;
  }
  return polyline(xs, ys);
}

function polyline(xs: number[], ys: number[]): Polyline {
  const along = new Float64Array(xs.length);
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (let k = 0; k < xs.length; k++) {
    if (k > 0) along[k] = along[k - 1]! + Math.hypot(xs[k]! - xs[k - 1]!, ys[k]! - ys[k - 1]!);
    minX = Math.min(minX, xs[k]!);
    maxX = Math.max(maxX, xs[k]!);
    minY = Math.min(minY, ys[k]!);
    maxY = Math.max(maxY, ys[k]!);
  }
  return { xs: Float64Array.from(xs), ys: Float64Array.from(ys), along, length: along[along.length - 1] ?? 0, minX, minY, maxX, maxY };
}

/** The point at fraction `f` (0..1) of the way along `p`, written into `out`. */
export function pointAt(p: Polyline, f: number, out: { x: number; y: number }): void {
  const n = p.xs.length;
  if (n === 0) return;
  const target = Math.min(1, Math.max(0, f)) * p.length;
  let lo = 0;
  let hi = n - 1;
  while (lo < hi - 1) {
    const mid = (lo + hi) >> 1;
    if (p.along[mid]! <= target) lo = mid;
    else hi = mid;
  }
  const span = p.along[hi]! - p.along[lo]!;
  const t = span > 0 ? (target - p.along[lo]!) / span : 0;
  out.x = p.xs[lo]! + (p.xs[hi]! - p.xs[lo]!) * t;
  out.y = p.ys[lo]! + (p.ys[hi]! - p.ys[lo]!) * t;
}

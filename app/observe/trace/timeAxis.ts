/**
 * The spacetime diagram's time axis. Real time would crush a 2 ms produce next to seconds of consumer lag into one
 * pixel, so each gap between two moments gets width growing with its logarithm, and gaps longer than a second are cut
 * to a fixed width and marked as a break with their length. Within a stretch between breaks, order is exact and
 * longer is always wider.
 */

export interface TimeAxis {
  /** Pixel position of a simulated time (µs); between stops, linear. */
  x(t: number): number;
  width: number;
  breaks: { x: number; dt: number }[];
  ticks: { x: number; label: string }[];
}

export interface AxisOptions {
  /** Width added per tenfold longer gap. */
  pxPerDecade?: number;
  /** The narrowest gap between two distinct moments. */
  minGapPx?: number;
  /** Gaps at least this long (µs) become breaks. */
  breakUs?: number;
  breakPx?: number;
  /** Stretch to at least this width. */
  fitWidth?: number;
  /** Space between tick labels. */
  tickPx?: number;
}

const TAU_US = 100;

/** Relative time for a tick label: `+850 µs`, `+12 ms`, `+1.2 s`. */
function plus(dt: number): string {
  if (dt < 1000) return `+${Math.round(dt)} µs`;
  if (dt < 1_000_000) return `+${+(dt / 1000).toPrecision(2)} ms`;
  return `+${+(dt / 1e6).toPrecision(2)} s`;
}

/** Builds the axis over the sorted, distinct stops `times`. */
export function buildTimeAxis(times: readonly number[], o: AxisOptions = {}): TimeAxis {
  const perDecade = o.pxPerDecade ?? 22;
  const minGap = o.minGapPx ?? 4;
  const breakUs = o.breakUs ?? 1_000_000;
  const breakPx = o.breakPx ?? 34;
  const tickPx = o.tickPx ?? 90;
  const xs: number[] = [0];
  const isBreak: boolean[] = [false];
  for (let i = 1; i < times.length; i++) {
    const dt = times[i]! - times[i - 1]!;
    const brk = dt >= breakUs;
    const gap = brk ? breakPx : Math.max(minGap, (perDecade * Math.log1p(dt / TAU_US)) / Math.LN10);
    xs.push(xs[i - 1]! + gap);
    isBreak.push(brk);
  }
  const natural = xs[xs.length - 1] ?? 0;
  const scale = o.fitWidth && natural > 0 && natural < o.fitWidth ? o.fitWidth / natural : 1;
  for (let i = 0; i < xs.length; i++) xs[i] = xs[i]! * scale;

  const x = (t: number): number => {
    if (times.length === 0) return 0;
    if (t <= times[0]!) return xs[0]!;
    if (t >= times[times.length - 1]!) return xs[xs.length - 1]!;
    let lo = 0, hi = times.length - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (times[mid]! <= t) lo = mid;
      else hi = mid;
    }
    const f = (t - times[lo]!) / (times[hi]! - times[lo]!);
    return xs[lo]! + f * (xs[hi]! - xs[lo]!);
  };

  const breaks: TimeAxis['breaks'] = [];
  const ticks: TimeAxis['ticks'] = [];
  let stretchStart = 0;
  let lastTick = -Infinity;
  let lastEnd = -Infinity;
  for (let i = 0; i < times.length; i++) {
    if (isBreak[i]) {
      breaks.push({ x: (xs[i - 1]! + xs[i]!) / 2, dt: times[i]! - times[i - 1]! });
      stretchStart = i;
    }
    const startsStretch = i === stretchStart;
    const label = startsStretch ? `${(times[i]! / 1e6).toFixed(3)} s` : plus(times[i]! - times[stretchStart]!);
    // A label never overlaps the one before it (about 6 px a character at the ruler's size).
    if ((startsStretch || xs[i]! - lastTick >= tickPx) && xs[i]! >= lastEnd + 8) {
      ticks.push({ x: xs[i]!, label });
      lastTick = xs[i]!;
      lastEnd = xs[i]! + label.length * 6;
    }
  }
  return { x, width: xs[xs.length - 1] ?? 0, breaks, ticks };
}

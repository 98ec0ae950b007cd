/**
 * Numbers and simulated times as the panels print them: short, aligned, never more digits than can be read.
 */

/** Simulated time in seconds with millisecond precision: `formatTime(12_345_678)` is `12.346 s`. */
export function formatTime(us: number): string {
  return `${(us / 1e6).toFixed(3)} s`;
}

/** A duration at the precision it deserves: `850 µs`, `12.4 ms`, `3.20 s`, `1 min`, `2 min 5 s`. */
export function formatDuration(us: number): string {
  const a = Math.abs(us);
  if (a < 1000) return `${Math.round(us)} µs`;
  if (a < 100_000) return `${(us / 1000).toFixed(1)} ms`;
  if (a < 1_000_000) return `${Math.round(us / 1000)} ms`;
  if (a < 60_000_000) return `${(us / 1e6).toFixed(2)} s`;
  const s = Math.round(us / 1e6);
  return `${Math.floor(s / 60)} min${s % 60 ? ` ${s % 60} s` : ''}`;
}

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** A count with thousands separators: `formatCount(18012)` is `18,012`. */
export function formatCount(n: number): string {
  return grouped.format(n);
}

/** Milliseconds with three significant digits: `0.912 ms`, `13.1 ms`, `5,112 ms`. */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  if (ms >= 1000) return `${grouped.format(ms)} ms`;
  return `${ms.toPrecision(3)} ms`;
}

/** A share as a percentage, with a decimal only where it matters: `100%`, `99.6%`, `45.5%`; `–` for 0 of 0. */
export function formatPercent(part: number, whole: number): string {
  if (whole === 0) return '–';
  const p = (100 * part) / whole;
  return p === 100 || p === 0 ? `${p}%` : `${p.toFixed(1)}%`;
}

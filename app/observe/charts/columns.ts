/**
 * The chart series as columns, kept in step with the live store's per-second samples by appending: a frame adds a
 * sample or two, so the charts never rebuild their data, except after a seek replaced the series.
 */
import type { Sample } from '../../../engine/index.ts';

export interface Columns {
  /** Simulated seconds. */
  t: number[];
  produced: number[];
  processed: number[];
  lag: number[];
  /** Latency percentiles in ms; null for a second in which nothing was processed (a gap, not a zero). */
  p50: (number | null)[];
  p95: (number | null)[];
  p99: (number | null)[];
  /** Share of the second's checkouts that succeeded, in percent; null when there were none. */
  success: (number | null)[];
  checkoutsOk: number[];
  checkoutsFailed: number[];
  /** Per entry point (in the frame's order), the share of the second's checkouts that succeeded, as `success`. */
  entrySuccess: (number | null)[][];
  /** The samples these columns were built from: the last one, to tell an extension from a replacement. */
  last: Sample | null;
}

export function createColumns(): Columns {
  return { t: [], produced: [], processed: [], lag: [], p50: [], p95: [], p99: [], success: [], checkoutsOk: [], checkoutsFailed: [], entrySuccess: [], last: null };
}

function clear(c: Columns): void {
  for (const k of ['t', 'produced', 'processed', 'lag', 'p50', 'p95', 'p99', 'success', 'checkoutsOk', 'checkoutsFailed'] as const) c[k].length = 0;
  c.entrySuccess = [];
  c.last = null;
}

function push(c: Columns, s: Sample): void {
  const latency = s.processed > 0 && s.p50 > 0;
  c.t.push(s.t / 1e6);
  c.produced.push(s.produced);
  c.processed.push(s.processed);
  c.lag.push(s.lag);
  c.p50.push(latency ? s.p50 : null);
  c.p95.push(latency ? s.p95 : null);
  c.p99.push(latency ? s.p99 : null);
  const share = (ok: number, failed: number) => (ok + failed > 0 ? (100 * ok) / (ok + failed) : null);
  c.success.push(share(s.checkoutsOk, s.checkoutsFailed));
  s.entries.forEach((e, i) => (c.entrySuccess[i] ??= c.t.slice(0, -1).map(() => null)).push(share(e.ok, e.failed)));
  c.checkoutsOk.push(s.checkoutsOk);
  c.checkoutsFailed.push(s.checkoutsFailed);
  c.last = s;
}

/**
 * Brings `c` in step with `series`. Returns 'same', 'appended' or 'rebuilt'.
 * @example if (syncColumns(cols, liveStore.getState().series) !== 'same') chart.setData(...)
 */
export function syncColumns(c: Columns, series: readonly Sample[]): 'same' | 'appended' | 'rebuilt' {
  const n = c.t.length;
  // The store extends the series by concatenation, so the samples already shown keep their identity.
  const extends_ = n > 0 && series.length >= n && series[n - 1] === c.last;
  if (extends_ || n === 0) {
    if (series.length === n) return 'same';
    for (let i = n; i < series.length; i++) push(c, series[i]!);
    return n === 0 ? 'rebuilt' : 'appended';
  }
  clear(c);
  for (const s of series) push(c, s);
  return 'rebuilt';
}

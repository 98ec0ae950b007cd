/**
 * Once a simulated second, a sample for the charts: what was produced and processed in that second, total lag, the
 * end-to-end latency percentiles of records processed in that second (read from the difference of bucket counts, so
 * nothing extra is done per record), and checkouts, in all and per entry point.
 */
import { APPLICATION } from '../components.ts';
import { after, eventKinds, on } from '../sim/loop.ts';

const ME = eventKinds(['metricsSample']); // a=0: a per-second sample for the charts
import { SECOND } from '../sim/time.ts';
import type { World } from '../world.ts';
import { addCounts, fromCounts, quantile } from './histogram.ts';
import { groupLags } from './report.ts';

export function startSampler(w: World): void {
  after(w, SECOND, ME.metricsSample, 0, 0);
}

on<World>(ME.metricsSample, 'metrics sample', (w) => {
  after(w, SECOND, ME.metricsSample, 0, 0);
  const m = w.metrics;
  const counts = new Float64Array(m.lastLatency.length);
  for (const h of m.groupLatency) addCounts(h, counts);
  const inSecond = new Float64Array(counts.length);
  for (let b = 0; b < counts.length; b++) inSecond[b] = counts[b]! - m.lastLatency[b]!;
  const window = fromCounts(inSecond);
  window.min = 0;
  window.max = Infinity;
  m.lastLatency = counts;
  const lag = groupLags(w).reduce((s, g) => s + g.lag, 0);
  const entries = APPLICATION.entries(w);
  m.series.push({
    t: w.now,
    produced: m.produced - m.last.produced,
    processed: m.processed - m.last.processed,
    lag,
    p50: quantile(window, 0.5) / 1000,
    p95: quantile(window, 0.95) / 1000,
    p99: quantile(window, 0.99) / 1000,
    checkoutsOk: m.checkoutsOk - m.last.ok,
    checkoutsFailed: m.checkoutsFailed - m.last.failed,
    entries: entries.map((e, i) => ({ ok: e.ok - (m.last.entries[i]?.ok ?? 0), failed: e.failed - (m.last.entries[i]?.failed ?? 0) })),
  });
  if (m.series.length > m.seriesLimit) m.series.splice(0, m.series.length - m.seriesLimit);
  m.last = { produced: m.produced, processed: m.processed, ok: m.checkoutsOk, failed: m.checkoutsFailed, entries: entries.map(({ ok, failed }) => ({ ok, failed })) };
});

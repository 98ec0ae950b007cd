/**
 * The two variants' throughput and p99 latency over simulated time, overlaid (A blue, B orange), with the faults both
 * ran under marked.
 */
import { useCallback, useEffect, useRef } from 'react';
import type uPlot from 'uplot';
import type { Sample } from '../../../engine/index.ts';
import { ChartCard } from '../charts/ChartCard.tsx';
import { compact } from '../charts/metricCharts.ts';
import type { ChartSpec, TimeChart } from '../charts/timeChart.ts';
import { faultLabel, faultSeconds } from '../faultLabel.ts';
import type { VariantResult } from './compareRows.ts';

export const VARIANT_COLORS = { a: 'var(--accent)', b: 'var(--orange)' } as const;

const CHARTS: { id: string; title: string; hint: string; spec: Omit<ChartSpec, 'legendIn'>; pick: (s: Sample) => number | null }[] = [
  {
    id: 'ab-throughput',
    title: 'Processed',
    hint: 'messages processed per simulated second',
    spec: { syncKey: 'compare', unit: (v) => `${compact(v)}/s`, series: [{ label: 'A', color: VARIANT_COLORS.a }, { label: 'B', color: VARIANT_COLORS.b, dash: [5, 3] }] },
    pick: (s) => s.processed,
  },
  {
    id: 'ab-latency',
    title: 'Latency p99',
    hint: 'end-to-end latency, 99th percentile of each second (log scale)',
    spec: {
      syncKey: 'compare',
      log: true,
      unit: (v) => (v >= 1000 ? `${+(v / 1000).toFixed(1)} s` : `${+v.toPrecision(2)} ms`),
      series: [{ label: 'A', color: VARIANT_COLORS.a }, { label: 'B', color: VARIANT_COLORS.b, dash: [5, 3] }],
    },
    pick: (s) => (s.processed > 0 && s.p99 > 0 ? s.p99 : null),
  },
];

/** Both variants' values on one time grid (they ran the same seconds, but either may have failed to start). */
function aligned(a: Sample[], b: Sample[], pick: (s: Sample) => number | null): uPlot.AlignedData {
  const times = [...new Set([...a, ...b].map((s) => s.t))].sort((x, y) => x - y);
  const at = (xs: Sample[]) => {
    const m = new Map(xs.map((s) => [s.t, pick(s)]));
    return times.map((t) => m.get(t) ?? null);
  };
  return [times.map((t) => t / 1e6), at(a), at(b)];
}

export function CompareCharts({ a, b, faults }: { a: VariantResult; b: VariantResult; faults: string[] }) {
  const charts = useRef(new Map<string, TimeChart>());
  const draw = useCallback(
    (id: string) => {
      const chart = charts.current.get(id);
      const def = CHARTS.find((c) => c.id === id);
      if (!chart || !def) return;
      chart.setData(aligned(a.samples, b.samples, def.pick));
      chart.setFaults(faults.flatMap((f) => {
        const at = faultSeconds(f);
        return at === null ? [] : [{ atS: at, label: faultLabel(f) }];
      }));
    },
    [a, b, faults],
  );
  useEffect(() => {
    for (const id of charts.current.keys()) draw(id);
  }, [draw]);
  const onChart = useCallback(
    (id: string, chart: TimeChart | null) => {
      if (chart) {
        charts.current.set(id, chart);
        draw(id);
      } else charts.current.delete(id);
    },
    [draw],
  );
  return (
    <div className="compare-charts">
      {CHARTS.map((c) => (
        <ChartCard key={c.id} id={c.id} title={c.title} hint={c.hint} spec={c.spec} testid={`chart-${c.id}`} onChart={onChart} />
      ))}
    </div>
  );
}

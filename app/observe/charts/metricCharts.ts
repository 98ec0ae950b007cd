/**
 * The charts of the metrics panel: what each plots from the columns, in which colours and units. Throughput, lag and
 * latency are fixed; checkout success has a line per entry point of the run.
 */
import type uPlot from 'uplot';
import type { Columns } from './columns.ts';
import type { ChartSpec } from './timeChart.ts';

export interface MetricChart {
  id: string;
  title: string;
  /** One line under the title: what is plotted, in the learner's terms. */
  hint: string;
  spec: Omit<ChartSpec, 'legendIn'>;
  data: (c: Columns) => uPlot.AlignedData;
}

/** `1234` is `1.2k`, `0.5` is `0.5`. */
export function compact(v: number): string {
  const a = Math.abs(v);
  if (a >= 1e6) return `${+(v / 1e6).toFixed(1)}M`;
  if (a >= 1e3) return `${+(v / 1e3).toFixed(1)}k`;
  return `${+v.toFixed(a < 10 ? 1 : 0)}`;
}

const ms = (v: number) => (v >= 1000 ? `${+(v / 1000).toFixed(1)} s` : `${+v.toPrecision(2)} ms`);

export const METRIC_CHARTS: MetricChart[] = [
  {
    id: 'throughput',
    title: 'Throughput',
    hint: 'messages produced and processed per simulated second',
    spec: {
      syncKey: 'metrics',
      unit: (v) => `${compact(v)}/s`,
      series: [
        { label: 'produced', color: 'var(--accent)' },
        { label: 'processed', color: 'var(--emerald)' },
      ],
    },
    data: (c) => [c.t, c.produced, c.processed],
  },
  {
    id: 'lag',
    title: 'Consumer lag',
    hint: 'records behind the high watermark, all groups',
    spec: { syncKey: 'metrics', unit: compact, series: [{ label: 'lag', color: 'var(--amber)', width: 2 }] },
    data: (c) => [c.t, c.lag],
  },
  {
    id: 'latency',
    title: 'End-to-end latency',
    hint: 'produced → processed, percentiles of each second (log scale)',
    spec: {
      syncKey: 'metrics',
      log: true,
      unit: ms,
      series: [
        { label: 'p50', color: 'var(--sky-mid)' },
        { label: 'p95', color: 'var(--indigo)' },
        { label: 'p99', color: 'var(--pink)', width: 2 },
      ],
    },
    data: (c) => [c.t, c.p50, c.p95, c.p99],
  },
];

/** Line colours for entry points, in turn. */
const ENTRY_COLORS = ['var(--emerald)', 'var(--accent)', 'var(--amber)', 'var(--pink)', 'var(--violet)', 'var(--teal)'];

/**
 * Checkout success: one line for the run, or one per entry point when there are several (`entries` names them in
 * the frame's order), since a blended line hides a failing entry behind a healthy one.
 */
export function checkoutChart(entries: readonly string[]): MetricChart {
  const perEntry = entries.length > 1;
  const percent = (v: number) => `${Math.round(v)}%`;
  return {
    id: 'checkouts',
    title: 'Checkout success',
    hint: perEntry ? 'share of each second’s checkouts answered OK, per entry point' : 'share of each second’s checkouts answered OK',
    spec: {
      syncKey: 'metrics',
      range: [0, 105],
      unit: percent,
      series: perEntry ? entries.map((label, i) => ({ label, color: ENTRY_COLORS[i % ENTRY_COLORS.length]!, width: 2 })) : [{ label: 'success', color: 'var(--emerald)', width: 2 }],
    },
    data: (c) => (perEntry ? [c.t, ...entries.map((_, i) => c.entrySuccess[i] ?? c.t.map(() => null))] : [c.t, c.success]),
  };
}

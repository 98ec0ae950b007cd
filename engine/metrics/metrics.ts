/**
 * Counters and histograms the simulation keeps as it runs, cheap enough to stay on in benchmarks: integer
 * increments and O(1) histogram records, no per-message objects.
 */
import { createHistogram, type Histogram } from './histogram.ts';

export interface Metrics {
  produced: number;
  acknowledged: number;
  sendFailed: number;
  appended: number;
  delivered: number;
  processed: number;
  processFailed: number;
  deadLettered: number;
  committed: number;
  /** Per group: produce-to-processed latency (report.ts merges them for the overall figure). */
  groupLatency: Histogram[];
  /** Produce-to-acknowledged latency. */
  ackLatency: Histogram;
  checkoutLatency: Histogram;
  checkoutsOk: number;
  checkoutsFailed: number;
  /** Messages carried per topology edge id. */
  edges: Map<string, number>;
  /** Per-second samples for charts, bounded. */
  series: Sample[];
  seriesLimit: number;
  /** Counters at the last sample, to turn totals into rates. */
  last: { produced: number; processed: number; ok: number; failed: number };
}

export interface Sample {
  t: number;
  produced: number;
  processed: number;
  lag: number;
  p50: number;
  p95: number;
  p99: number;
  checkoutsOk: number;
  checkoutsFailed: number;
}

export function createMetrics(groups: number): Metrics {
  return {
    produced: 0,
    acknowledged: 0,
    sendFailed: 0,
    appended: 0,
    delivered: 0,
    processed: 0,
    processFailed: 0,
    deadLettered: 0,
    committed: 0,
    groupLatency: Array.from({ length: groups }, createHistogram),
    ackLatency: createHistogram(),
    checkoutLatency: createHistogram(),
    checkoutsOk: 0,
    checkoutsFailed: 0,
    edges: new Map(),
    series: [],
    seriesLimit: 3600,
    last: { produced: 0, processed: 0, ok: 0, failed: 0 },
  };
}

export function countEdge(m: Metrics, edge: string, n: number): void {
  if (edge) m.edges.set(edge, (m.edges.get(edge) ?? 0) + n);
}

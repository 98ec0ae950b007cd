/**
 * Counters and histograms the simulation keeps as it runs, cheap enough to stay on in benchmarks: integer
 * increments and O(1) histogram records, no per-message objects.
 */
import { BUCKETS, createHistogram, type Histogram } from './histogram.ts';

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
  /** Produce-to-acknowledged latency of records other than events of publish-only services... */
  ackLatency: Histogram;
  /** ...and of those events, which are their requests' latency too (report.ts merges as needed). */
  sourceAckLatency: Histogram;
  /** Latency of checkouts answered to clients. */
  checkoutLatency: Histogram;
  checkoutsOk: number;
  checkoutsFailed: number;
  /** Events a publish-only instance originated that ended acknowledged or failed, by its network host. */
  originOk: Map<number, number>;
  originFailed: Map<number, number>;
  /** When checkouts failed, and the first few failures with their cause: enough to explain a failure in words. */
  checkoutFailures: { firstAt: number; lastAt: number; examples: CheckoutFailure[] };
  /**
   * Checkouts that succeeded but took longer than `overUs` (the search's `checkout-within` property sets it; no
   * limit by default, so nothing is kept): how many, and the first few with their ids.
   */
  slowCheckouts: { overUs: number; count: number; examples: SlowCheckout[] };
  /** Messages carried per topology edge id. */
  edges: Map<string, number>;
  /** Per-second samples for charts, bounded. */
  series: Sample[];
  seriesLimit: number;
  /** Counters at the last sample, to turn totals into rates (`entries`: each entry point's checkouts). */
  last: { produced: number; processed: number; ok: number; failed: number; entries: Checkouts[] };
  /** Bucket counts of all groups' latency at the last sample, to read percentiles of the last second alone. */
  lastLatency: Float64Array;
}

/** One failed checkout: which request (or event of a publish-only service), when, why, and whose fault. */
export interface CheckoutFailure {
  /** The checkout's request id, or the event's message id when a publish-only service originated it. */
  request?: number;
  message?: number;
  at: number;
  /** Error code (kafka/errors.ts). */
  code: number;
  /** The service (or instance) that failed it: refused, timed out, or could not publish. */
  service: string;
}

const CHECKOUT_FAILURE_EXAMPLES = 20;

/** One checkout that succeeded too late: its request id (or the event's message id), when it was answered, how long it took. */
export interface SlowCheckout {
  request?: number;
  message?: number;
  at: number;
  latencyUs: number;
}

/** Notes a successful checkout's latency against the watched limit (one comparison when nobody watches). */
export function checkoutAnswered(m: Metrics, latencyUs: number, at: number, ref: { request: number } | { message: number }): void {
  const s = m.slowCheckouts;
  if (latencyUs <= s.overUs) return;
  s.count++;
  if (s.examples.length < CHECKOUT_FAILURE_EXAMPLES) s.examples.push({ ...ref, at, latencyUs });
}

/** Counts a failed checkout, keeping the first few as examples. */
export function checkoutFailed(m: Metrics, failure: CheckoutFailure): void {
  m.checkoutsFailed++;
  const f = m.checkoutFailures;
  if (f.firstAt < 0) f.firstAt = failure.at;
  f.lastAt = failure.at;
  if (f.examples.length < CHECKOUT_FAILURE_EXAMPLES) f.examples.push(failure);
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
  /** The second's checkouts per entry point, in the order the applications list them (messaging/port.ts). */
  entries: Checkouts[];
}

export interface Checkouts {
  ok: number;
  failed: number;
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
    sourceAckLatency: createHistogram(),
    checkoutLatency: createHistogram(),
    checkoutsOk: 0,
    checkoutsFailed: 0,
    originOk: new Map(),
    originFailed: new Map(),
    checkoutFailures: { firstAt: -1, lastAt: -1, examples: [] },
    slowCheckouts: { overUs: Number.MAX_SAFE_INTEGER, count: 0, examples: [] },
    edges: new Map(),
    series: [],
    seriesLimit: 3600,
    last: { produced: 0, processed: 0, ok: 0, failed: 0, entries: [] },
    lastLatency: new Float64Array(BUCKETS),
  };
}

export function countEdge(m: Metrics, edge: string, n: number): void {
  if (edge) m.edges.set(edge, (m.edges.get(edge) ?? 0) + n);
}

/**
 * The numbers a run is judged by, in one plain object: counts of messages at each stage, what the checkers found,
 * lag per group, latency percentiles and checkout outcomes.
 */
import { lostMessages, missedMessages } from '../check/checks.ts';
import { positions } from '../messaging/queries.ts';
import { placeName } from '../messaging/state.ts';
import type { World } from '../world.ts';
import { createHistogram, mergeInto, quantile, type Histogram } from './histogram.ts';

export interface GroupLag {
  group: string;
  lag: number;
  partitions: { partition: string; committed: number; highWatermark: number; lag: number }[];
}

export interface MetricsReport {
  timeUs: number;
  produced: number;
  acknowledged: number;
  sendFailed: number;
  appended: number;
  delivered: number;
  processed: number;
  lost: number;
  /** Consumer-side loss: records the brokers kept that a subscribed group will never process. */
  missed: number;
  duplicated: number;
  reordered: number;
  deadLettered: number;
  lag: Record<string, number>;
  groups: GroupLag[];
  latencyMs: { p50: number; p95: number; p99: number };
  ackLatencyMs: { p50: number; p95: number; p99: number };
  checkouts: { ok: number; failed: number; latencyMs: { p50: number; p95: number; p99: number } };
  events: number;
}

const ms = (h: Histogram) => ({ p50: quantile(h, 0.5) / 1000, p95: quantile(h, 0.95) / 1000, p99: quantile(h, 0.99) / 1000 });

/** Lag per subscription (consumer group) and place, as the families that own them count it. */
export function groupLags(w: World): GroupLag[] {
  return w.msg.subscriptions.map((sub, i) => {
    const partitions = positions(w, i).map((p) => ({ partition: placeName(w.msg, p.place), committed: p.committed, highWatermark: p.end, lag: p.lag }));
    return { group: sub.name, lag: partitions.reduce((s, p) => s + p.lag, 0), partitions };
  });
}

function merged(a: Histogram, b: Histogram): Histogram {
  const h = createHistogram();
  mergeInto(h, a);
  mergeInto(h, b);
  return h;
}

/** Produce-to-processed latency over every group. */
export function endToEnd(w: World): Histogram {
  const h = createHistogram();
  for (const g of w.metrics.groupLatency) mergeInto(h, g);
  return h;
}

export function report(w: World): MetricsReport {
  const m = w.metrics;
  const groups = groupLags(w);
  let duplicated = 0, reordered = 0;
  for (const gc of w.checks.groups) {
    duplicated += gc.duplicates;
    reordered += gc.reordered;
  }
  return {
    timeUs: w.now,
    produced: m.produced,
    acknowledged: m.acknowledged,
    sendFailed: m.sendFailed,
    appended: m.appended,
    delivered: m.delivered,
    processed: m.processed,
    lost: lostMessages(w, 0).count,
    missed: missedMessages(w, 0).count,
    duplicated,
    reordered,
    deadLettered: m.deadLettered,
    lag: Object.fromEntries(groups.map((g) => [g.group, g.lag])),
    groups,
    latencyMs: ms(endToEnd(w)),
    ackLatencyMs: ms(merged(m.ackLatency, m.sourceAckLatency)),
    checkouts: { ok: m.checkoutsOk, failed: m.checkoutsFailed, latencyMs: ms(merged(m.checkoutLatency, m.sourceAckLatency)) },
    events: w.events,
  };
}

/**
 * A/B results as rows of a table: each measure for both variants, which way is better, and which variant wins it.
 * Checker findings first (they are what the learner is usually proving), then checkouts, latency and flow.
 */
import type { SimClient } from '../../engine/client.ts';
import { formatCount, formatDuration, formatMs, formatPercent } from '../format.ts';

/** One variant's answer from `engine.sim.compare`. */
export type VariantResult = Awaited<ReturnType<SimClient['compare']>>[number];

export type Better = 'lower' | 'higher' | null;

export interface CompareRow {
  id: string;
  label: string;
  section: 'checkers' | 'checkouts' | 'latency' | 'flow';
  a: number | null;
  b: number | null;
  text: [string, string];
  better: Better;
  /** Which variant does better on this row, when it matters and they differ. */
  winner: 'a' | 'b' | null;
}

interface Measure {
  id: string;
  label: string;
  section: CompareRow['section'];
  better: Better;
  value: (r: VariantResult) => number | null;
  format: (v: number, r: VariantResult) => string;
}

/** Seconds partitions spent refusing writes or offline, summed over partitions. */
const unavailableMs = (r: VariantResult) =>
  (r.checks?.unavailable ?? []).filter((w) => w.what !== 'service').reduce((s, w) => s + (w.to - w.from), 0) / 1000;
const totalLag = (r: VariantResult) => Object.values(r.metrics?.lag ?? {}).reduce((s, n) => s + n, 0);
const checkouts = (r: VariantResult) => (r.metrics ? r.metrics.checkouts.ok + r.metrics.checkouts.failed : 0);

const MEASURES: Measure[] = [
  { id: 'lost', label: 'lost', section: 'checkers', better: 'lower', value: (r) => r.checks?.lost.count ?? null, format: formatCount },
  { id: 'duplicated', label: 'duplicated', section: 'checkers', better: 'lower', value: (r) => r.checks?.duplicated.count ?? null, format: formatCount },
  { id: 'reordered', label: 'reordered', section: 'checkers', better: 'lower', value: (r) => r.checks?.reordered.count ?? null, format: formatCount },
  { id: 'unavailable', label: 'partitions unavailable', section: 'checkers', better: 'lower', value: (r) => (r.checks ? unavailableMs(r) : null), format: (v) => (v === 0 ? 'never' : formatDuration(v * 1000)) },
  { id: 'checkouts-ok', label: 'checkouts ok', section: 'checkouts', better: 'higher', value: (r) => r.metrics?.checkouts.ok ?? null, format: formatCount },
  { id: 'checkouts-failed', label: 'checkouts failed', section: 'checkouts', better: 'lower', value: (r) => r.metrics?.checkouts.failed ?? null, format: formatCount },
  {
    id: 'success', label: 'checkout success', section: 'checkouts', better: 'higher',
    value: (r) => (r.metrics && checkouts(r) > 0 ? (100 * r.metrics.checkouts.ok) / checkouts(r) : null),
    format: (_v, r) => formatPercent(r.metrics!.checkouts.ok, checkouts(r)),
  },
  { id: 'p50', label: 'latency p50', section: 'latency', better: 'lower', value: (r) => r.metrics?.latencyMs.p50 ?? null, format: formatMs },
  { id: 'p95', label: 'latency p95', section: 'latency', better: 'lower', value: (r) => r.metrics?.latencyMs.p95 ?? null, format: formatMs },
  { id: 'p99', label: 'latency p99', section: 'latency', better: 'lower', value: (r) => r.metrics?.latencyMs.p99 ?? null, format: formatMs },
  { id: 'lag', label: 'lag at the end', section: 'flow', better: 'lower', value: (r) => (r.metrics ? totalLag(r) : null), format: formatCount },
  { id: 'produced', label: 'produced', section: 'flow', better: null, value: (r) => r.metrics?.produced ?? null, format: formatCount },
  { id: 'acknowledged', label: 'acknowledged', section: 'flow', better: null, value: (r) => r.metrics?.acknowledged ?? null, format: formatCount },
  { id: 'processed', label: 'processed', section: 'flow', better: null, value: (r) => r.metrics?.processed ?? null, format: formatCount },
];

/** Differences under 2% (latency, rates) are noise, not a win. Counts that differ at all do count. */
function winner(better: Better, a: number | null, b: number | null, id: string): 'a' | 'b' | null {
  if (better === null || a === null || b === null || a === b) return null;
  const relative = Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));
  if (['p50', 'p95', 'p99', 'success'].includes(id) && relative < 0.02) return null;
  return (better === 'lower') === a < b ? 'a' : 'b';
}

/** The table for two results. */
export function compareRows(a: VariantResult, b: VariantResult): CompareRow[] {
  return MEASURES.map((m) => {
    const va = m.value(a);
    const vb = m.value(b);
    return {
      id: m.id, label: m.label, section: m.section, a: va, b: vb, better: m.better, winner: winner(m.better, va, vb, m.id),
      text: [va === null ? '–' : m.format(va, a), vb === null ? '–' : m.format(vb, b)],
    };
  });
}

/** Lines only one of two texts has: what B changes, for the summary above its editor. */
export function changedLines(a: string, b: string): { removed: string[]; added: string[] } {
  const count = (t: string) => {
    const m = new Map<string, number>();
    for (const l of t.split('\n').map((x) => x.trimEnd()).filter((x) => x.trim() !== '')) m.set(l, (m.get(l) ?? 0) + 1);
    return m;
  };
  const ca = count(a), cb = count(b);
  const only = (x: Map<string, number>, y: Map<string, number>) => [...x].flatMap(([l, n]) => Array<string>(Math.max(0, n - (y.get(l) ?? 0))).fill(l.trim()));
  return { removed: only(ca, cb), added: only(cb, ca) };
}

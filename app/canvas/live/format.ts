/**
 * Numbers as the canvas writes them in its tight rows: `987`, `12.3k`, `4.5M`; rates as `98.5%`.
 */

/** A count in at most four characters, e.g. `compact(1_234)` is `1.2k` and `compact(12_345)` is `12k`. */
export function compact(n: number): string {
  const a = Math.abs(n);
  if (a < 1000) return String(Math.round(n));
  if (a < 9_950) return `${(n / 1000).toFixed(1)}k`;
  if (a < 999_500) return `${Math.round(n / 1000)}k`;
  if (a < 9_950_000) return `${(n / 1e6).toFixed(1)}M`;
  return `${Math.round(n / 1e6)}M`;
}

/** The share of `ok` in `ok + failed` as a percentage with one decimal, or `–` before anything happened. */
export function successRate(ok: number, failed: number): string {
  const total = ok + failed;
  if (total === 0) return '–';
  const pct = (ok / total) * 100;
  // 99.96% is not 100%: a learner looking for a single failure must see it.
  return `${pct === 100 ? '100' : Math.min(99.9, Math.floor(pct * 10) / 10).toFixed(1)}%`;
}

/**
 * A time scale for message lives: milliseconds after production stay readable next to seconds of lag, because the
 * position grows with the logarithm of the time elapsed (1 ms, 10 ms, 100 ms, 1 s are evenly spaced).
 */

/** Where `dtUs` after the start falls on [0, 1] when the whole span is `spanUs`. */
export function warp(dtUs: number, spanUs: number, tauUs = 500): number {
  if (spanUs <= 0) return 0;
  const x = Math.log1p(Math.max(0, dtUs) / tauUs) / Math.log1p(spanUs / tauUs);
  return Math.min(1, x);
}

/** Tick marks for a span: 1 ms, 10 ms, 100 ms, 1 s, 10 s... that fit in it. */
export function warpTicks(spanUs: number): { at: number; label: string }[] {
  const out: { at: number; label: string }[] = [];
  for (let t = 1000; t <= spanUs; t *= 10) out.push({ at: t, label: t < 1_000_000 ? `${t / 1000} ms` : `${t / 1_000_000} s` });
  return out;
}

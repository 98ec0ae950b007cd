/**
 * Fast exponential draws for arrival processes: -ln(1 - u) read from a table of 4,096 quantiles with linear
 * interpolation, computed once with the deterministic ln, so draws stay identical in every engine. The last cell
 * (u >= 4095/4096, the far tail) is computed exactly.
 */
import { ln } from './detmath.ts';

const N = 4096;
const table = new Float64Array(N + 1);
for (let i = 0; i <= N; i++) table[i] = i === N ? Infinity : -ln(1 - i / N);

/** -ln(1 - u) for u in [0, 1): an exponential draw with mean 1. */
export function expDraw(u: number): number {
  const x = u * N;
  const i = x | 0;
  if (i >= N - 1) return -ln(1 - u);
  const a = table[i]!;
  return a + (x - i) * (table[i + 1]! - a);
}

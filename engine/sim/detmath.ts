/**
 * Logarithm and exponential from + - * / only.
 *
 * `Math.log` and `Math.exp` are not required to be correctly rounded, and V8, SpiderMonkey and JavaScriptCore
 * really do return different last bits for some inputs. Basic arithmetic is exactly rounded by IEEE 754, so these
 * versions give the same bits in every engine, which keeps a seeded run identical in Node and in any browser.
 * They are accurate to a couple of ulps, plenty for sampling distributions.
 */

const LN2 = 0.6931471805599453;
// ln 2 split so that k * LN2_HI is exact for |k| < 2^20 (Cody & Waite reduction).
const LN2_HI = 0.6931471803691238;
const LN2_LO = 1.9082149292705877e-10;
const SQRT2 = 1.4142135623730951;

/** Natural logarithm, deterministic across JavaScript engines. ln(0) is -Infinity, ln(x < 0) is NaN. */
export function ln(x: number): number {
  if (!(x > 0)) return x === 0 ? -Infinity : NaN;
  if (x === Infinity) return Infinity;
  let e = 0;
  // Bring x into [1/sqrt2, sqrt2) by exact multiplications with powers of two.
  while (x >= 2 ** 64) { x /= 2 ** 64; e += 64; }
  while (x < 2 ** -64) { x *= 2 ** 64; e -= 64; }
  while (x >= SQRT2) { x /= 2; e += 1; }
  while (x < SQRT2 / 2) { x *= 2; e -= 1; }
  // ln(x) = 2 atanh(f), f = (x-1)/(x+1), |f| < 0.1716: the odd series converges fast.
  const f = (x - 1) / (x + 1);
  const f2 = f * f;
  let term = f;
  let sum = f;
  for (let k = 3; k < 41; k += 2) {
    term *= f2;
    const next = sum + term / k;
    if (next === sum) break;
    sum = next;
  }
  return e * LN2_HI + (2 * sum + e * LN2_LO);
}

/** e^x, deterministic across JavaScript engines. */
export function exp(x: number): number {
  if (x !== x) return NaN;
  if (x > 709.8) return Infinity;
  if (x < -745.2) return 0;
  const k = Math.round(x / LN2);
  const r = x - k * LN2_HI - k * LN2_LO; // |r| <= ln2 / 2
  let term = 1;
  let sum = 1;
  for (let n = 1; n < 30; n++) {
    term = (term * r) / n;
    const next = sum + term;
    if (next === sum) break;
    sum = next;
  }
  return scale2(sum, k);
}

/** x * 2^k by exact steps (no Math.pow). */
function scale2(x: number, k: number): number {
  while (k > 0) {
    const step = Math.min(k, 60);
    x *= 2 ** step;
    k -= step;
  }
  while (k < 0) {
    const step = Math.min(-k, 60);
    x /= 2 ** step;
    k += step;
  }
  return x;
}

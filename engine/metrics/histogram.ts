/**
 * A log-bucket histogram of non-negative integers (latencies in µs): recording is O(1) with no sorting and no
 * allocation, percentiles are read from bucket counts with at most 1/16 (6.25%) relative error, like HdrHistogram
 * with one significant hex digit. Values from 0 to 2^40 (about 12 days in µs) fit.
 */

const SUB = 16; // sub-buckets per power of two
const SUB_BITS = 4;
const BUCKETS = 41 * SUB;

export interface Histogram {
  counts: Float64Array;
  total: number;
  sum: number;
  min: number;
  max: number;
}

export function createHistogram(): Histogram {
  return { counts: new Float64Array(BUCKETS), total: 0, sum: 0, min: Infinity, max: 0 };
}

/** The bucket of value v: values below 16 get their own bucket; above, 16 buckets per power of two. */
export function bucketOf(v: number): number {
  if (v < SUB) return v < 0 ? 0 : Math.floor(v);
  if (v < 4294967296) {
    const e = 31 - Math.clz32(v);
    return (e - SUB_BITS + 1) * SUB + (((v >>> (e - SUB_BITS)) & (SUB - 1)));
  }
  const e = 32 + (31 - Math.clz32(Math.floor(v / 4294967296)));
  const sub = Math.floor(v / 2 ** (e - SUB_BITS)) - SUB; // the four bits after the leading one
  return Math.min(BUCKETS - 1, (e - SUB_BITS + 1) * SUB + sub);
}

/** The smallest value that falls in bucket b. */
export function bucketStart(b: number): number {
  if (b < SUB) return b;
  const e = Math.floor(b / SUB) + SUB_BITS - 1;
  return (SUB + (b % SUB)) * 2 ** (e - SUB_BITS);
}

export function recordValue(h: Histogram, v: number): void {
  h.counts[bucketOf(v)]!++;
  h.total++;
  h.sum += v;
  if (v < h.min) h.min = v;
  if (v > h.max) h.max = v;
}

/** The value at quantile q (0..1): the middle of the bucket holding it, clamped to the observed range. */
export function quantile(h: Histogram, q: number): number {
  if (h.total === 0) return 0;
  const rank = Math.max(1, Math.ceil(q * h.total));
  let seen = 0;
  for (let b = 0; b < BUCKETS; b++) {
    seen += h.counts[b]!;
    if (seen >= rank) {
      const lo = bucketStart(b);
      const hi = b + 1 < BUCKETS ? bucketStart(b + 1) : lo;
      const mid = Math.floor((lo + hi) / 2);
      return h.max === Infinity ? mid : Math.min(h.max, Math.max(h.min, mid));
    }
  }
  return h.max;
}

export function mergeInto(into: Histogram, from: Histogram): void {
  for (let b = 0; b < BUCKETS; b++) into.counts[b]! += from.counts[b]!;
  into.total += from.total;
  into.sum += from.sum;
  into.min = Math.min(into.min, from.min);
  into.max = Math.max(into.max, from.max);
}

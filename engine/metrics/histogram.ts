/**
 * A log-bucket histogram of non-negative integers (latencies in µs): recording is O(1) with no sorting and no
 * allocation, percentiles are read from bucket counts with at most 1/16 (6.25%) relative error, like HdrHistogram
 * with one significant hex digit. Values from 0 to 2^40 (about 12 days in µs) fit.
 */

const SUB = 16; // sub-buckets per power of two
const SUB_BITS = 4;
export const BUCKETS = 41 * SUB;

/**
 * Counts are kept for the buckets from the lowest to the highest one a value fell in, not all 656: latencies of one
 * consumer group span a few powers of two, and every snapshot copies every group's histogram (all buckets of the
 * 300-node benchmark's 188 groups were 1 MB of each).
 */
export interface Histogram {
  /** Counts of buckets `lo` to `lo + counts.length - 1`. */
  counts: Float64Array;
  lo: number;
  total: number;
  sum: number;
  min: number;
  max: number;
}

export function createHistogram(): Histogram {
  return { counts: new Float64Array(0), lo: 0, total: 0, sum: 0, min: Infinity, max: 0 };
}

/** Widens the kept range to buckets `from` to `to`, with a few buckets to spare on a side it grows. */
function cover(h: Histogram, from: number, to: number): void {
  const hi = h.lo + h.counts.length - 1;
  if (h.counts.length > 0 && from >= h.lo && to <= hi) return;
  const lo = h.counts.length === 0 ? from : from < h.lo ? Math.max(0, from - SPARE) : h.lo;
  const top = h.counts.length === 0 ? to : to > hi ? Math.min(BUCKETS - 1, to + SPARE) : hi;
  const counts = new Float64Array(top - lo + 1);
  if (h.counts.length > 0) counts.set(h.counts, h.lo - lo);
  h.counts = counts;
  h.lo = lo;
}
const SPARE = 4;

/** Adds the histogram's bucket counts into `into`, an array of all BUCKETS. */
export function addCounts(h: Histogram, into: Float64Array): void {
  for (let i = 0; i < h.counts.length; i++) into[h.lo + i]! += h.counts[i]!;
}

/** A histogram of bucket counts given for all BUCKETS. */
export function fromCounts(counts: Float64Array): Histogram {
  const h = createHistogram();
  h.counts = counts;
  for (let b = 0; b < counts.length; b++) h.total += counts[b]!;
  return h;
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
  const b = bucketOf(v);
  if (b < h.lo || b >= h.lo + h.counts.length) cover(h, b, b);
  h.counts[b - h.lo]!++;
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
  for (let i = 0; i < h.counts.length; i++) {
    seen += h.counts[i]!;
    if (seen >= rank) {
      const b = h.lo + i;
      const lo = bucketStart(b);
      const hi = b + 1 < BUCKETS ? bucketStart(b + 1) : lo;
      const mid = Math.floor((lo + hi) / 2);
      return h.max === Infinity ? mid : Math.min(h.max, Math.max(h.min, mid));
    }
  }
  return h.max;
}

export function mergeInto(into: Histogram, from: Histogram): void {
  if (from.counts.length > 0) {
    cover(into, from.lo, from.lo + from.counts.length - 1);
    for (let i = 0; i < from.counts.length; i++) into.counts[from.lo - into.lo + i]! += from.counts[i]!;
  }
  into.total += from.total;
  into.sum += from.sum;
  into.min = Math.min(into.min, from.min);
  into.max = Math.max(into.max, from.max);
}

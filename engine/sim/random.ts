/**
 * Seeded randomness: one seed for a run, one independent stream per subsystem, named.
 *
 * A stream is xoshiro128** (Blackman & Vigna) seeded from (seed, name) through splitmix32, so adding a consumer
 * never shifts the draws the network or another consumer sees (STYLE.md §2). The state is a plain Uint32Array,
 * so a stream is snapshotted and restored with the rest of the world. Only integer arithmetic is used: the same
 * seed gives the same numbers in every JavaScript engine.
 */

/** A stream's state: four 32-bit words. */
export type Stream = Uint32Array;

/** Creates the stream `name` of run `seed`. @example const net = stream(42, 'network') */
export function stream(seed: number, name: string): Stream {
  let h = hashString(name) ^ Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.floor(seed / 4294967296);
  const s = new Uint32Array(4);
  for (let i = 0; i < 4; i++) {
    h = (h + 0x9e3779b9) | 0;
    let z = h;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    s[i] = (z ^ (z >>> 16)) >>> 0;
  }
  if ((s[0]! | s[1]! | s[2]! | s[3]!) === 0) s[0] = 1; // xoshiro's one forbidden state
  return s;
}

/** The next 32 random bits as an unsigned integer. */
export function nextU32(s: Stream): number {
  const s0 = s[0]!, s1 = s[1]!, s2 = s[2]!, s3 = s[3]!;
  const r = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
  const t = s1 << 9;
  const n2 = s2 ^ s0;
  const n3 = s3 ^ s1;
  s[1] = s1 ^ n2;
  s[0] = s0 ^ n3;
  s[2] = n2 ^ t;
  s[3] = rotl(n3, 11);
  return r;
}

/** A uniform double in [0, 1) with 32 random bits (exactly representable, so identical everywhere). */
export function nextFloat(s: Stream): number {
  return nextU32(s) / 4294967296;
}

/** A uniform integer in [0, n) for 0 < n <= 2^31, without modulo bias. */
export function nextInt(s: Stream, n: number): number {
  // Lemire's multiply-and-reject on 32 bits, done in doubles (products stay below 2^53, so they are exact).
  const limit = 4294967296 - (4294967296 % n);
  for (;;) {
    const x = nextU32(s);
    if (x < limit) return Math.floor((x * n) / 4294967296);
  }
}

/** True with probability p. */
export function chance(s: Stream, p: number): boolean {
  return p > 0 && nextFloat(s) < p;
}

/** FNV-1a over UTF-16 code units: a stable 32-bit hash for stream names. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

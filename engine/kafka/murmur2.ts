/**
 * Kafka's murmur2 (`org.apache.kafka.common.utils.Utils.murmur2`), the hash behind the default partitioner.
 *
 * Results are signed 32-bit integers, as Java's `int`: every multiplication goes through `Math.imul` and every
 * shift that Java writes as `>>>` stays unsigned before the XOR folds it back into int range.
 */
import { utf8EncodeInto } from './utf8.ts';

const SEED = 0x9747b28c | 0;
const M = 0x5bd1e995;
const R = 24;

function mixWord(h: number, k: number): number {
  k = Math.imul(k, M);
  k ^= k >>> R;
  k = Math.imul(k, M);
  return Math.imul(h, M) ^ k;
}

function finish(h: number, tail: number, tailLength: number): number {
  if (tailLength > 0) h = Math.imul(h ^ tail, M);
  h ^= h >>> 13;
  h = Math.imul(h, M);
  return h ^ (h >>> 15);
}

function murmur2Prefix(bytes: Uint8Array, length: number): number {
  let h = SEED ^ length;
  const whole = length & ~3;
  for (let i = 0; i < whole; i += 4) {
    h = mixWord(h, bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24));
  }
  let tail = 0;
  for (let i = length - 1; i >= whole; i--) tail = (tail << 8) | bytes[i]!;
  return finish(h, tail, length - whole);
}

/**
 * Kafka's murmur2 of `bytes`: a signed 32-bit integer, bit-exact with Java. Allocates nothing.
 * @example murmur2(new Uint8Array([0x61, 0x62, 0x63])) // 479470107 ("abc")
 */
export function murmur2(bytes: Uint8Array): number {
  return murmur2Prefix(bytes, bytes.length);
}

// Reused for keys outside ASCII so hashing them allocates only when a longer key than any before arrives.
let scratch = new Uint8Array(64);

/**
 * Kafka's murmur2 of the UTF-8 bytes of `s` (as Java's `StringSerializer` produces them). ASCII keys are hashed
 * straight from their char codes in one pass; others are encoded into a reused buffer. Neither allocates per call.
 * @example murmur2String('foobar') // -790332482
 */
export function murmur2String(s: string): number {
  const length = s.length;
  const whole = length & ~3;
  let h = SEED ^ length;
  // For ASCII, char codes are the UTF-8 bytes. `seen` ORs them all, so one test at the end says whether that held.
  let seen = 0;
  for (let i = 0; i < whole; i += 4) {
    const b0 = s.charCodeAt(i);
    const b1 = s.charCodeAt(i + 1);
    const b2 = s.charCodeAt(i + 2);
    const b3 = s.charCodeAt(i + 3);
    seen |= b0 | b1 | b2 | b3;
    h = mixWord(h, b0 | (b1 << 8) | (b2 << 16) | (b3 << 24));
  }
  let tail = 0;
  for (let i = length - 1; i >= whole; i--) {
    const b = s.charCodeAt(i);
    seen |= b;
    tail = (tail << 8) | b;
  }
  if (seen < 0x80) return finish(h, tail, length - whole);
  if (scratch.length < length * 3) scratch = new Uint8Array(Math.max(length * 3, scratch.length * 2));
  return murmur2Prefix(scratch, utf8EncodeInto(s, scratch));
}

/**
 * Kafka's `Utils.toPositive`: clears the sign bit (not `Math.abs`, which would overflow on -2^31).
 * @example toPositive(-1) // 2147483647
 */
export function toPositive(n: number): number {
  return n & 0x7fffffff;
}

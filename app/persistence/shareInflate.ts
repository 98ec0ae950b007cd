/**
 * Inflating a share link with a ceiling. A few megabytes of deflate can unpack to gigabytes (a "zip bomb"); inflating
 * it whole first and measuring after froze the page for seconds and could exhaust memory. Feeding the streaming
 * decompressor a little input at a time and stopping once the output passes the ceiling costs at most the ceiling.
 */
import { Inflate } from 'fflate';

/** Input fed per step: deflate unpacks at most ~1,032 bytes per byte, so one step overshoots by at most ~1 MB. */
const STEP_BYTES = 1024;

/** The inflated bytes, or `null` when they would pass `maxBytes`. Throws when the data is cut short or corrupted. */
export function inflateAtMost(data: Uint8Array, maxBytes: number): Uint8Array | null {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const inflate = new Inflate((chunk) => {
    size += chunk.length;
    if (size <= maxBytes) chunks.push(chunk);
  });
  for (let at = 0; at < data.length; at += STEP_BYTES) {
    const end = Math.min(at + STEP_BYTES, data.length);
    inflate.push(data.subarray(at, end), end === data.length);
    if (size > maxBytes) return null;
  }
  if (data.length === 0) inflate.push(data, true);
  const out = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.length;
  }
  return out;
}

/**
 * Record keys. A key is a number: 0 is the null key; the others index a table of key spaces, so a producer that
 * writes `key=customerId` over 1,000 customers owns ids base+1..base+1000 and no string is built until someone
 * asks to see one. The murmur2 hash of a key's UTF-8 bytes, which Kafka's partitioner needs, is computed once per key
 * and cached.
 */

export interface KeySpace {
  name: string;
  /** First id of the space minus one: key n of the space has id base + n. */
  base: number;
  size: number;
}

export interface Keys {
  spaces: KeySpace[];
  next: number;
  /**
   * Cached partitioner hashes, toPositive(murmur2(key)) + 1 so that 0 means "not computed yet". Index = key id.
   * Int32 rather than double keeps the table half the size: a random key is a cache miss less often.
   */
  hash: Int32Array;
  /** Keys written by name (`poison key=customer-7`, explicit keys in lessons). */
  named: Map<string, number>;
}

export function createKeys(): Keys {
  return { spaces: [], next: 1, hash: new Int32Array(1), named: new Map() };
}

/** Reserves `size` key ids named `<name>-1` .. `<name>-<size>`; returns the space. */
export function addKeySpace(k: Keys, name: string, size: number): KeySpace {
  const existing = k.spaces.find((s) => s.name === name);
  if (existing && existing.size >= size) return existing;
  const space = { name, base: k.next - 1, size };
  k.spaces.push(space);
  k.next += size;
  ensure(k, k.next);
  return space;
}

/** The id of the key written as `text` (`customer-7`), creating a one-key space when it is new. */
export function keyId(k: Keys, text: string): number {
  const m = /^(.*)-(\d+)$/.exec(text);
  if (m) {
    const n = Number(m[2]);
    for (const s of k.spaces) if (s.name === m[1] && n >= 1 && n <= s.size) return s.base + n;
  }
  let id = k.named.get(text);
  if (id === undefined) {
    id = k.next++;
    ensure(k, k.next);
    k.named.set(text, id);
  }
  return id;
}

/** The text of a key id (`customer-7`), or null for the null key. */
export function keyText(k: Keys, id: number): string | null {
  if (id === 0) return null;
  for (const s of k.spaces) if (id > s.base && id <= s.base + s.size) return `${s.name}-${id - s.base}`;
  for (const [text, i] of k.named) if (i === id) return text;
  return `key#${id}`;
}

function ensure(k: Keys, n: number): void {
  if (k.hash.length >= n) return;
  const next = new Int32Array(Math.max(n, k.hash.length * 2));
  next.set(k.hash);
  k.hash = next;
}

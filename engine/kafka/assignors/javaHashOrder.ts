/**
 * Java's `HashMap` iteration order, emulated. Kafka's sticky assignor walks `HashMap`s keyed by member id and takes
 * the first element of `HashSet<TopicPartition>`s, and that order decides real outcomes (which member keeps its
 * extra partition, which partition moves back). To match Kafka bit for bit we replay where Java would put each key.
 *
 * What Java does (OpenJDK 8+, default load factor 0.75): the table starts at 16 buckets and doubles whenever the
 * size passes 3/4 of it, or when a bucket's chain would pass 8 entries while the table is under 64 buckets. A key
 * sits in bucket `(h ^ (h >>> 16)) & (buckets - 1)`; iteration goes bucket by bucket and, inside a bucket, in
 * insertion order (resizing splits chains without reordering them). Removal leaves the table size alone.
 * Not modelled: the order inside a bucket that Java has turned into a tree (9+ colliding keys in a table of 64+
 * buckets); such keys are given in insertion order.
 */

const INITIAL_BUCKETS = 16;
const TREEIFY_THRESHOLD = 8;
const MIN_TREEIFY_BUCKETS = 64;

/**
 * Java's `String.hashCode()`: `s[0]*31^(n-1) + ... + s[n-1]` over UTF-16 code units, in 32-bit arithmetic.
 * @example javaStringHash('orders') // -1008770331
 */
export function javaStringHash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0;
  return h;
}

/** `org.apache.kafka.common.TopicPartition.hashCode()`: `31 * (31 + partition) + topic.hashCode()`. */
export function topicPartitionHash(topic: string, partition: number): number {
  return (Math.imul(31, 31 + partition) + javaStringHash(topic)) | 0;
}

function spread(hash: number): number {
  return hash ^ (hash >>> 16);
}

interface Slot {
  readonly spread: number;
  readonly seq: number;
}

/** The key set of a `new HashMap<>()` (or `new HashSet<>()`), tracking where Java would iterate each key. */
export class JavaHashOrder<K> {
  private buckets = 0;
  private seq = 0;
  private readonly slots = new Map<K, Slot>();
  private chainLengths = new Map<number, number>();

  constructor(private readonly hashOf: (key: K) => number) {}

  get size(): number {
    return this.slots.size;
  }

  has(key: K): boolean {
    return this.slots.has(key);
  }

  /** `put`/`add`: a key already present keeps its place, as in Java. */
  add(key: K): void {
    if (this.slots.has(key)) return;
    if (this.buckets === 0) this.resize(INITIAL_BUCKETS);
    const slot = { spread: spread(this.hashOf(key)), seq: this.seq++ };
    const bucket = slot.spread & (this.buckets - 1);
    const chain = this.chainLengths.get(bucket) ?? 0;
    this.slots.set(key, slot);
    this.chainLengths.set(bucket, chain + 1);
    if (chain >= TREEIFY_THRESHOLD && this.buckets < MIN_TREEIFY_BUCKETS) this.resize(this.buckets * 2);
    if (this.slots.size > this.buckets * 0.75) this.resize(this.buckets * 2);
  }

  delete(key: K): void {
    const slot = this.slots.get(key);
    if (slot === undefined) return;
    this.slots.delete(key);
    const bucket = slot.spread & (this.buckets - 1);
    this.chainLengths.set(bucket, (this.chainLengths.get(bucket) ?? 1) - 1);
  }

  /** The key `iterator().next()` returns, or undefined when empty. */
  first(): K | undefined {
    let best: K | undefined;
    let bestBucket = Infinity;
    let bestSeq = Infinity;
    const mask = this.buckets - 1;
    for (const [key, slot] of this.slots) {
      const bucket = slot.spread & mask;
      if (bucket < bestBucket || (bucket === bestBucket && slot.seq < bestSeq)) {
        best = key;
        bestBucket = bucket;
        bestSeq = slot.seq;
      }
    }
    return best;
  }

  /** All keys in Java's iteration order. */
  ordered(): K[] {
    const mask = this.buckets - 1;
    const entries = [...this.slots];
    entries.sort(([, a], [, b]) => (a.spread & mask) - (b.spread & mask) || a.seq - b.seq);
    return entries.map(([key]) => key);
  }

  private resize(buckets: number): void {
    this.buckets = buckets;
    const mask = buckets - 1;
    this.chainLengths = new Map();
    for (const slot of this.slots.values()) {
      const bucket = slot.spread & mask;
      this.chainLengths.set(bucket, (this.chainLengths.get(bucket) ?? 0) + 1);
    }
  }
}

/**
 * The order Java iterates a `new HashMap<String, V>()` into which `keys` were put in the given order.
 * @example javaHashMapOrder(['consumer1', 'consumer2', 'consumer3'])
 */
export function javaHashMapOrder(keys: readonly string[]): string[] {
  const order = new JavaHashOrder<string>(javaStringHash);
  for (const key of keys) order.add(key);
  return order.ordered();
}

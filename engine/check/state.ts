/**
 * What the checkers keep while a run goes on, per consumer group: a bit per message processed (the inbox, for
 * duplicates) and the newest message processed per key (for reordering), plus the first counterexamples found.
 */

export interface Example {
  message: number;
  partition: number;
  offset: number;
  at: number;
  /** For a reordering: the later message that was processed first. */
  other?: number;
  /** For a reordering caused by a retry topic: the original message this retried copy stands for. */
  retryOf?: number;
}

export interface GroupChecks {
  /**
   * A bit per message id processed, in chunks of SEEN_CHUNK_BITS ids. Snapshots share the chunks (a 10-minute
   * 300-node run has 95 MB of them, nearly all unchanged from one snapshot to the next); a chunk is copied before
   * its first write after a snapshot took it. Read and write through `seenHas` and `markSeen`.
   */
  seen: Uint8Array[];
  /**
   * Per chunk: 1 when this world alone holds it (may write it in place); anything else (0, or nothing: a snapshot's
   * list is empty, as it never writes) when a snapshot may share it.
   */
  seenOwned: number[];
  duplicates: number;
  duplicateExamples: Example[];
  /** Redeliveries an inbox (idempotent consumer) recognised and skipped. */
  skipped: number;
  reordered: number;
  reorderExamples: Example[];
  /** Newest message id processed, per key id. */
  lastByKey: Uint32Array;
}

export interface Window {
  what: 'partition' | 'service' | 'writes';
  id: number;
  from: number;
  to: number;
}

export interface ChecksState {
  groups: GroupChecks[];
  unavailable: Window[];
  examplesLimit: number;
  /**
   * Copies an application published to a retry topic, each to the original message it stands for: per-key order is
   * judged by the original's place in its key's sequence, so a retried record overtaken by a later one is a reorder.
   */
  retryOf: Map<number, number>;
}

/**
 * Message ids per chunk of a group's `seen` bits (4 KB). After each snapshot every group copies the chunk it writes:
 * at 8 KB, 1.5 MB of each snapshot of the 300-node benchmark's 188 groups; smaller chunks make longer lists of them.
 */
export const SEEN_CHUNK_BITS = 1 << 15;

/** Whether the group's checker has seen message `id` processed. */
export function seenHas(gc: GroupChecks, id: number): boolean {
  const c = gc.seen[Math.floor(id / SEEN_CHUNK_BITS)];
  const i = id % SEEN_CHUNK_BITS;
  return c !== undefined && (c[i >>> 3]! & (1 << (i & 7))) !== 0;
}

/** Sets message `id`'s bit, copying its chunk first if a snapshot may share it. */
export function markSeen(gc: GroupChecks, id: number): void {
  const k = Math.floor(id / SEEN_CHUNK_BITS);
  while (gc.seen.length <= k) {
    gc.seenOwned[gc.seen.length] = 1;
    gc.seen.push(new Uint8Array(SEEN_CHUNK_BITS / 8));
  }
  if (gc.seenOwned[k] !== 1) {
    gc.seen[k] = gc.seen[k]!.slice();
    gc.seenOwned[k] = 1;
  }
  const i = id % SEEN_CHUNK_BITS;
  gc.seen[k]![i >>> 3]! |= 1 << (i & 7);
}

/** The group's `seen` bits as one array (byte `id >>> 3`, bit `id & 7`), a copy. */
export function seenBits(gc: GroupChecks): Uint8Array {
  const out = new Uint8Array(gc.seen.length * (SEEN_CHUNK_BITS / 8));
  gc.seen.forEach((c, k) => out.set(c, k * (SEEN_CHUNK_BITS / 8)));
  return out;
}

export function createChecks(groups: number): ChecksState {
  return {
    groups: Array.from({ length: groups }, () => ({
      seen: [],
      seenOwned: [],
      duplicates: 0,
      duplicateExamples: [],
      skipped: 0,
      reordered: 0,
      reorderExamples: [],
      lastByKey: new Uint32Array(1024),
    })),
    unavailable: [],
    examplesLimit: 100,
    retryOf: new Map(),
  };
}

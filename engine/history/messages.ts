/**
 * Every message the simulation ever produced, one row each, in parallel typed arrays held in chunks of 16,384 rows.
 *
 * The partition logs store only message ids (4 bytes a record); everything else a record carries lives here once:
 * key, event type, partition, produce time, what caused it, and flags: 20 bytes a message. Chunks mean the table
 * never copies itself to grow and wastes at most one partly filled chunk, so a long run's whole history fits in
 * memory and the checkers can work incrementally.
 */

export const ACKED = 1; // the producer was told the write succeeded (acks=0: once sent)
export const TOMBSTONE = 2; // a null value: deletes its key under compaction
export const EXPIRED = 4; // removed on purpose by retention or compaction, so not "lost"
export const FAILED = 8; // the producer gave up (delivery.timeout.ms) and reported an error
export const CAUSED_BY_MESSAGE = 16; // causation is a message id, not a request id
export const POISON = 32; // every consumer fails on it
export const FROM_SOURCE = 64; // originated by a publish-only service: its acknowledgement completes a request

// Snapshots share the chunks, and the live world copies the one it writes after each snapshot: the smaller the
// chunk, the less a snapshot costs (at 65,536 rows, 1.3 MB of each at 300 nodes; at 16,384, a quarter of that).
const SHIFT = 14;
const CHUNK = 1 << SHIFT;
const MASK = CHUNK - 1;

export interface Chunk {
  key: Uint32Array;
  type: Uint8Array;
  flags: Uint8Array;
  partition: Uint16Array;
  producedAt: Float64Array;
  causation: Uint32Array;
}

export interface Messages {
  count: number;
  limit: number;
  /** Shared with snapshots (live/snapshots.ts): write only through this file's functions, which copy first. */
  chunks: Chunk[];
  /** Per chunk: 1 when this world alone holds it (may write it in place), 0 when a snapshot may share it. */
  owned: number[];
  /** Event type names; a message's type indexes it (at most 255 types). */
  types: string[];
}

function newChunk(size: number): Chunk {
  return {
    key: new Uint32Array(size),
    type: new Uint8Array(size),
    flags: new Uint8Array(size),
    partition: new Uint16Array(size),
    producedAt: new Float64Array(size),
    causation: new Uint32Array(size),
  };
}

export function createMessages(limit = 1 << 27): Messages {
  // The first chunk starts small and doubles up to full size, so small simulations stay small.
  return { count: 1, limit, chunks: [newChunk(1024)], owned: [1], types: [''] }; // id 0 means "no message"
}

/** Records a new message and returns its id (ids start at 1 and follow send order). */
export function addMessage(m: Messages, key: number, type: number, partition: number, producedAt: number, causation: number, flags: number): number {
  const id = m.count;
  let c = m.chunks[id >>> SHIFT];
  const i = id & MASK;
  if (c === undefined || i >= c.key.length) c = grow(m, id);
  else if (m.owned[id >>> SHIFT] !== 1) c = own(m, id >>> SHIFT);
  c.key[i] = key;
  c.type[i] = type;
  c.partition[i] = partition;
  c.producedAt[i] = producedAt;
  c.causation[i] = causation;
  c.flags[i] = flags;
  m.count = id + 1;
  return id;
}

export const keyOf = (m: Messages, id: number): number => m.chunks[id >>> SHIFT]!.key[id & MASK]!;
export const typeOf = (m: Messages, id: number): number => m.chunks[id >>> SHIFT]!.type[id & MASK]!;
export const flagsOf = (m: Messages, id: number): number => m.chunks[id >>> SHIFT]!.flags[id & MASK]!;
export const partitionOf = (m: Messages, id: number): number => m.chunks[id >>> SHIFT]!.partition[id & MASK]!;
export const producedAtOf = (m: Messages, id: number): number => m.chunks[id >>> SHIFT]!.producedAt[id & MASK]!;
export const causationOf = (m: Messages, id: number): number => m.chunks[id >>> SHIFT]!.causation[id & MASK]!;

/** Sets flag bits on a message; returns the flags it had before. */
export function addFlags(m: Messages, id: number, bits: number): number {
  const c = m.owned[id >>> SHIFT] === 1 ? m.chunks[id >>> SHIFT]! : own(m, id >>> SHIFT);
  const before = c.flags[id & MASK]!;
  c.flags[id & MASK] = before | bits;
  return before;
}

export function setCausation(m: Messages, id: number, causation: number): void {
  (m.owned[id >>> SHIFT] === 1 ? m.chunks[id >>> SHIFT]! : own(m, id >>> SHIFT)).causation[id & MASK] = causation;
}

/** The id of an event type name, registering it on first use. */
export function typeId(m: Messages, name: string): number {
  const i = m.types.indexOf(name);
  if (i >= 0) return i;
  if (m.types.length >= 256) throw new Error('A simulation may use at most 255 event types.');
  m.types.push(name);
  return m.types.length - 1;
}

/** The correlation id of a message: the request that started its chain (0 if none). */
export function correlationOf(m: Messages, id: number): number {
  let cur = id;
  for (let hops = 0; hops < 1000 && cur !== 0; hops++) {
    if ((flagsOf(m, cur) & CAUSED_BY_MESSAGE) === 0) return causationOf(m, cur);
    cur = causationOf(m, cur);
  }
  return 0;
}

/** Bytes held per message (for the memory benchmark). */
export const BYTES_PER_MESSAGE = 4 + 1 + 1 + 2 + 8 + 4;

/** Copies chunk `ci`, which a snapshot may share, for this world alone to write. */
function own(m: Messages, ci: number): Chunk {
  const c = m.chunks[ci]!;
  const copy = { key: c.key.slice(), type: c.type.slice(), flags: c.flags.slice(), partition: c.partition.slice(), producedAt: c.producedAt.slice(), causation: c.causation.slice() };
  m.chunks[ci] = copy;
  m.owned[ci] = 1;
  return copy;
}

function grow(m: Messages, id: number): Chunk {
  if (id >= m.limit) throw new Error(`The simulation produced more than ${m.limit} messages, the most one run may hold.`);
  const ci = id >>> SHIFT;
  const existing = m.chunks[ci];
  if (existing === undefined) {
    const c = newChunk(CHUNK);
    m.chunks[ci] = c;
    m.owned[ci] = 1;
    return c;
  }
  // Only the first chunk grows in place, doubling up to full size.
  const size = Math.min(CHUNK, existing.key.length * 2);
  const c = newChunk(size);
  c.key.set(existing.key);
  c.type.set(existing.type);
  c.flags.set(existing.flags);
  c.partition.set(existing.partition);
  c.producedAt.set(existing.producedAt);
  c.causation.set(existing.causation);
  m.chunks[ci] = c;
  m.owned[ci] = 1;
  return c;
}

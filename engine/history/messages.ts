/**
 * Every message the simulation ever produced, one row each, in parallel typed arrays.
 *
 * The partition logs store only message ids (4 bytes a record); everything else a record carries lives here once:
 * key, event type, partition, produce time, what caused it, and flags. About 21 bytes a message, which keeps the
 * whole history of a long run in memory and lets the checkers work incrementally.
 */

export const ACKED = 1; // the producer was told the write succeeded (acks=0: once sent)
export const TOMBSTONE = 2; // a null value: deletes its key under compaction
export const EXPIRED = 4; // removed on purpose by retention or compaction, so not "lost"
export const FAILED = 8; // the producer gave up (delivery.timeout.ms) and reported an error
export const CAUSED_BY_MESSAGE = 16; // causation is a message id, not a request id
export const POISON = 32; // every consumer fails on it
export const FROM_SOURCE = 64; // originated by a publish-only service: its acknowledgement completes a request

export interface Messages {
  count: number;
  limit: number;
  key: Uint32Array;
  type: Uint16Array;
  flags: Uint8Array;
  partition: Uint16Array;
  producedAt: Float64Array;
  causation: Uint32Array;
  /** Event type names; `type` indexes it. */
  types: string[];
}

export function createMessages(capacity = 1024, limit = 1 << 27): Messages {
  return {
    count: 1, // id 0 means "no message"
    limit,
    key: new Uint32Array(capacity),
    type: new Uint16Array(capacity),
    flags: new Uint8Array(capacity),
    partition: new Uint16Array(capacity),
    producedAt: new Float64Array(capacity),
    causation: new Uint32Array(capacity),
    types: [''],
  };
}

/** Records a new message and returns its id (ids start at 1 and follow send order). */
export function addMessage(
  m: Messages,
  key: number,
  type: number,
  partition: number,
  producedAt: number,
  causation: number,
  flags: number,
): number {
  const id = m.count;
  if (id === m.key.length) grow(m);
  m.key[id] = key;
  m.type[id] = type;
  m.partition[id] = partition;
  m.producedAt[id] = producedAt;
  m.causation[id] = causation;
  m.flags[id] = flags;
  m.count = id + 1;
  return id;
}

/** The id of an event type name, registering it on first use. */
export function typeId(m: Messages, name: string): number {
  const i = m.types.indexOf(name);
  if (i >= 0) return i;
  m.types.push(name);
  return m.types.length - 1;
}

/** The correlation id of a message: the request that started its chain (0 if none). */
export function correlationOf(m: Messages, id: number): number {
  let cur = id;
  for (let hops = 0; hops < 1000 && cur !== 0; hops++) {
    if ((m.flags[cur]! & CAUSED_BY_MESSAGE) === 0) return m.causation[cur]!;
    cur = m.causation[cur]!;
  }
  return 0;
}

/** Bytes held per message (for the memory benchmark). */
export const BYTES_PER_MESSAGE = 4 + 2 + 1 + 2 + 8 + 4;

function grow(m: Messages): void {
  const cap = m.key.length * 2;
  if (m.key.length >= m.limit) {
    throw new Error(`The simulation produced more than ${m.limit} messages, the most one run may hold.`);
  }
  m.key = resize(m.key, cap);
  m.type = resize(m.type, cap);
  m.flags = resize(m.flags, cap);
  m.partition = resize(m.partition, cap);
  m.producedAt = resize(m.producedAt, cap);
  m.causation = resize(m.causation, cap);
}

function resize<T extends Uint32Array | Uint16Array | Uint8Array | Float64Array>(a: T, n: number): T {
  const b = new (a.constructor as new (n: number) => T)(n);
  b.set(a as never);
  return b;
}

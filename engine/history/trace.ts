/**
 * The trace: what happened, as a bounded ring of compact entries. It feeds the event log, the message life lines
 * and the spacetime diagram. Old entries fall off the ring; the checkers never depend on it (they keep their own
 * incremental state), so a long run stays correct while its trace keeps only the recent past.
 */

/** What an entry records. Field use per kind is documented beside each. */
export const T = {
  send: 1, // node=producer host, part, a=first message id, b=count: a batch left the producer
  append: 2, // node=leader broker host, part, a=base offset, b=count, c=leader epoch
  ack: 3, // node=producer host, part, a=base offset (-1 for acks=0), b=count, c=error code (0 ok)
  replicate: 4, // node=follower broker host, part, a=new log end offset
  highWatermark: 5, // node=leader host, part, a=new high watermark
  deliver: 6, // node=consumer host, part, a=first offset, b=count, c=group
  process: 7, // node=consumer host, part, a=message id, b=offset, c=group
  commit: 8, // node=consumer host, part, a=committed offset, c=group
  rebalance: 9, // node=coordinator host, a=generation, b=members, c=group
  election: 10, // node=new leader host (-1 none), part, a=leader epoch, b=isr size
  isr: 11, // node=leader host, part, a=isr size, b=1 shrink / 2 expand
  fault: 12, // node=target host (-1 for network-wide), a=fault index, b=1 injected / 2 healed
  request: 13, // node=caller host, part=callee host, a=request id, b=latency µs, c=status (0 ok)
  checkout: 14, // node=client host, a=request id, b=latency µs, c=status (0 ok)
  error: 15, // node=host, a=error code, b=message id or request id
  duplicate: 16, // node=consumer host, part, a=message id, b=offset, c=group: processed again (or skipped by an inbox)
  truncate: 17, // node=broker host, part, a=new log end offset, b=records removed
  retention: 18, // node=leader host, part, a=new log start offset, b=records removed
  dlq: 19, // node=consumer host, part, a=message id, b=new message id on the dead-letter topic, c=group
  crash: 20, // node=host, b=1 crash / 2 restart
} as const;

export type TraceKind = (typeof T)[keyof typeof T];

export interface Trace {
  capacity: number;
  /** Entries ever written; the ring holds the last `capacity` of them. */
  written: number;
  time: Float64Array;
  kind: Uint8Array;
  node: Int32Array;
  part: Int32Array;
  a: Float64Array;
  b: Float64Array;
  c: Int32Array;
  /** Switch off to run without a trace (the benchmark measures both). */
  enabled: boolean;
}

export function createTrace(capacity = 1 << 16): Trace {
  return {
    capacity,
    written: 0,
    time: new Float64Array(capacity),
    kind: new Uint8Array(capacity),
    node: new Int32Array(capacity),
    part: new Int32Array(capacity),
    a: new Float64Array(capacity),
    b: new Float64Array(capacity),
    c: new Int32Array(capacity),
    enabled: true,
  };
}

/** Appends an entry, overwriting the oldest when the ring is full. */
export function record(t: Trace, time: number, kind: TraceKind, node: number, part: number, a: number, b: number, c: number): void {
  if (!t.enabled) return;
  const i = t.written % t.capacity;
  t.time[i] = time;
  t.kind[i] = kind;
  t.node[i] = node;
  t.part[i] = part;
  t.a[i] = a;
  t.b[i] = b;
  t.c[i] = c;
  t.written++;
}

export interface TraceEntry {
  seq: number;
  time: number;
  kind: TraceKind;
  node: number;
  part: number;
  a: number;
  b: number;
  c: number;
}

/** Entries with sequence numbers in [from, to) still held by the ring, oldest first. */
export function entries(t: Trace, from = 0, to = t.written): TraceEntry[] {
  const out: TraceEntry[] = [];
  const start = Math.max(from, t.written - t.capacity, 0);
  for (let s = start; s < Math.min(to, t.written); s++) {
    const i = s % t.capacity;
    out.push({ seq: s, time: t.time[i]!, kind: t.kind[i]! as TraceKind, node: t.node[i]!, part: t.part[i]!, a: t.a[i]!, b: t.b[i]!, c: t.c[i]! });
  }
  return out;
}

/** The oldest sequence number still held. */
export function oldestHeld(t: Trace): number {
  return Math.max(0, t.written - t.capacity);
}

/**
 * The event queue: a binary min-heap ordered by (time, sequence), holding events as numbers in typed arrays.
 *
 * An event is (time, kind, a, b): `kind` picks the handler, `a` is usually the component index and `b` an
 * argument (a generation number, a request id). Nothing is allocated per event, ties are broken by insertion order,
 * and the queue is plain data, so it is copied with the rest of the world for snapshots. It grows by doubling up to
 * `limit` events and then refuses loudly instead of eating the machine's memory.
 */

export interface EventQueue {
  /** Number of pending events. */
  size: number;
  /** Next insertion sequence number: the tie-breaker. */
  seq: number;
  /** Maximum number of pending events. */
  limit: number;
  /** heap[i] is a slot index; the slot arrays hold the event's fields. */
  heap: Int32Array;
  time: Float64Array;
  order: Float64Array;
  kind: Uint8Array;
  a: Int32Array;
  b: Float64Array;
  /** Free slots, a stack. */
  free: Int32Array;
  freeTop: number;
  /** The last popped event's fields. */
  popTime: number;
  popKind: number;
  popA: number;
  popB: number;
}

export class QueueLimitError extends Error {}

/** An empty queue. @example const q = createQueue(); push(q, 10, KIND_TICK, 0, 0) */
export function createQueue(initialCapacity = 1024, limit = 1 << 24): EventQueue {
  const q: EventQueue = {
    size: 0,
    seq: 0,
    limit,
    heap: new Int32Array(initialCapacity),
    time: new Float64Array(initialCapacity),
    order: new Float64Array(initialCapacity),
    kind: new Uint8Array(initialCapacity),
    a: new Int32Array(initialCapacity),
    b: new Float64Array(initialCapacity),
    free: new Int32Array(initialCapacity),
    freeTop: initialCapacity,
    popTime: 0,
    popKind: 0,
    popA: 0,
    popB: 0,
  };
  for (let i = 0; i < initialCapacity; i++) q.free[i] = initialCapacity - 1 - i;
  return q;
}

/** Schedules an event. */
export function push(q: EventQueue, time: number, kind: number, a: number, b: number): void {
  if (q.freeTop === 0) grow(q);
  const slot = q.free[--q.freeTop]!;
  q.time[slot] = time;
  q.order[slot] = q.seq++;
  q.kind[slot] = kind;
  q.a[slot] = a;
  q.b[slot] = b;
  // Sift up.
  const heap = q.heap, times = q.time, order = q.order;
  let i = q.size++;
  const seq = order[slot]!;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    const p = heap[parent]!;
    const pt = times[p]!;
    if (pt < time || (pt === time && order[p]! < seq)) break;
    heap[i] = p;
    i = parent;
  }
  heap[i] = slot;
}

/** Time of the next event, or Infinity when none is pending. */
export function peekTime(q: EventQueue): number {
  return q.size === 0 ? Infinity : q.time[q.heap[0]!]!;
}

/** Removes the next event into q.popTime/popKind/popA/popB. Returns false when the queue is empty. */
export function pop(q: EventQueue): boolean {
  if (q.size === 0) return false;
  const heap = q.heap, times = q.time, order = q.order;
  const top = heap[0]!;
  q.popTime = times[top]!;
  q.popKind = q.kind[top]!;
  q.popA = q.a[top]!;
  q.popB = q.b[top]!;
  q.free[q.freeTop++] = top;
  const n = --q.size;
  if (n > 0) {
    // Sift the last element down from the root.
    const last = heap[n]!;
    const lt = times[last]!, ls = order[last]!;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      let cs = heap[c]!;
      let ct = times[cs]!;
      const r = c + 1;
      if (r < n) {
        const rs = heap[r]!;
        const rt = times[rs]!;
        if (rt < ct || (rt === ct && order[rs]! < order[cs]!)) { c = r; cs = rs; ct = rt; }
      }
      if (lt < ct || (lt === ct && ls < order[cs]!)) break;
      heap[i] = cs;
      i = c;
    }
    heap[i] = last;
  }
  return true;
}

function grow(q: EventQueue): void {
  const old = q.heap.length;
  if (old >= q.limit) {
    throw new QueueLimitError(
      `The event queue reached its limit of ${q.limit} pending events: the topology schedules work faster than it drains.`,
    );
  }
  const cap = Math.min(old * 2, q.limit);
  q.heap = copy(new Int32Array(cap), q.heap);
  q.time = copy(new Float64Array(cap), q.time);
  q.order = copy(new Float64Array(cap), q.order);
  q.kind = copy(new Uint8Array(cap), q.kind);
  q.a = copy(new Int32Array(cap), q.a);
  q.b = copy(new Float64Array(cap), q.b);
  const free = new Int32Array(cap);
  free.set(q.free.subarray(0, q.freeTop));
  let top = q.freeTop;
  for (let s = cap - 1; s >= old; s--) free[top++] = s;
  q.free = free;
  q.freeTop = top;
}

function copy<T extends Int32Array | Float64Array | Uint8Array>(to: T, from: T): T {
  to.set(from as never);
  return to;
}

/**
 * The event queue: a binary min-heap ordered by (time, sequence), holding events as numbers in typed arrays.
 *
 * An event is (time, kind, a, b): `kind` picks the handler, `a` is usually the component index and `b` an
 * argument (a generation number, a request id). Nothing is allocated per event, ties are broken by insertion order,
 * and the queue is plain data, so it is copied with the rest of the world for snapshots. It grows by doubling up to
 * `limit` events and then refuses loudly instead of eating the machine's memory.
 *
 * Timeouts live in lanes instead of the heap. A client arms a timeout with every request, and nearly all of them
 * outlive their request (the answer comes first), so they would fill the heap: 540,000 of 550,000 pending events in
 * a 10-minute 300-node run. A kind declared with `useLanes` is appended to a lane of its kind, a FIFO whose times
 * never decrease (one timeout length per lane, up to LANES_PER_KIND lengths; a time earlier than every lane's tail
 * goes to the heap as usual). Only a lane's head is in the heap, under the sequence number it was given when pushed,
 * so events pop in exactly the (time, sequence) order they would without lanes. `compactLanes` drops the entries a
 * caller knows will do nothing when they fire (the loop's `dead` checks), so the ones whose requests were answered
 * take no memory and no time.
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
  /** Per slot: 0 for an event pushed to the heap, else 1 + the index of the lane whose head it is. */
  src: Int32Array;
  lanes: Lane[];
  /** Events held in lanes (each lane's head is also in the heap). */
  laneCount: number;
  /** `laneCount` past which the loop compacts the lanes (twice what a compaction left, at least LANES_COMPACT_MIN). */
  compactAt: number;
  /** The last popped event's fields. */
  popTime: number;
  popKind: number;
  popA: number;
  popB: number;
}

/** A FIFO of events of one kind whose times never decrease: a ring of `time.length` (a power of two) entries. */
export interface Lane {
  kind: number;
  head: number;
  size: number;
  time: Float64Array;
  order: Float64Array;
  a: Int32Array;
  b: Float64Array;
}

export class QueueLimitError extends Error {}

/** Kinds whose events go to lanes (see the module comment); set when their handler is registered. */
const laneKinds: boolean[] = [];
const LANES_PER_KIND = 4;
const LANES_COMPACT_MIN = 4096;

/** Puts the events of `kind` in lanes from now on (for timeouts, which are many and mostly never matter). */
export function useLanes(kind: number): void {
  laneKinds[kind] = true;
}

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
    src: new Int32Array(initialCapacity),
    lanes: [],
    laneCount: 0,
    compactAt: LANES_COMPACT_MIN,
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
  const seq = q.seq++;
  if (laneKinds[kind] === true && toLane(q, time, seq, kind, a, b)) return;
  insert(q, time, seq, kind, a, b, 0);
}

/** Appends the event to a lane of its kind whose tail is not later, or starts one; false when none may take it. */
function toLane(q: EventQueue, time: number, seq: number, kind: number, a: number, b: number): boolean {
  const lanes = q.lanes;
  let ofKind = 0;
  for (let i = 0; i < lanes.length; i++) {
    const l = lanes[i]!;
    if (l.kind !== kind) continue;
    ofKind++;
    if (l.size > 0 && l.time[(l.head + l.size - 1) & (l.time.length - 1)]! > time) continue;
    append(q, l, i, time, seq, a, b);
    return true;
  }
  if (ofKind >= LANES_PER_KIND) return false;
  const cap = 64;
  lanes.push({ kind, head: 0, size: 0, time: new Float64Array(cap), order: new Float64Array(cap), a: new Int32Array(cap), b: new Float64Array(cap) });
  append(q, lanes[lanes.length - 1]!, lanes.length - 1, time, seq, a, b);
  return true;
}

function append(q: EventQueue, l: Lane, index: number, time: number, seq: number, a: number, b: number): void {
  if (l.size === l.time.length) growLane(l);
  const i = (l.head + l.size) & (l.time.length - 1);
  l.time[i] = time;
  l.order[i] = seq;
  l.a[i] = a;
  l.b[i] = b;
  l.size++;
  q.laneCount++;
  if (l.size === 1) insert(q, time, seq, l.kind, a, b, index + 1);
}

function growLane(l: Lane): void {
  const cap = l.time.length * 2;
  const time = new Float64Array(cap), order = new Float64Array(cap), a = new Int32Array(cap), b = new Float64Array(cap);
  const mask = l.time.length - 1;
  for (let k = 0; k < l.size; k++) {
    const i = (l.head + k) & mask;
    time[k] = l.time[i]!;
    order[k] = l.order[i]!;
    a[k] = l.a[i]!;
    b[k] = l.b[i]!;
  }
  l.time = time;
  l.order = order;
  l.a = a;
  l.b = b;
  l.head = 0;
}

/** Puts an event in the heap under sequence number `seq`. */
function insert(q: EventQueue, time: number, seq: number, kind: number, a: number, b: number, src: number): void {
  if (q.freeTop === 0) grow(q);
  const slot = q.free[--q.freeTop]!;
  q.time[slot] = time;
  q.order[slot] = seq;
  q.kind[slot] = kind;
  q.a[slot] = a;
  q.b[slot] = b;
  q.src[slot] = src;
  // Sift up.
  const heap = q.heap, times = q.time, order = q.order;
  let i = q.size++;
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

/**
 * Drops the lane entries for which `dead` holds, but each lane's head (it is in the heap). `dead` must stay true
 * once true for an entry (a request once answered stays answered), so dropping it early changes nothing.
 */
export function compactLanes(q: EventQueue, dead: (kind: number, a: number, b: number) => boolean): void {
  let count = 0;
  for (const l of q.lanes) {
    const mask = l.time.length - 1;
    let kept = Math.min(l.size, 1);
    for (let k = 1; k < l.size; k++) {
      const i = (l.head + k) & mask;
      if (dead(l.kind, l.a[i]!, l.b[i]!)) continue;
      const j = (l.head + kept++) & mask;
      if (j !== i) {
        l.time[j] = l.time[i]!;
        l.order[j] = l.order[i]!;
        l.a[j] = l.a[i]!;
        l.b[j] = l.b[i]!;
      }
    }
    l.size = kept;
    count += kept;
  }
  q.laneCount = count;
  q.compactAt = Math.max(LANES_COMPACT_MIN, 2 * count);
}

/** Events pending, in the heap and in lanes. */
export function pendingCount(q: EventQueue): number {
  let heads = 0;
  for (const l of q.lanes) if (l.size > 0) heads++;
  return q.size + q.laneCount - heads;
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
  const src = q.src[top]!;
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
  if (src > 0) {
    // A lane's head: the lane's next entry takes its place in the heap.
    const l = q.lanes[src - 1]!;
    l.head = (l.head + 1) & (l.time.length - 1);
    l.size--;
    q.laneCount--;
    if (l.size > 0) insert(q, l.time[l.head]!, l.order[l.head]!, l.kind, l.a[l.head]!, l.b[l.head]!, src);
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
  q.src = copy(new Int32Array(cap), q.src);
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

/**
 * The trace: what happened, as a bounded ring of compact entries. It feeds the event log, the message life lines
 * and the spacetime diagram. Old entries fall off the ring; the checkers never depend on it (they keep their own
 * incremental state), so a long run stays correct while its trace keeps only the recent past.
 */

import type { World } from '../world.ts';

/** A trace kind's number; kinds are declared by name (`defineTraceKinds`) in the module that records them. */
export type TraceKind = number;

/** How one entry reads in the event log. */
export interface Described {
  text: string;
  /** The message the entry is about, for linking to its story. */
  message?: number;
  /** The subscription (consumer group) the entry is about, by name. */
  group?: string;
  /** Where it happened, when not the entry's own host (a fault is placed at its target). */
  node?: string;
  /** The entry is not about a place (a partition or queue): the log row names none. */
  placeless?: boolean;
}

/** What the event log needs to read an entry: its host's and place's names. */
export interface DescribeContext {
  node: string;
  place: string | undefined;
}

export interface TraceKindInfo {
  name: string;
  /** Its entries name a message (the event log can look for a message's entries among these only). */
  namesMessage?: boolean;
  describe: (w: World, e: TraceEntry, at: DescribeContext) => Described;
}

const infos: TraceKindInfo[] = [];
const byName = new Map<string, number>();

/**
 * Declares trace kinds by name, each with how its entries read in words; returns their numbers (at most 255 kinds
 * in all, the ring stores them in a byte).
 * @example export const KT = defineTraceKinds({ append: { describe: (w, e, at) => ({ text: `${at.node} appended` }) } });
 */
export function defineTraceKinds<const N extends string>(kinds: { readonly [K in N]: Omit<TraceKindInfo, 'name'> }): { readonly [K in N]: TraceKind } {
  const out = {} as Record<N, number>;
  for (const name of Object.keys(kinds) as N[]) {
    if (byName.has(name)) throw new Error(`trace kind '${name}' declared twice`);
    const kind = infos.length + 1;
    if (kind > 255) throw new Error('more than 255 trace kinds');
    infos[kind] = { name, ...kinds[name] };
    byName.set(name, kind);
    out[name] = kind;
  }
  return out;
}

/** The declaration of a trace kind, if any. */
export function traceKindInfo(kind: number): TraceKindInfo | undefined {
  return infos[kind];
}

/** The number of the trace kind named `name`, if declared. */
export function traceKindNamed(name: string): number | undefined {
  return byName.get(name);
}

/** The names of every trace kind declared so far (by the modules loaded), in declaration order. */
export function traceKindNames(): string[] {
  return [...byName.keys()];
}

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

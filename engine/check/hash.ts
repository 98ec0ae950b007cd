/**
 * A fingerprint of a run's history: every message (key, type, partition, time, flags), every log, every committed
 * offset, the trace still held, and the counters. Two runs agree on it exactly when they did the same thing, which is
 * how determinism is tested in Node and in the browser.
 */
import { causationOf, flagsOf, keyOf, partitionOf, producedAtOf, typeOf } from '../history/messages.ts';
import { traceKindInfo } from '../history/trace.ts';
import { hashString } from '../sim/random.ts';
import { FAMILIES } from '../components.ts';
import type { World } from '../world.ts';

/**
 * Trace kinds are numbered as their modules load, which can differ between the Node and the browser bundles: the
 * hash mixes a code of each kind's name instead, so the same run hashes the same everywhere.
 */
const codes: number[] = [];
function kindCode(kind: number): number {
  return (codes[kind] ??= hashString(traceKindInfo(kind)?.name ?? String(kind)));
}

export function hashWorld(w: World): string {
  let h1 = 0x811c9dc5, h2 = 0x01000193;
  const mix = (x: number) => {
    // Doubles are mixed through both 32-bit halves of their value, so 1.5 and 1 differ.
    const lo = x | 0;
    const hi = Math.floor(x / 4294967296) | 0;
    h1 = Math.imul(h1 ^ lo, 0x01000193);
    h1 = Math.imul(h1 ^ hi, 0x01000193);
    h2 = Math.imul(h2 ^ (lo + 0x9e3779b9), 0x85ebca6b) ^ (h2 >>> 13);
    h2 = Math.imul(h2 ^ hi, 0xc2b2ae35);
    if (x !== Math.floor(x)) mix(Math.round((x - Math.floor(x)) * 1e9));
  };
  mix(w.now);
  mix(w.events);
  const m = w.messages;
  mix(m.count);
  for (let i = 1; i < m.count; i++) {
    mix(keyOf(m, i));
    mix(typeOf(m, i));
    mix(partitionOf(m, i));
    mix(producedAtOf(m, i));
    mix(flagsOf(m, i));
    mix(causationOf(m, i));
  }
  for (const f of FAMILIES) f.hash?.(w, mix);
  const t = w.trace;
  const start = Math.max(0, t.written - t.capacity);
  for (let s = start; s < t.written; s++) {
    const i = s % t.capacity;
    mix(t.time[i]!);
    mix(kindCode(t.kind[i]!));
    mix(t.node[i]!);
    mix(t.part[i]!);
    mix(t.a[i]!);
    mix(t.b[i]!);
    mix(t.c[i]!);
  }
  const mt = w.metrics;
  for (const x of [mt.produced, mt.acknowledged, mt.appended, mt.delivered, mt.processed, mt.committed, mt.checkoutsOk, mt.checkoutsFailed]) mix(x);
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}

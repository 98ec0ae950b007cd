/**
 * Injecting a fault: the kernel schedules it, resolves its target through the families (each says what a name means
 * in it), and has the owning family act: what a crash, a restart, a slowdown or a poison message does is the
 * family's to say. Network faults act on the hosts a target stands for.
 */
import { FAMILIES } from '../components.ts';
import type { FaultTarget, Family } from '../family.ts';
import { T } from '../history/kinds.ts';
import { record } from '../history/trace.ts';
import { after, eventKinds, on } from '../sim/loop.ts';
import { heal, partition, setLinkFault } from '../sim/network.ts';
import type { World } from '../world.ts';
import { formatFault } from './parse.ts';
import type { Fault } from './types.ts';

const FE = eventKinds(['fault']); // a=index in the fault schedule

/** Schedules a fault to fire at its time (or now, if that is past). */
export function schedule(w: World, f: Fault): void {
  const i = w.faults.schedule.length;
  w.faults.schedule.push(f);
  w.faults.fired.push(false);
  w.faults.cancelled.push(false);
  after(w, Math.max(0, f.at - w.now), FE.fault, i, 0);
}

/** Takes a scheduled fault that has not fired off the schedule; false when there is none such. */
export function unschedule(w: World, index: number): boolean {
  if (index < 0 || w.faults.fired[index] || w.faults.cancelled[index]) return false;
  w.faults.cancelled[index] = true;
  return true;
}

on<World>(FE.fault, 'fault', (w, i) => {
  if (w.faults.cancelled[i]) return;
  w.faults.fired[i] = true;
  applyFault(w, w.faults.schedule[i]!);
});

/** Applies a fault now; the result says what it did or why it could not. */
export function applyFault(w: World, f: Fault): { ok: boolean; note: string } {
  const r = apply(w, f);
  const ok = !r.startsWith('!');
  const note = ok ? r : r.slice(1);
  w.faults.applied.push({ fault: f, at: w.now, note, ok });
  record(w.trace, w.now, T.fault, -1, -1, w.faults.applied.length - 1, ok ? 1 : 0, 0);
  return { ok, note };
}

/** What a name means: the first family that knows it, a reason it is wrong, or a sentence saying nothing has it. */
export function resolveTarget(w: World, name: string): { family: Family; target: FaultTarget } | string {
  for (const family of FAMILIES) {
    const t = family.target?.(w, name);
    if (typeof t === 'string') return t;
    if (t) return { family, target: t };
  }
  return `nothing is named '${name}': use a node id (as in the text), Kafka/2 for one broker, or leader:<topic>/<partition>`;
}

/** Network hosts a name stands for (a cluster: its brokers and controller). */
export function hostsOf(w: World, name: string): number[] | string {
  const r = resolveTarget(w, name);
  if (typeof r === 'string') return r;
  return r.family.hosts?.(w, r.target, name) ?? [];
}

function networkChanged(w: World): void {
  for (const family of FAMILIES) family.networkChanged?.(w);
}

function apply(w: World, f: Fault): string {
  const described = formatFault(f).replace(/^\S+\s+/, '');
  switch (f.action) {
    case 'partition': {
      const sides: number[][] = [];
      for (const side of f.sides) {
        const hosts: number[] = [];
        for (const name of side) {
          const h = hostsOf(w, name);
          if (typeof h === 'string') return `!${h}`;
          hosts.push(...h);
        }
        sides.push(hosts);
      }
      partition(w.net, sides);
      networkChanged(w);
      return `network split: ${f.sides.map((s) => s.join(', ')).join(' | ')}`;
    }
    case 'heal':
      heal(w.net);
      networkChanged(w);
      return 'network healed';
    case 'latency':
    case 'loss':
    case 'cut': {
      const a = hostsOf(w, f.between[0]);
      const b = hostsOf(w, f.between[1]);
      if (typeof a === 'string') return `!${a}`;
      if (typeof b === 'string') return `!${b}`;
      if (f.action === 'latency') setLinkFault(w.net, a, b, { latencyUs: f.latencyUs });
      else if (f.action === 'loss') setLinkFault(w.net, a, b, { loss: f.probability });
      else setLinkFault(w.net, a, b, { cut: true });
      if (f.action === 'cut') networkChanged(w);
      return described;
    }
    case 'reset-offsets':
    case 'add-partitions': {
      for (const family of FAMILIES) {
        const note = family.perform?.(w, f);
        if (note !== undefined) return note;
      }
      return f.action === 'reset-offsets' ? `!no consumer group named ${f.group}` : `!no Kafka topic named ${f.topic}`;
    }
    default: {
      // A family may perform a fault on a node another family owns (the outbox family arms a service's crash
      // between its two writes); every other fault goes to the family that owns its target.
      for (const family of FAMILIES) {
        const note = family.performs?.includes(f.action) ? family.perform?.(w, f) : undefined;
        if (note !== undefined) return note;
      }
      const r = resolveTarget(w, f.target);
      if (typeof r === 'string') return `!${r}`;
      const note = r.family.act?.(w, r.target, f) ?? `!${f.action} cannot be applied to ${r.target.label}`;
      return note === '' ? described : note;
    }
  }
}

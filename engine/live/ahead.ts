/**
 * The faults a run meets after its current moment. Some are on the world's schedule already; others are recorded
 * later in the run's timeline (injected live, or scheduled once the run was past this moment), and a replay meets
 * them there. A fork keeps all of them, so the forked run differs from the old one only by the learner's change.
 */
import { formatFault } from '../faults/parse.ts';
import type { Fault } from '../faults/types.ts';
import type { World } from '../world.ts';

/** The fault commands of a timeline (see session.ts), as far as this needs them. */
export type FaultCommand =
  | { kind: 'fault'; fault: Fault; atUs: number }
  | { kind: 'schedule'; fault: Fault }
  | { kind: 'unschedule'; index: number }
  | { kind: 'config' };

export interface FaultsAhead {
  /** Faults to put on the schedule now: each fires at its own moment, as it did in the recorded future. */
  schedule: Fault[];
  /** Indices in the world's schedule of faults the recorded future takes off before they fire. */
  unschedule: number[];
}

/**
 * What `later` (the commands recorded after the world's moment, in order) does to the faults ahead. The world's
 * schedule grows by one entry per 'schedule' command, so the k-th of them in `later` had index
 * `w.faults.schedule.length + k`; one taken off again later cancels out.
 */
export function faultsAhead(w: World, later: readonly FaultCommand[]): FaultsAhead {
  const base = w.faults.schedule.length;
  const cancelled = new Set(later.flatMap((c) => (c.kind === 'unschedule' ? [c.index] : [])));
  const schedule: Fault[] = [];
  const unschedule: number[] = [];
  let index = base;
  for (const c of later) {
    if (c.kind === 'fault') schedule.push({ ...c.fault, at: c.atUs });
    else if (c.kind === 'schedule' && !cancelled.has(index++)) schedule.push(c.fault);
    else if (c.kind === 'unschedule' && c.index < base) unschedule.push(c.index);
  }
  return { schedule, unschedule };
}

/** The lines (`20s crash Kafka/2`) of every fault the run still meets from its moment, in time order. */
export function pendingLines(w: World, ahead: FaultsAhead): string[] {
  const { schedule, fired, cancelled } = w.faults;
  const off = new Set(ahead.unschedule);
  const onSchedule = schedule.filter((_, i) => !fired[i] && !cancelled[i] && !off.has(i));
  // A stable sort: faults due at the same moment keep schedule order, as the engine fires them.
  return [...onSchedule, ...ahead.schedule].sort((a, b) => a.at - b.at).map(formatFault);
}

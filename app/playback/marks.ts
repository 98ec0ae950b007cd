/**
 * The faults of a run as the timeline and the fault list draw them: applied ones (with the engine's note, and
 * whether it could apply them) and scheduled ones still ahead, in time order.
 */
import type { Frame } from '../../engine/index.ts';
import { readScheduled } from '../sim/schedule.ts';

export interface FaultMark {
  atUs: number;
  /** The line, e.g. `10s crash Kafka/2`. */
  text: string;
  state: 'applied' | 'refused' | 'due' | 'next-run';
  /** What the engine said when applying it. */
  note?: string;
}

/**
 * Marks for the faults `frame` has applied so far and for the schedule's others: `due` when the run still has them
 * to fire (or they are ahead of its moment), `next-run` when the run is past their moment without them.
 */
export function faultMarks(frame: Pick<Frame, 'faults' | 'timeUs' | 'pending'> | null, schedule: readonly string[]): FaultMark[] {
  const marks: FaultMark[] = [];
  const applied = new Set<string>();
  for (const f of frame?.faults ?? []) {
    applied.add(f.text);
    marks.push({ atUs: f.atUs, text: f.text, state: f.ok ? 'applied' : 'refused', note: f.note });
  }
  for (const line of schedule) {
    const s = readScheduled(line);
    if (typeof s === 'string' || applied.has(s.line)) continue;
    // Due: on this run's schedule still to fire (or no run yet); otherwise only the next run will meet it.
    marks.push({ atUs: s.atUs, text: s.line, state: !frame || frame.pending.includes(s.line) || s.atUs > frame.timeUs ? 'due' : 'next-run' });
  }
  return marks.sort((a, b) => a.atUs - b.atUs);
}

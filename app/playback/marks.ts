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
 * Marks for the faults `frame` has applied so far and for the schedule's others: `due` when still ahead of the
 * current moment, `next-run` when the run is past their moment without them (they were added later).
 */
export function faultMarks(frame: Pick<Frame, 'faults' | 'timeUs'> | null, schedule: readonly string[]): FaultMark[] {
  const marks: FaultMark[] = [];
  const applied = new Set<string>();
  for (const f of frame?.faults ?? []) {
    applied.add(f.text);
    marks.push({ atUs: f.atUs, text: f.text, state: f.ok ? 'applied' : 'refused', note: f.note });
  }
  for (const line of schedule) {
    const s = readScheduled(line);
    if (typeof s === 'string' || applied.has(s.line)) continue;
    marks.push({ atUs: s.atUs, text: s.line, state: !frame || s.atUs > frame.timeUs ? 'due' : 'next-run' });
  }
  return marks.sort((a, b) => a.atUs - b.atUs);
}

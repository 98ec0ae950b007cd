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
 * Marks for the faults `frame` has applied so far, the ones the run still meets (`pending`: on its schedule, or
 * injected later in its recorded future) as `due`, and the schedule's others as `next-run`: the run is past their
 * moment without them, or never had them.
 */
export function faultMarks(frame: Pick<Frame, 'faults' | 'timeUs' | 'pending'> | null, schedule: readonly string[]): FaultMark[] {
  const marks: FaultMark[] = [];
  const listed = new Set<string>();
  for (const f of frame?.faults ?? []) {
    listed.add(f.text);
    marks.push({ atUs: f.atUs, text: f.text, state: f.ok ? 'applied' : 'refused', note: f.note });
  }
  for (const line of frame?.pending ?? []) {
    const s = readScheduled(line);
    if (typeof s === 'string' || listed.has(s.line)) continue;
    listed.add(s.line);
    marks.push({ atUs: s.atUs, text: s.line, state: 'due' });
  }
  for (const line of schedule) {
    const s = readScheduled(line);
    if (typeof s === 'string' || listed.has(s.line)) continue;
    marks.push({ atUs: s.atUs, text: s.line, state: frame ? 'next-run' : 'due' });
  }
  return marks.sort((a, b) => a.atUs - b.atUs);
}

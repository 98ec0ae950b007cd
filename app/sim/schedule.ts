/**
 * The fault schedule the learner builds in the fault timeline: lines such as `20s crash Kafka/2`. Every run starts
 * with the whole schedule (the engine applies it, and replays it exactly when scrubbing). A fault added while a run
 * is on, at a moment still ahead, goes on that run's schedule in the worker too, and fires there at its moment.
 */
import { formatFault, parseFault } from '../../engine/ui.ts';

export interface Scheduled {
  atUs: number;
  /** The line without its time, as `inject` takes it: `crash Kafka/2`. */
  action: string;
  line: string;
}

/** Reads a schedule line, or returns what is wrong with it (in the engine's words). */
export function readScheduled(line: string): Scheduled | string {
  const f = parseFault(line);
  if (typeof f === 'string') return f;
  // Written back the engine's way, so the line matches the applied fault's text in frames (`12500ms crash X`).
  const canonical = formatFault(f);
  return { atUs: f.at, action: canonical.slice(canonical.indexOf(' ') + 1), line: canonical };
}

/** The schedule in time order (stable for equal times, as the engine applies them). */
export function sortSchedule(lines: readonly string[]): string[] {
  const at = (l: string) => {
    const s = readScheduled(l);
    return typeof s === 'string' ? Infinity : s.atUs;
  };
  return lines.map((l, i) => [l, at(l), i] as const).sort((a, b) => a[1] - b[1] || a[2] - b[2]).map(([l]) => l);
}

/** A schedule from outside (a share link): each line written the engine's way, unreadable ones left out, in time order. */
export function readSchedule(lines: readonly string[]): string[] {
  return sortSchedule(lines.flatMap((l) => {
    const s = readScheduled(l);
    return typeof s === 'string' ? [] : [s.line];
  }));
}

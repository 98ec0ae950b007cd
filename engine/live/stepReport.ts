/**
 * What one step of the playback did, for the learner who pressed "step one event" or "step to the next hop": the
 * events it ran, by name, and what the trace recorded meanwhile, in words. Without it a step only moved the clock.
 */
import { entries } from '../history/trace.ts';
import { kindName } from '../sim/loop.ts';
import type { World } from '../world.ts';
import { describeEntry } from './queries.ts';
import type { StepReport } from './types.ts';

/** Most trace entries a report carries (a hop seldom records more than a few). */
const ENTRIES_MAX = 12;

/** The name of the event due next, or null when none is. */
export function nextEventName(w: World): string | null {
  const q = w.queue;
  return q.size > 0 ? kindName(q.kind[q.heap[0]!]!) : null;
}

/** The report of a step that ran `events` and left the trace `written` entries further on than `from`. */
export function stepReport(w: World, events: string[], from: number): StepReport {
  const recorded = entries(w.trace, Math.max(from, w.trace.written - ENTRIES_MAX));
  return { atUs: w.now, events, entries: recorded.map((e) => describeEntry(w, e)), more: Math.max(0, w.trace.written - from - recorded.length) };
}

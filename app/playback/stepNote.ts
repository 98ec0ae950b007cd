/**
 * A step in words: "Stepped one event to 3.005 s: records processed", or "Stepped 4 events to the next hop (3.010 s),
 * the last one records delivered". The event log's lines for the step follow it in the bar.
 */
import type { StepReport } from '../../engine/index.ts';
import { clockText } from '../sim/faultLines.ts';

export function stepHeadline(r: StepReport): string {
  const n = r.events.length;
  if (n === 0) return `Nothing left to run at ${clockText(r.atUs)}: no event is due.`;
  if (n === 1) return `Stepped one event to ${clockText(r.atUs)}: ${r.events[0]}.`;
  return `Stepped ${n.toLocaleString('en')} events to ${clockText(r.atUs)}, the last one ${r.events[n - 1]}.`;
}

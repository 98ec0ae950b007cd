/**
 * What the learner is told when the engine's worker was replaced: that nothing they wrote is lost, and whether a
 * simulation ended with it. A load that was abandoned says so in the error banner itself; this adds only the run.
 */
import type { Restart } from './workerLink.ts';

const runEnded = 'The simulation that was running ended with it: press play to start it again.';

/** The notice for a restart, or null when there is nothing to add. `simulating`: a run was going on in the worker. */
export function restartNotice(r: Restart, simulating: boolean): string | null {
  if (r.broken) return `EventLab's engine cannot start (${r.reason}), so nothing can be drawn or simulated: reload the page. Your text is kept.`;
  if (r.kind === 'abandoned') return simulating ? `EventLab restarted its engine because ${r.reason}. ${runEnded}` : null;
  return `EventLab's engine stopped (${r.reason}) and was restarted. Nothing you wrote is lost.${simulating ? ` ${runEnded}` : ''}`;
}

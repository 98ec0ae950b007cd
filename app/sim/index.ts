/**
 * The app's player, wired to the engine worker and the live store.
 */
import { engine } from '../engine/client.ts';
import { appStore } from '../state/store.ts';
import { liveStore } from './liveStore.ts';
import { createPlayer } from './player.ts';
import { readSchedule } from './schedule.ts';

export const player = createPlayer({
  sim: engine.sim,
  store: liveStore,
  raf: (cb) => requestAnimationFrame(cb),
  cancelRaf: (id) => cancelAnimationFrame(id),
  now: () => performance.now(),
});

export { liveStore, useLive } from './liveStore.ts';

// A run belongs to the workspace it was started in: opening another one (a workspace, an example, a share link, a
// lesson) ends it, so the canvas shows the new drawing and the worker frees the old run's snapshots.
appStore.subscribe((s, prev) => {
  if (s.workspace.id === prev.workspace.id) return;
  if (liveStore.getState().status !== 'off') player.stop();
  // The scheduled faults and the highlighted nodes name the old drawing's nodes.
  liveStore.setState({ schedule: [], highlight: null });
});

/** A share link's run: the next run of the workspace it opened starts with its seed and its fault schedule. */
export function openSharedRun(run: { seed: number; faults: readonly string[] }): void {
  liveStore.setState({ seed: run.seed, schedule: readSchedule(run.faults) });
}

/**
 * The app's player, wired to the engine worker and the live store.
 */
import { engine } from '../engine/client.ts';
import { liveStore } from './liveStore.ts';
import { createPlayer } from './player.ts';

export const player = createPlayer({
  sim: engine.sim,
  store: liveStore,
  raf: (cb) => requestAnimationFrame(cb),
  cancelRaf: (id) => cancelAnimationFrame(id),
  now: () => performance.now(),
});

export { liveStore, useLive } from './liveStore.ts';

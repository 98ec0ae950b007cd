/**
 * The learner's playback commands, wired to the app's text and the player: the first play starts a run from the
 * last good text; reset starts it over; a fault clicked before any run starts one (paused at 0) to land in.
 */
import { liveStore, player } from '../sim/index.ts';
import { appStore } from '../state/store.ts';
import { structureOf } from './structure.ts';

/** Simulated time one press of "step back" goes back. */
export const STEP_BACK_US = 1_000_000;

const running = () => {
  const s = liveStore.getState().status;
  return s === 'paused' || s === 'playing';
};

/** Starts a run of the current good text at time 0, paused. Returns whether it started. */
export async function startRun(): Promise<boolean> {
  const good = appStore.getState().good;
  if (!good) return false;
  await player.start(good.text);
  const ok = running();
  liveStore.setState({ startedStructure: ok ? structureOf(good.topology) : null });
  return ok;
}

/** Play or pause; the first play starts the run. */
export async function togglePlay(): Promise<void> {
  if (running()) player.toggle();
  else if (await startRun()) player.play();
}

/** Starts over from time 0 with the current text, seed and schedule, playing on if it was playing. */
export async function resetRun(): Promise<void> {
  const wasPlaying = liveStore.getState().status === 'playing';
  if ((await startRun()) && wasPlaying) player.play();
}

/** Applies the edited text's settings from the current moment on (a fork when scrubbed back). */
export async function forkWithText(): Promise<{ ok: boolean; note: string }> {
  const good = appStore.getState().good;
  if (!good) return { ok: false, note: 'the text has errors' };
  const r = await player.changeSettings(good.text);
  if (r.ok) liveStore.setState({ startedStructure: structureOf(good.topology) });
  return r;
}

/** Injects a fault now, starting a run first if none is on. The engine's note says what happened. */
export async function injectNow(line: string): Promise<{ ok: boolean; note: string }> {
  if (!running() && !(await startRun())) return { ok: false, note: 'the simulation could not start' };
  const r = await player.inject(line);
  if (!r.ok) appStore.getState().setNotice({ tone: 'error', text: `${line}: ${r.note}` });
  return r;
}

/** Steps one event or one message hop, starting a run first if none is on. */
export async function stepRun(kind: 'event' | 'hop'): Promise<void> {
  if (running() || (await startRun())) await player.step(kind);
}

export async function stepBack(): Promise<void> {
  if (running()) await player.stepBack(STEP_BACK_US);
}

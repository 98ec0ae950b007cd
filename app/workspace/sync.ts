/**
 * Keeps the drawing in step with the text: after each change (a short pause for typing) the worker parses and lays
 * out the text, and the answer lands in the store if the text is still the same.
 */
import type { EngineClient } from '../engine/client.ts';
import type { AppState, AppStore } from '../state/store.ts';

/** How long typing must pause before the text is parsed: short enough that the canvas follows within 100 ms of a
 * pause, long enough that a burst of keys costs one parse. (The error banner waits longer, see Banners.css.) */
export const TYPING_SETTLE_MS = 25;

const unpinned = (s: AppState, prev: AppState) =>
  s.positions !== prev.positions && Object.keys(prev.positions).some((id) => !(id in s.positions));

/** Starts syncing; returns the function that stops it. */
export function startSync(store: AppStore, client: Pick<EngineClient, 'load'>): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = async () => {
    timer = undefined;
    const { text, positions } = store.getState();
    const answer = await client.load(text, positions);
    if (answer) store.getState().applyLoad(text, answer.result, answer.ms);
  };
  const schedule = (delay: number) => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(), delay);
  };
  const unsubscribe = store.subscribe((s, prev) => {
    const typing = s.lastCoalesce?.key === 'typing';
    if (s.text !== prev.text) schedule(typing ? TYPING_SETTLE_MS : 0);
    else if (s.workspace !== prev.workspace || unpinned(s, prev)) schedule(0);
  });
  schedule(0);
  return () => {
    clearTimeout(timer);
    unsubscribe();
  };
}

/**
 * Saving as the page goes away. Autosave waits for a pause in typing, and a reload or a closed tab can come sooner.
 * A save reads the stored version before it writes, and a page being unloaded may never get that answer (measured
 * in Chromium: a read started in `pagehide` of a reload never answers; one in `beforeunload` sometimes does not, on
 * a busy page), so at `beforeunload` and `pagehide` the changes are first stashed by a write that needs no answer,
 * and saved in place at the next visit if the save did not finish. `visibilitychange` to hidden (a tab switched
 * away from; mobile browsers may skip the others) saves the usual way. With changes that could not be stored and
 * were not exported, the browser asks the learner before leaving.
 */
import type { Saver } from './saver.ts';

export interface LeaveTargets {
  window: EventTarget;
  document: EventTarget & { readonly visibilityState: string };
}

/** Starts saving on the way out; returns the function that stops it. */
export function saveOnLeave(saver: Pick<Saver, 'flush' | 'flushLeaving' | 'holdsUnsaved'>, targets: LeaveTargets = { window, document }): () => void {
  const save = () => void saver.flushLeaving();
  const onBeforeUnload = (e: Event) => {
    // Asked before the save: a retry that fails again would otherwise go unannounced as the page closes.
    const atRisk = saver.holdsUnsaved();
    save();
    if (!atRisk) return;
    e.preventDefault();
    // Older browsers show the prompt only for a returnValue.
    if (typeof BeforeUnloadEvent !== 'undefined' && e instanceof BeforeUnloadEvent) e.returnValue = true;
  };
  const onVisibility = () => {
    if (targets.document.visibilityState === 'hidden') void saver.flush();
  };
  targets.window.addEventListener('beforeunload', onBeforeUnload);
  targets.window.addEventListener('pagehide', save);
  targets.document.addEventListener('visibilitychange', onVisibility);
  return () => {
    targets.window.removeEventListener('beforeunload', onBeforeUnload);
    targets.window.removeEventListener('pagehide', save);
    targets.document.removeEventListener('visibilitychange', onVisibility);
  };
}

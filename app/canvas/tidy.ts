/**
 * Tidy layout: every node goes back to where the automatic layout puts it, as one undo step. Dragged and dropped
 * nodes keep their spots otherwise, so a drawing built by clicks and drops can end up anywhere.
 */
import { appStore, type AppStore } from '../state/store.ts';

/** Forgets every pinned position (one undoable edit) and frames the result once it is drawn. */
export function tidyLayout(fit: () => void, store: AppStore = appStore): void {
  const s = store.getState();
  if (Object.keys(s.positions).length > 0) s.edit({ positions: {} });
  requestAnimationFrame(() => requestAnimationFrame(fit));
}

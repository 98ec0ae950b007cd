/**
 * Undo and redo from anywhere in the app. The text editor handles its own keys (and marks them handled); form
 * fields keep the browser's undo for what is typed in them.
 */
import { useEffect } from 'react';
import { appStore } from '../state/store.ts';

const isField = (el: EventTarget | null) =>
  el instanceof HTMLElement && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));

export function useGlobalKeys() {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isField(e.target) || !(e.ctrlKey || e.metaKey) || e.altKey) return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) appStore.getState().undo();
      else if ((key === 'z' && e.shiftKey) || key === 'y') appStore.getState().redo();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/**
 * Undo and redo from anywhere in the app, the text editor included (it has no history of its own). Form fields
 * keep the browser's undo for what is typed in them.
 */
import { useEffect } from 'react';
import { appStore } from '../state/store.ts';

const isField = (el: EventTarget | null) => el instanceof HTMLElement && ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName);

export function useGlobalKeys() {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isField(e.target) || !(e.ctrlKey || e.metaKey) || e.altKey) return;
      // Shift+Z arrives as 'Z' or, from some keyboards and drivers, as 'z' with shiftKey set.
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

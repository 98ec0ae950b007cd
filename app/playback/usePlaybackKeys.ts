/**
 * Space plays and pauses from anywhere except where Space types or presses: the text editor, form fields and
 * buttons (which Space activates itself).
 */
import { useEffect } from 'react';
import { togglePlay } from './actions.ts';

const ownsSpace = (el: EventTarget | null) =>
  el instanceof HTMLElement && (el.isContentEditable || el.closest('.cm-editor, input, textarea, select, button, [role="slider"], [role="tab"]') !== null);

export function usePlaybackKeys() {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== ' ' || e.defaultPrevented || e.repeat || e.ctrlKey || e.metaKey || e.altKey || ownsSpace(e.target)) return;
      e.preventDefault();
      void togglePlay();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/**
 * What the app's popovers (a counter's findings, Find a failure) share: placed against what opened them on the side
 * with more room, and closed by Escape.
 */
import { useEffect } from 'react';

/** The box a popover is placed against: its left edge, and the top and bottom it must not cover. */
export interface Against {
  left: number;
  top: number;
  bottom: number;
}

/**
 * Places `el` (fixed, `width` wide) against `r`, above it or below it, whichever has more room (the play bar and the
 * counters sit low on the screen), inside the window, at most `maxHeight` tall.
 */
export function placeAgainst(el: HTMLElement, r: Against, width: number, maxHeight = Infinity): void {
  const above = r.top - 8;
  const below = innerHeight - r.bottom - 8;
  el.style.left = `${Math.max(8, Math.min(r.left, innerWidth - width - 8))}px`;
  if (above > below) el.style.bottom = `${innerHeight - r.top + 6}px`;
  else el.style.top = `${r.bottom + 6}px`;
  el.style.maxHeight = `${Math.min(maxHeight, Math.max(above, below) - 6)}px`;
}

/** Calls `onClose` when Escape is pressed anywhere, while the component is mounted. */
export function useEscape(onClose: () => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [onClose]);
}

/**
 * The handle between the text and the canvas: drag it (or focus it and use the arrow keys) to give either more
 * room. The width is a CSS variable on the app's root, so dragging re-renders nothing.
 */
import { useResizeHandle } from './useResizeHandle.ts';

const MIN = 300;
const maxWidth = () => Math.max(MIN, Math.round(window.innerWidth * 0.55));
const clamp = (w: number) => Math.min(maxWidth(), Math.max(MIN, Math.round(w)));

export function Splitter() {
  const { ref, onPointerDown, onKeyDown, aria } = useResizeHandle({
    scope: '.app',
    variable: '--left-width',
    measured: '.app-left',
    axis: 'x',
    storageKey: 'eventlab.leftWidth',
    clamp,
    fallback: 440,
    range: () => [MIN, maxWidth()],
  });
  return (
    <div
      ref={ref}
      className="splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label="Resize the text panel"
      tabIndex={0}
      {...aria}
      data-testid="splitter"
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
    />
  );
}

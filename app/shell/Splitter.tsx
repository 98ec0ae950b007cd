/**
 * The handle between the text and the canvas: drag it (or focus it and use the arrow keys) to give either more
 * room. The width is a CSS variable on the app's root, so dragging re-renders nothing.
 */
import { useEffect, useRef, type KeyboardEvent, type PointerEvent } from 'react';

const STORAGE_KEY = 'eventlab.leftWidth';
const MIN = 300;
const maxWidth = () => Math.max(MIN, Math.round(window.innerWidth * 0.55));
const clamp = (w: number) => Math.min(maxWidth(), Math.max(MIN, Math.round(w)));

export function Splitter() {
  const handle = useRef<HTMLDivElement>(null);
  const root = () => handle.current?.closest<HTMLElement>('.app') ?? null;
  const apply = (width: number) => root()?.style.setProperty('--left-width', `${clamp(width)}px`);
  const current = () => root()?.querySelector('.app-left')?.getBoundingClientRect().width ?? 440;
  const save = () => localStorage.setItem(STORAGE_KEY, String(Math.round(current())));

  useEffect(() => {
    const stored = Number(localStorage.getItem(STORAGE_KEY));
    if (stored > 0) handle.current?.closest<HTMLElement>('.app')?.style.setProperty('--left-width', `${clamp(stored)}px`);
  }, []);

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    e.currentTarget.setPointerCapture(e.pointerId);
    const startX = e.clientX;
    const startWidth = current();
    const target = e.currentTarget;
    const move = (m: globalThis.PointerEvent) => apply(startWidth + m.clientX - startX);
    const up = () => {
      target.removeEventListener('pointermove', move);
      target.removeEventListener('pointerup', up);
      save();
    };
    target.addEventListener('pointermove', move);
    target.addEventListener('pointerup', up);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const step = e.key === 'ArrowLeft' ? -24 : e.key === 'ArrowRight' ? 24 : 0;
    if (!step) return;
    e.preventDefault();
    apply(current() + step);
    save();
  };

  return (
    <div
      ref={handle}
      className="splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label="Resize the text panel"
      tabIndex={0}
      data-testid="splitter"
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
    />
  );
}

/**
 * A drag handle that resizes a panel through a CSS variable on an enclosing element, so dragging re-renders
 * nothing: pointer drags and arrow keys (24 px a press), clamped, and remembered in localStorage.
 */
import { useEffect, useRef, type KeyboardEvent, type PointerEvent } from 'react';

export interface ResizeHandleOptions {
  /** The element the variable is set on, found from the handle with `closest`. */
  scope: string;
  /** The CSS variable, e.g. `--left-width`. */
  variable: string;
  /** The element whose size is the current size, inside the scope. */
  measured: string;
  axis: 'x' | 'y';
  /** True when moving the pointer towards larger coordinates makes the panel smaller (a handle on its top edge). */
  inverted?: boolean;
  storageKey: string;
  clamp: (size: number) => number;
  /** The size assumed before the panel can be measured. */
  fallback: number;
  /** The smallest and largest sizes, for assistive technology (aria-valuemin, aria-valuemax). */
  range: () => [number, number];
}

export function useResizeHandle(o: ResizeHandleOptions) {
  const ref = useRef<HTMLDivElement>(null);
  const scope = () => ref.current?.closest<HTMLElement>(o.scope) ?? null;
  // The handle is a focusable separator: it says its size as aria-valuenow, kept in step without a render.
  const announce = (size: number) => {
    const el = ref.current;
    if (!el) return;
    const [min, max] = o.range();
    el.setAttribute('aria-valuemin', String(Math.round(min)));
    el.setAttribute('aria-valuemax', String(Math.round(Math.max(min, max))));
    el.setAttribute('aria-valuenow', String(Math.round(size)));
  };
  const apply = (size: number) => {
    scope()?.style.setProperty(o.variable, `${o.clamp(size)}px`);
    announce(o.clamp(size));
  };
  const current = () => {
    const box = scope()?.querySelector(o.measured)?.getBoundingClientRect();
    return box ? (o.axis === 'x' ? box.width : box.height) : o.fallback;
  };
  const save = () => {
    try {
      localStorage.setItem(o.storageKey, String(Math.round(current())));
    } catch {
      // Storage refused or full: the size is simply not remembered.
    }
  };
  const sign = o.inverted ? -1 : 1;

  useEffect(() => {
    const stored = storedSize(o.storageKey);
    if (stored !== null) apply(stored);
    else announce(current());
    // The stored size is applied once, when the handle first appears.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    e.currentTarget.setPointerCapture(e.pointerId);
    const from = o.axis === 'x' ? e.clientX : e.clientY;
    const start = current();
    const target = e.currentTarget;
    const move = (m: globalThis.PointerEvent) => apply(start + sign * ((o.axis === 'x' ? m.clientX : m.clientY) - from));
    const up = () => {
      target.removeEventListener('pointermove', move);
      target.removeEventListener('pointerup', up);
      save();
    };
    target.addEventListener('pointermove', move);
    target.addEventListener('pointerup', up);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const grow = o.axis === 'x' ? 'ArrowRight' : 'ArrowDown';
    const shrink = o.axis === 'x' ? 'ArrowLeft' : 'ArrowUp';
    const step = e.key === grow ? 24 : e.key === shrink ? -24 : 0;
    if (!step) return;
    e.preventDefault();
    apply(current() + sign * step);
    save();
  };
  /** Attributes the handle renders with; the effect and every resize keep aria-valuenow current. */
  const aria = { 'aria-valuenow': Math.round(o.fallback), 'aria-valuemin': Math.round(o.range()[0]), 'aria-valuemax': Math.round(o.range()[1]) };
  return { ref, onPointerDown, onKeyDown, aria };
}

/** The size remembered under `key`, if it is a positive number; reading localStorage throws where site data is blocked. */
function storedSize(key: string): number | null {
  try {
    const size = Number(localStorage.getItem(key));
    return Number.isFinite(size) && size > 0 ? size : null;
  } catch {
    return null;
  }
}

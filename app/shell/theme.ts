/**
 * Light or dark: the system's setting unless the learner picked one (remembered in localStorage). The colours are
 * CSS variables (theme.css) that follow `color-scheme`; a picked theme sets `data-theme` on <html>. Code that paints
 * a <canvas> (the charts) cannot use a variable, so it asks `resolveColor` and repaints when `onThemeChange` fires.
 */
import { useSyncExternalStore } from 'react';

export type ThemeChoice = 'system' | 'light' | 'dark';
export type Theme = 'light' | 'dark';

const KEY = 'eventlab.theme';
const listeners = new Set<() => void>();
const media = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;

function stored(): ThemeChoice {
  try {
    const v = localStorage.getItem(KEY);
    return v === 'light' || v === 'dark' ? v : 'system';
  } catch {
    return 'system'; // site data blocked: follow the system
  }
}

let choice: ThemeChoice = stored();

function apply(): void {
  const root = document.documentElement;
  if (choice === 'system') delete root.dataset['theme'];
  else root.dataset['theme'] = choice;
  cache.clear();
  for (const l of listeners) l();
}

/** The theme in force: the learner's pick, else the system's. */
export function currentTheme(): Theme {
  if (choice !== 'system') return choice;
  return media?.matches ? 'dark' : 'light';
}

export function themeChoice(): ThemeChoice {
  return choice;
}

/** Picks a theme (or `system`) and remembers it. */
export function setThemeChoice(next: ThemeChoice): void {
  choice = next;
  try {
    if (next === 'system') localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, next);
  } catch {
    // not remembered where storage is refused
  }
  apply();
}

/** Calls `f` whenever the theme in force changes (a pick, or the system's setting); returns the unsubscribe. */
export function onThemeChange(f: () => void): () => void {
  listeners.add(f);
  return () => listeners.delete(f);
}

media?.addEventListener('change', () => {
  cache.clear();
  for (const l of listeners) l();
});

/** The theme in force, for components that draw differently in the dark. */
export function useTheme(): { theme: Theme; choice: ThemeChoice } {
  const theme = useSyncExternalStore(onThemeChange, currentTheme);
  const picked = useSyncExternalStore(onThemeChange, themeChoice);
  return { theme, choice: picked };
}

const cache = new Map<string, string>();
let probe: HTMLElement | null = null;

/**
 * A colour a <canvas> can use: `var(--accent)` (or any CSS colour) as the page resolves it now, e.g. `rgb(37, 99, 235)`.
 * @example ctx.strokeStyle = resolveColor('var(--danger)')
 */
export function resolveColor(css: string): string {
  if (!css.includes('var(')) return css;
  const hit = cache.get(css);
  if (hit) return hit;
  if (!probe) {
    probe = document.createElement('span');
    probe.style.display = 'none';
    document.body.appendChild(probe);
  }
  probe.style.color = '';
  probe.style.color = css;
  const value = getComputedStyle(probe).color;
  cache.set(css, value);
  return value;
}

// The pick is applied before the first render, so a dark page never flashes light.
if (typeof document !== 'undefined') apply();

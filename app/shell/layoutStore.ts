/**
 * How the frame is laid out, apart from sizes (which are CSS variables): whether the text panel and the side panel
 * are open on a wide screen (remembered), and which view a phone shows, one at a time.
 */
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

/** A phone's views: the side panel (the lesson, or the inspector), the text, the canvas, the dock of panels. */
export type PhoneView = 'side' | 'text' | 'canvas' | 'dock';

export interface LayoutState {
  leftOpen: boolean;
  rightOpen: boolean;
  /** The view a phone shows; null until the learner picks one (the page's own default then). */
  phoneView: PhoneView | null;
}

const KEY = 'eventlab.panels';

function stored(): Pick<LayoutState, 'leftOpen' | 'rightOpen'> {
  try {
    const v = JSON.parse(localStorage.getItem(KEY) ?? '{}') as unknown;
    const o = typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};
    return { leftOpen: o['leftOpen'] !== false, rightOpen: o['rightOpen'] !== false };
  } catch {
    return { leftOpen: true, rightOpen: true }; // unreadable or blocked storage: both open
  }
}

export const layoutStore = createStore<LayoutState>()(() => ({ ...stored(), phoneView: null }));

export function useLayout<T>(selector: (s: LayoutState) => T): T {
  return useStore(layoutStore, selector);
}

function remember(): void {
  const { leftOpen, rightOpen } = layoutStore.getState();
  try {
    localStorage.setItem(KEY, JSON.stringify({ leftOpen, rightOpen }));
  } catch {
    // storage refused: the panels open again on the next visit
  }
}

export function togglePanel(side: 'left' | 'right'): void {
  const s = layoutStore.getState();
  layoutStore.setState(side === 'left' ? { leftOpen: !s.leftOpen } : { rightOpen: !s.rightOpen });
  remember();
}

export function showPhoneView(view: PhoneView): void {
  layoutStore.setState({ phoneView: view });
}

/** The view a phone shows on `page`: the learner's pick, else the lesson on a lesson's page and the canvas elsewhere. */
export function phoneViewFor(picked: PhoneView | null, page: string): PhoneView {
  return picked ?? (page === 'lesson' ? 'side' : 'canvas');
}

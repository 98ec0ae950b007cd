import { describe, expect, it, vi } from 'vitest';
import { createAppStore } from '../state/store.ts';
import { tidyLayout } from './tidy.ts';

describe('tidyLayout', () => {
  it('forgets every pinned position in one undo step, and frames the drawing after', () => {
    vi.stubGlobal('requestAnimationFrame', (cb: () => void) => (cb(), 0));
    const store = createAppStore();
    store.getState().openWorkspace({ id: 'w', name: 'W' }, { text: 'graph TD\n  A --> B', positions: { A: { x: 5, y: 5 }, B: { x: 5, y: 5 } } });
    const fit = vi.fn();
    tidyLayout(fit, store);
    expect(store.getState().positions).toEqual({});
    expect(fit).toHaveBeenCalledOnce();
    store.getState().undo();
    expect(store.getState().positions).toEqual({ A: { x: 5, y: 5 }, B: { x: 5, y: 5 } });
    vi.unstubAllGlobals();
  });
});

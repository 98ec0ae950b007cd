import { describe, expect, it } from 'vitest';
import { saveOnLeave } from './leaving.ts';

function page(holdsUnsaved = false) {
  const win = new EventTarget();
  const doc = Object.assign(new EventTarget(), { visibilityState: 'visible' });
  const calls: string[] = [];
  const saver = {
    flush: async () => void calls.push('flush'),
    flushLeaving: async () => void calls.push('flushLeaving'),
    holdsUnsaved: () => holdsUnsaved,
  };
  const stop = saveOnLeave(saver, { window: win, document: doc });
  return { win, doc, stop, calls };
}

describe('saving on the way out', () => {
  it('saves at beforeunload and pagehide as a page going away, and when the tab is hidden as usual', () => {
    const p = page();
    p.win.dispatchEvent(new Event('beforeunload', { cancelable: true }));
    p.win.dispatchEvent(new Event('pagehide'));
    p.doc.visibilityState = 'hidden';
    p.doc.dispatchEvent(new Event('visibilitychange'));
    expect(p.calls).toEqual(['flushLeaving', 'flushLeaving', 'flush']);
    p.stop();
    p.win.dispatchEvent(new Event('pagehide'));
    expect(p.calls).toHaveLength(3);
  });

  it('asks before leaving only when there are changes that could not be stored', () => {
    const calm = new Event('beforeunload', { cancelable: true });
    page(false).win.dispatchEvent(calm);
    expect(calm.defaultPrevented).toBe(false);
    const risky = new Event('beforeunload', { cancelable: true });
    page(true).win.dispatchEvent(risky);
    expect(risky.defaultPrevented).toBe(true);
  });
});

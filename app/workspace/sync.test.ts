import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LoadResult, Pinned } from '../../engine/index.ts';
import { layoutTopology } from '../../engine/layout/layout.ts';
import { node, topology } from '../../engine/testing/topologyBuilder.ts';
import { createAppStore } from '../state/store.ts';
import { startSync, TYPING_SETTLE_MS } from './sync.ts';

const result = (): LoadResult => {
  const t = topology({ nodes: [node('A')] });
  return { parse: { topology: t, diagnostics: [], ok: true }, layout: layoutTopology(t) };
};

describe('startSync', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const setup = () => {
    const store = createAppStore();
    store.getState().openWorkspace({ id: 'w', name: 'W' }, { text: 'graph TD', positions: {} });
    const calls: [string, Pinned][] = [];
    const client = {
      load: async (text: string, pinned: Pinned) => {
        calls.push([text, pinned]);
        return { result: result(), ms: 2 };
      },
    };
    const stop = startSync(store, client);
    return { store, calls, stop };
  };

  it('loads the text at start and after a canvas edit, at once', async () => {
    const { store, calls, stop } = setup();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.map((c) => c[0])).toEqual(['graph TD']);
    expect(store.getState().parseStatus).toBe('ok');
    store.getState().edit({ text: 'graph LR' });
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.map((c) => c[0])).toEqual(['graph TD', 'graph LR']);
    stop();
  });

  it('waits for a pause in typing, then loads only the latest text', async () => {
    const { store, calls, stop } = setup();
    await vi.advanceTimersByTimeAsync(0);
    store.getState().edit({ text: 'graph TD\n A' }, { coalesce: 'typing', now: 1 });
    await vi.advanceTimersByTimeAsync(TYPING_SETTLE_MS - 10);
    store.getState().edit({ text: 'graph TD\n AB' }, { coalesce: 'typing', now: 2 });
    await vi.advanceTimersByTimeAsync(TYPING_SETTLE_MS - 10);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(10);
    expect(calls.map((c) => c[0])).toEqual(['graph TD', 'graph TD\n AB']);
    stop();
  });

  it('lays out again when a node is unpinned, not when one is merely moved', async () => {
    const { store, calls, stop } = setup();
    await vi.advanceTimersByTimeAsync(0);
    store.getState().edit({ positions: { A: { x: 5, y: 5 } } });
    await vi.advanceTimersByTimeAsync(100);
    expect(calls).toHaveLength(1);
    store.getState().edit({ positions: {} });
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(2);
    stop();
  });
});

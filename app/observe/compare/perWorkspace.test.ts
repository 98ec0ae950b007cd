import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { createCompareStore } from './perWorkspace.ts';

const app = () => createStore<{ workspace: { id: string } }>()(() => ({ workspace: { id: 'one' } }));
const open = (a: ReturnType<typeof app>, id: string) => a.setState({ workspace: { id } });

describe('A/B state per workspace', () => {
  it("gives each workspace its own variant B: another starts fresh, and going back finds B as it was", () => {
    const a = app();
    const { store } = createCompareStore(a);
    store.setState({ b: 'graph LR\n  B1 --> B2', untilS: 120 });
    open(a, 'two');
    expect(store.getState()).toMatchObject({ b: null, untilS: 60 });
    store.setState({ b: 'graph LR\n  X --> Y' });
    open(a, 'one');
    expect(store.getState()).toMatchObject({ b: 'graph LR\n  B1 --> B2', untilS: 120 });
    open(a, 'two');
    expect(store.getState().b).toBe('graph LR\n  X --> Y');
  });

  it('puts a run that ends after the learner moved on in the workspace it was started in', () => {
    const a = app();
    const c = createCompareStore(a);
    c.update('one', { running: true });
    open(a, 'two');
    expect(c.store.getState().running).toBe(false);
    c.update('one', { running: false, error: 'boom' });
    expect(c.store.getState().error).toBeNull();
    open(a, 'one');
    expect(c.store.getState()).toMatchObject({ running: false, error: 'boom' });
  });
});

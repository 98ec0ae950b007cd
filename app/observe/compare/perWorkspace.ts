/**
 * A/B state per workspace: variant B belongs to the workspace whose text is A, so opening another workspace must
 * not carry it along, and coming back must find it as it was.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { VariantResult } from './compareRows.ts';
import type { BothSearch } from './searchBoth.ts';

export interface CompareInput {
  a: string;
  b: string;
  seed: number;
  faults: string[];
  untilUs: number;
}

/** What A/B holds for one workspace: variant B belongs to the workspace whose text is A. */
export interface CompareState {
  b: string | null;
  faults: string | null;
  untilS: number;
  running: boolean;
  error: string | null;
  result: { input: CompareInput; a: VariantResult; b: VariantResult; wallMs: number } | null;
  /** The last "Find a failure in A and B": running, or its two outcomes. */
  search: BothSearch | null;
}

const fresh = (): CompareState => ({ b: null, faults: null, untilS: 60, running: false, error: null, result: null, search: null });

/**
 * A/B state that follows the workspace open in `app`: the state of the one left is kept aside, the one opened gets
 * its own back (or a fresh one). `update` changes a workspace's state wherever it is, so a run that ends after the
 * learner moved on lands in the workspace it was started in.
 */
export function createCompareStore(app: StoreApi<{ workspace: { id: string } }>) {
  const store = createStore<CompareState>()(fresh);
  const kept = new Map<string, CompareState>();
  let current = app.getState().workspace.id;
  app.subscribe((s) => {
    if (s.workspace.id === current) return;
    kept.set(current, store.getState());
    current = s.workspace.id;
    store.setState(kept.get(current) ?? fresh(), true);
    kept.delete(current);
  });
  return {
    store,
    workspace: () => current,
    update(workspace: string, patch: Partial<CompareState>) {
      if (workspace === current) store.setState(patch);
      else kept.set(workspace, { ...(kept.get(workspace) ?? fresh()), ...patch });
    },
  };
}

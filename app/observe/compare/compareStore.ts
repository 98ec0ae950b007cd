/**
 * A/B state, kept while the learner moves between tabs and between workspaces (each has its own): variant B's text,
 * the fault lines both run under (null: follow the live run's schedule), how long to run, and the last result with
 * what it was run from.
 */
import { useStore } from 'zustand';
import { engine } from '../../engine/client.ts';
import { appStore } from '../../state/store.ts';
import { createCompareStore, type CompareInput, type CompareState } from './perWorkspace.ts';

export type { CompareInput, CompareState };

const compare = createCompareStore(appStore);
export const compareStore = compare.store;

/** The workspace whose A/B state the store holds now. */
export const compareWorkspace = () => compare.workspace();
/** Changes a workspace's A/B state, whether it is open or kept aside. */
export const updateCompare = (workspace: string, patch: Partial<CompareState>) => compare.update(workspace, patch);

export function useCompare<T>(selector: (s: CompareState) => T): T {
  return useStore(compareStore, selector);
}

/** Fault lines from a text box: one per line (or separated by `;`), blanks dropped. */
export function faultLines(text: string): string[] {
  return text
    .split(/[\n;]/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

/** Runs both variants in the worker under the same seed and faults; the result goes to the workspace it was run in. */
export async function runCompare(input: CompareInput): Promise<void> {
  const workspace = compare.workspace();
  compare.update(workspace, { running: true, error: null });
  const started = performance.now();
  try {
    const [a, b] = await engine.sim.compare({ name: 'A', text: input.a }, { name: 'B', text: input.b }, { seed: input.seed, faults: input.faults, untilUs: input.untilUs });
    compare.update(workspace, { running: false, result: { input, a, b, wallMs: performance.now() - started } });
  } catch (e) {
    compare.update(workspace, { running: false, error: e instanceof Error ? e.message : String(e) });
  }
}

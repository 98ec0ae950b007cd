/**
 * A/B state, kept while the learner moves between tabs: variant B's text, the fault lines both run under (null:
 * follow the live run's schedule), how long to run, and the last result with what it was run from.
 */
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { engine } from '../../engine/client.ts';
import type { VariantResult } from './compareRows.ts';

export interface CompareInput {
  a: string;
  b: string;
  seed: number;
  faults: string[];
  untilUs: number;
}

export interface CompareState {
  b: string | null;
  faults: string | null;
  untilS: number;
  running: boolean;
  error: string | null;
  result: { input: CompareInput; a: VariantResult; b: VariantResult; wallMs: number } | null;
}

export const compareStore = createStore<CompareState>()(() => ({ b: null, faults: null, untilS: 60, running: false, error: null, result: null }));

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

/** Runs both variants in the worker under the same seed and faults. */
export async function runCompare(input: CompareInput): Promise<void> {
  compareStore.setState({ running: true, error: null });
  const started = performance.now();
  try {
    const [a, b] = await engine.sim.compare({ name: 'A', text: input.a }, { name: 'B', text: input.b }, { seed: input.seed, faults: input.faults, untilUs: input.untilUs });
    compareStore.setState({ running: false, result: { input, a, b, wallMs: performance.now() - started } });
  } catch (e) {
    compareStore.setState({ running: false, error: e instanceof Error ? e.message : String(e) });
  }
}

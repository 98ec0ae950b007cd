/**
 * "Find a failure" on both variants of A/B (issue 17 §4): one search of A's text and one of B's, side by side, under
 * the same property, fault kinds, budget and search seed, each with the same number of workers, so neither gets a
 * head start. Each is the coordinator's search (app/search/coordinator.ts); this only starts the two, keeps their
 * progress and outcome apart, and cancels both at once. Pure: the workers and the clock are given.
 */
import { startSearch, type SearchDeps, type SearchOutcome, type SearchProgress, type SearchSettings } from '../../search/coordinator.ts';

export type Variant = 'a' | 'b';

export interface VariantSearch {
  /** The text this variant's search ran. */
  text: string;
  progress: SearchProgress | null;
  /** Null while the search runs. */
  outcome: SearchOutcome | null;
}

export interface BothSearch {
  settings: SearchSettings;
  /** The budget as the learner chose it (`200 runs`, `30 s`). */
  budgetLabel: string;
  /** Workers each variant's search has. */
  workers: number;
  a: VariantSearch;
  b: VariantSearch;
}

export interface BothDeps {
  spawn: SearchDeps['spawn'];
  /** Workers for both searches together: each gets half, at least one. */
  workers: number;
  now: () => number;
  /** Hears the search as it starts, then every change: a variant's progress or outcome. */
  onChange: (s: BothSearch) => void;
}

export interface BothHandle {
  done: Promise<BothSearch>;
  /** Stops both searches now. */
  cancel(): void;
}

/** Workers each variant's search gets out of `total`; never more than a budget in runs can use. */
export function workersEach(total: number, settings: Pick<SearchSettings, 'budget'>): number {
  const half = Math.max(1, Math.floor(total / 2));
  return 'runs' in settings.budget ? Math.max(1, Math.min(half, settings.budget.runs)) : half;
}

export const bothRunning = (s: BothSearch | null | undefined) => !!s && (s.a.outcome === null || s.b.outcome === null);

/** The search with its variants exchanged: what the learner sees after swapping A's and B's texts. */
export const swapped = (s: BothSearch): BothSearch => ({ ...s, a: s.b, b: s.a });

export function searchBoth(texts: Record<Variant, string>, settings: SearchSettings, budgetLabel: string, deps: BothDeps): BothHandle {
  const workers = workersEach(deps.workers, settings);
  let state: BothSearch = {
    settings,
    budgetLabel,
    workers,
    a: { text: texts.a, progress: null, outcome: null },
    b: { text: texts.b, progress: null, outcome: null },
  };
  const set = (v: Variant, patch: Partial<VariantSearch>) => {
    state = { ...state, [v]: { ...state[v], ...patch } };
    deps.onChange(state);
  };
  deps.onChange(state);
  const handles = (['a', 'b'] as const).map((v) =>
    startSearch(texts[v], settings, {
      spawn: deps.spawn,
      workers,
      now: deps.now,
      onProgress: (progress) => state[v].outcome === null && set(v, { progress }),
    }),
  );
  const [a, b] = handles as [(typeof handles)[0], (typeof handles)[0]];
  const settle = (v: Variant) => (outcome: SearchOutcome) => set(v, { outcome });
  const done = Promise.all([a.done.then(settle('a')), b.done.then(settle('b'))]).then(() => state);
  return {
    done,
    cancel() {
      a.cancel();
      b.cancel();
    },
  };
}

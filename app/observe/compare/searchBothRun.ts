/**
 * The A/B panel's "Find a failure in A and B" in the app: starts searchBoth with real workers and the search
 * settings the play bar's Find a failure uses (one set for both places), lands its progress and outcomes in the A/B
 * state of the workspace it was started in, and opens a variant's counterexample in the player.
 *
 * The player runs the editor's text, which is A. Opening B's counterexample therefore swaps the two texts first (the
 * learner is asked): B's text goes to the editor as an undoable edit and A's text becomes B here, so both stay.
 */
import { startRun } from '../../playback/actions.ts';
import { openDockTab } from '../../playback/dockStore.ts';
import { workerCount } from '../../search/coordinator.ts';
import { BUDGETS, openShrunk, propertyArg, searchStore } from '../../search/searchRun.ts';
import { spawnSearchWorker } from '../../search/workers.ts';
import { appStore, type AppState } from '../../state/store.ts';
import { compareStore, compareWorkspace, updateCompare } from './compareStore.ts';
import { bothRunning, searchBoth, swapped, type BothHandle, type Variant } from './searchBoth.ts';

let current: { handle: BothHandle; workspace: string; id: number } | null = null;
let started = 0;

/** Searches A's text and B's under the search settings; a search still running is cancelled first. */
export function findInBoth(a: string, b: string): void {
  const s = searchStore.getState();
  const property = propertyArg(s);
  if (s.kinds.length === 0 || !property) return;
  current?.handle.cancel();
  const budget = BUDGETS[s.budget] ?? { runs: 200 };
  const workspace = compareWorkspace();
  const id = ++started;
  current = null;
  // A search replaced by a newer one still lands its last word in its own workspace, never over the newer one.
  const lands = () => current === null || current.id === id || current.workspace !== workspace;
  const handle = searchBoth({ a, b }, { property, budget, kinds: s.kinds, seed: s.seed }, s.budget, {
    spawn: spawnSearchWorker,
    workers: workerCount(navigator.hardwareConcurrency),
    now: () => performance.now(),
    onChange: (search) => lands() && updateCompare(workspace, { search }),
  });
  current = { handle, workspace, id };
  void handle.done.then(() => {
    if (current?.id === id) current = null;
  });
}

export function cancelBoth(): void {
  current?.handle.cancel();
}

/**
 * Puts B's text in the editor (one undoable step) and A's text in B, their search outcomes swapped with them.
 * Refused while A has errors or a search of both runs. Returns whether it swapped.
 */
export function swapVariants(): boolean {
  const app = appStore.getState();
  const c = compareStore.getState();
  if (!app.good || app.text !== app.good.text || bothRunning(c.search)) return false;
  const a = app.good.text;
  const b = c.b ?? a;
  if (b === a) return false;
  app.edit({ text: b });
  compareStore.setState({ b: a, search: c.search && swapped(c.search) });
  return true;
}

/** Resolves true once `text` is the editor's good text, false if it has errors, was replaced, or takes too long. */
function whenGood(text: string, ms = 15_000): Promise<boolean> {
  return new Promise((resolve) => {
    let over = false;
    const finish = (ok: boolean) => {
      if (over) return;
      over = true;
      unsubscribe();
      clearTimeout(timer);
      resolve(ok);
    };
    const check = (s: AppState) => {
      if (s.good?.text === text) finish(true);
      else if (s.text !== text || s.parseStatus === 'error') finish(false);
    };
    const unsubscribe = appStore.subscribe(check);
    const timer = setTimeout(() => finish(false), ms);
    check(appStore.getState());
  });
}

const opener = { startRun, showFaults: () => openDockTab('faults') };

/**
 * Opens a variant's counterexample in the player. B's, when its text is not the editor's, only with `swap`: the
 * texts are swapped first (swapVariants), and the counterexample, now A's, opens once the editor's text has parsed.
 */
export async function openVariant(v: Variant, swap = false): Promise<boolean> {
  const search = compareStore.getState().search;
  const found = search?.[v].outcome;
  if (!search || found?.kind !== 'found') return false;
  const text = search[v].text;
  if (appStore.getState().good?.text !== text) {
    if (v === 'a' || !swap || (compareStore.getState().b ?? appStore.getState().good?.text) !== text || !swapVariants()) return false;
    if (!(await whenGood(text))) return false;
  }
  return openShrunk(text, found.shrunk, opener);
}

/**
 * The app's search: its settings, its progress and its outcome in a store of their own, the actions that start and
 * cancel it (coordinator.ts with real workers), and opening a found run in the player: the shrunk run's text, seed
 * and fault lines become the player's run, paused at the moment the property first breaks, its messages highlighted.
 */
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { LessonGoals } from '../../engine/goals/types.ts';
import type { FaultKind, PropertyArg, PropertyName } from '../../engine/search/kinds.ts';
import type { Shrunk } from '../../engine/search/scan.ts';
import { lessonById } from '../../lessons/index.ts';
import { lessonStore } from '../lessons/lessonStore.ts';
import { openTrace } from '../observe/observeStore.ts';
import { liveStore, player } from '../sim/index.ts';
import { appStore } from '../state/store.ts';
import { startSearch, workerCount, type Budget, type SearchHandle, type SearchOutcome, type SearchProgress } from './coordinator.ts';
import { spawnSearchWorker } from './workers.ts';

export interface SearchState {
  property: PropertyName;
  /** checkout-within's limit, in milliseconds. */
  withinMs: number;
  budget: string;
  kinds: FaultKind[];
  /** Seed of the search, its own (the player's changes when a found run opens with that run's seed). */
  seed: number;
  progress: SearchProgress | null;
  outcome: SearchOutcome | null;
  /** What the running or finished search ran: the text, its budget and seed. */
  searched: { text: string; budget: Budget; seed: number } | null;
}

/** The budgets offered: runs keep a search deterministic; wall time depends on the machine. */
export const BUDGETS: Record<string, Budget> = {
  '20 runs': { runs: 20 },
  '50 runs': { runs: 50 },
  '200 runs': { runs: 200 },
  '1000 runs': { runs: 1000 },
  '30 s': { ms: 30_000 },
  '2 min': { ms: 120_000 },
};

export const searchStore = createStore<SearchState>()(() => ({
  property: 'no-loss',
  withinMs: 1000,
  budget: '200 runs',
  kinds: ['broker', 'leader', 'consumer', 'split'],
  seed: 1,
  progress: null,
  outcome: null,
  searched: null,
}));

export function useSearch<T>(selector: (s: SearchState) => T): T {
  return useStore(searchStore, selector);
}

let current: SearchHandle | null = null;

/**
 * What the play bar's button lends the panel: the first load's own modules, handed over rather than imported, so
 * this chunk shares none with the first load that the bundler would split out (each split chunk costs the first load).
 */
export interface SearchHost {
  /** Starts a run of the current good text with the player's seed and schedule (app/playback/actions.ts). */
  startRun: () => Promise<boolean>;
  /** The button's state: a search is running; the panel is closed. */
  setRunning: (running: boolean) => void;
  close: () => void;
  /** Brings the dock's faults tab forward, where the run's fault lines are listed. */
  showFaults: () => void;
}

let host: SearchHost = { startRun: async () => false, setRunning: () => undefined, close: () => undefined, showFaults: () => undefined };

/** Whether a lesson is open (the panel offers its goals as a property then). */
export const lessonOpen = () => openLesson() !== null;

/**
 * The open lesson's goals and run, as plain data a worker can take (its own design's goals are a property to search).
 * Looked up here, in the panel's lazy chunk: the lessons' index holds every lesson and would weigh on the first load.
 */
function openLesson(): LessonGoals | null {
  const active = lessonStore.getState().active;
  const lesson = active ? lessonById(active) : undefined;
  return lesson ? { goals: lesson.goals, run: lesson.run } : null;
}

/** The panel's property with what it needs: checkout-within its limit, lesson-goals the open lesson. */
export function propertyArg(s: SearchState): PropertyArg | null {
  if (s.property === 'checkout-within') return { name: s.property, withinMs: s.withinMs };
  if (s.property !== 'lesson-goals') return s.property;
  const lesson = openLesson();
  return lesson && { name: s.property, lesson };
}

/** Called by the panel with what its button lends. */
export function connect(h: SearchHost): void {
  host = h;
}

/** Starts a search of the current good text with the panel's settings. */
export function startFinding(): void {
  const good = appStore.getState().good;
  const s = searchStore.getState();
  const property = propertyArg(s);
  if (!good || current || s.kinds.length === 0 || !property) return;
  const budget = BUDGETS[s.budget] ?? { runs: 200 };
  const seed = s.seed;
  // One worker per core but one, and never more than the runs to share out.
  const workers = Math.min(workerCount(navigator.hardwareConcurrency), 'runs' in budget ? budget.runs : Infinity);
  searchStore.setState({ progress: null, outcome: null, searched: { text: good.text, budget, seed } });
  host.setRunning(true);
  const handle = startSearch(good.text, { property, budget, kinds: s.kinds, seed }, {
    spawn: spawnSearchWorker,
    workers,
    now: () => performance.now(),
    onProgress: (progress) => current === handle && searchStore.setState({ progress }),
  });
  current = handle;
  void handle.done.then((outcome) => {
    if (current !== handle) return;
    current = null;
    searchStore.setState({ outcome });
    host.setRunning(false);
  });
}

export function cancelFinding(): void {
  current?.cancel();
}

/** Whether the editor still holds the text the search ran (a found run replays only on that text). */
export const sameText = (text: string | undefined) => text !== undefined && appStore.getState().good?.text === text;

/**
 * Opens the shrunk counterexample in the player: its seed and fault lines become the run's (the faults panel lists
 * them, to edit and replay with Reset), paused where the property first breaks, with its messages highlighted.
 */
export async function openFound(): Promise<void> {
  const { outcome, searched } = searchStore.getState();
  if (outcome?.kind !== 'found' || !searched) return;
  if (await openShrunk(searched.text, outcome.shrunk)) host.close();
}

/**
 * Opens a shrunk counterexample of `text` in the player, as `openFound` does; `text` must be the editor's good text,
 * the one the player runs. Also the A/B panel's way to open what its search found. Returns whether it opened.
 */
export async function openShrunk(text: string, shrunk: Shrunk, opener: Pick<SearchHost, 'startRun' | 'showFaults'> = host): Promise<boolean> {
  const good = appStore.getState().good;
  if (!good || good.text !== text) return false;
  const { run, violation, atUs } = shrunk;
  // The run's seed and schedule become the player's, so Reset replays it and the faults panel edits it.
  liveStore.setState({ seed: run.seed, schedule: run.faults });
  if (!(await opener.startRun())) {
    appStore.getState().setNotice({ tone: 'error', text: `The run could not start: ${liveStore.getState().error ?? 'unknown reason'}.` });
    return false;
  }
  await player.seek(atUs);
  if (labelOf(violation.property)) liveStore.setState({ highlight: { label: labelOf(violation.property), messages: violation.ids, nodes: [] } });
  opener.showFaults();
  return true;
}

/** True when the player holds the found run (same text, seed and fault lines), so its message ids are the run's. */
function holdsFound(): boolean {
  const { outcome, searched } = searchStore.getState();
  if (outcome?.kind !== 'found' || !searched) return false;
  const l = liveStore.getState();
  const { run } = outcome.shrunk;
  return l.frame !== null && l.startedText === searched.text && l.seed === run.seed && l.schedule.length === run.faults.length && l.schedule.every((x, i) => x === run.faults[i]);
}

/** Follows one of the counterexample's messages in the trace, opening the found run first if the player has another. */
export async function traceFound(id: number): Promise<void> {
  if (!holdsFound()) await openFound();
  if (holdsFound()) openTrace({ kind: 'message', id });
}

/** What the highlighted messages are; checkouts and sagas have ids of their own, not message ids, and highlight none. */
const LABELS: Record<PropertyName, string> = { 'no-loss': 'lost', 'no-missed': 'missed', 'no-duplicates': 'duplicated', order: 'reordered', 'checkout-within': '', 'sagas-settled': '', 'lesson-goals': 'goal broken' };
const labelOf = (p: PropertyName) => LABELS[p];

/**
 * "Find a failure" in words: the progress line, the survival sentence and the story of a counterexample, as the
 * panel shows them ("crash Kafka/2 at 12.4 s and restart it at 19 s loses 3 acknowledged messages").
 */
import type { Run, Violation } from '../../engine/search/search.ts';
import type { Budget, SearchOutcome, SearchProgress } from './coordinator.ts';

/** Seconds for people: `0.1 s`, `12.4 s`, `41 s`, `2 min 5 s`. */
export function seconds(ms: number): string {
  const s = ms / 1000;
  if (s >= 120) return `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
  return `${Number(s.toFixed(s < 10 ? 1 : 0))} s`;
}

/** A moment of a run, to the tenth of a second its faults are placed on: `0.1 s`, `12.4 s`, `19 s`. */
export const moment = (ms: number) => `${Number((ms / 1000).toFixed(1))} s`;

const plural = (n: number, word: string) => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;

/** `37 of 200 runs · 12 of 16 faults explored · 5 of 9 moments covered · about 20 s left · 3 workers`. */
export function progressLine(p: SearchProgress, budget: Budget): string {
  if (p.phase === 'shrinking') return `Found one: shrinking it to its smallest story${p.shrinkRuns > 0 ? ` (${plural(p.shrinkRuns, 'run')} so far)` : '…'}`;
  const runs = 'runs' in budget ? `${p.tried.toLocaleString('en')} of ${plural(budget.runs, 'run')}` : plural(p.tried, 'run');
  const parts = [runs];
  if (p.vocabulary > 0) parts.push(`${p.explored} of ${plural(p.vocabulary, 'fault')} explored`);
  if (p.moments) parts.push(`${p.covered ?? 0} of ${plural(p.moments, 'moment')} covered`);
  if (p.leftMs !== null) parts.push(`${'ms' in budget ? '' : 'about '}${seconds(p.leftMs)} left`);
  parts.push(plural(p.workers, 'worker'));
  return parts.join(' · ');
}

/** How far along the search is, 0..1, for its bar. */
export function progressFraction(p: SearchProgress, budget: Budget): number {
  if ('runs' in budget) return Math.min(1, p.tried / budget.runs);
  return Math.min(1, p.elapsedMs / budget.ms);
}

/** `Your design survived 200 schedules in 41 s`, or why nothing was searched. */
export function survivedLine(o: Extract<SearchOutcome, { kind: 'survived' }>): string {
  if (o.vocabulary === 0 || o.runs === 0) return 'This design offers none of the faults chosen (Kafka broker and leader crashes and splits need a Kafka cluster; consumer crashes a service that consumes; service crashes and slow services a service).';
  return `Your design survived ${plural(o.runs, 'schedule')} in ${seconds(o.wallMs)}`;
}

/** `Cancelled after 37 runs (4.2 s): nothing broke so far.` */
export function cancelledLine(o: Extract<SearchOutcome, { kind: 'cancelled' }>): string {
  return `Cancelled after ${plural(o.tried, 'run')} (${seconds(o.wallMs)}): nothing broke so far.`;
}

/** A fault line's time and what it does: `12400ms crash Kafka/2` → { atMs: 12400, what: 'crash Kafka/2' }. */
export function splitLine(line: string): { atMs: number; what: string } {
  const m = /^(\d+(?:\.\d+)?)(ms|s)\s+(.*)$/.exec(line.trim());
  if (!m) return { atMs: 0, what: line };
  return { atMs: Number(m[1]) * (m[2] === 's' ? 1000 : 1), what: m[3]! };
}

/** The violation without its ids, which the panel lists as links: `loses 3 acknowledged messages`. */
export const effectOf = (v: Violation) => v.summary.replace(/\s*\(ids?\b[^)]*\)\s*$/, '');

/**
 * The counterexample as a sentence: `crash Kafka/2 at 12.4 s and restart it at 19 s loses 3 acknowledged messages`;
 * a restart or heal of the node just broken reads as `restart it`.
 */
export function storyOf(run: Run, v: Violation): string {
  let last = '';
  const parts = run.faults.map((line) => {
    const { atMs, what } = splitLine(line);
    const [verb, ...rest] = what.split(/\s+/);
    const target = rest.join(' ');
    const undoes = (verb === 'restart' && target !== '' && (last === target || last.startsWith(`${target}/`))) || verb === 'heal';
    // `slow Orders 0ms` ends a slowdown.
    const unslowed = verb === 'slow' && /\s0(ms|s)?$/.test(target);
    const said = verb === 'restart' && undoes ? 'restart it' : verb === 'heal' ? 'heal the split' : unslowed ? `end the slowdown of ${rest[0]}` : what;
    if (verb !== 'restart' && verb !== 'heal' && !unslowed) last = target.replace(/^leader:/, '');
    return `${said} at ${moment(atMs)}`;
  });
  const story = parts.length === 0 ? 'with no fault at all, the run' : parts.length <= 2 ? parts.join(' and ') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
  return `${story} ${effectOf(v)}`;
}

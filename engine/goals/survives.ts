/**
 * The "survives the search" goal (issue 17 §5): a lesson's scripted faults test one story, and a weaker design can
 * get through it by luck of timing. This goal runs the search for a failure (engine/search) over a fixed number of
 * drawn fault schedules from a fixed seed, so its verdict is the same on every machine, and passes when none of them
 * breaks the property. When one does, it tells the shrunk run as a story with the line that replays it.
 */
import { formatFault, parseFault } from '../faults/parse.ts';
import { search, type FaultKind, type Run, type SearchResult, type Violation } from '../search/search.ts';
import type { Topology } from '../topology/types.ts';
import type { SearchCheck, SearchProperty } from './types.ts';
import { no, yes, type Verdict } from './view.ts';
import { list, plural, seconds } from './words.ts';

/** Simulated length of each run of the goal's search unless it says otherwise. */
export const SEARCH_GOAL_DURATION_S = 20;
/** Extra runs the goal spends making a counterexample smaller (a fixed number, so the story is deterministic too). */
export const SEARCH_GOAL_SHRINK_RUNS = 20;

/** What the property promises, as the end of "... with ...". */
const PROMISE: Record<SearchProperty, string> = {
  'no-loss': 'no acknowledged event lost',
  'no-missed': 'no event skipped by a consumer',
  'no-duplicates': 'no event processed twice',
  order: 'no event processed out of key order',
  'sagas-settled': 'no saga left half done',
};

/** The faults a search draws, in words. */
const FAULT_WORDS: Record<FaultKind, string> = {
  broker: 'brokers crashed',
  leader: 'partition leaders crashed',
  consumer: 'consumers crashed',
  split: 'brokers cut off from the rest',
  controller: 'controllers crashed',
  service: 'service instances crashed',
  slow: 'services slowed down',
};

/** The goal's search, as `npm run sim -- --search` would run it. */
export function runSearchGoal(c: SearchCheck, t: Topology): SearchResult {
  return search(t, {
    property: c.property,
    budget: c.runs,
    seed: c.seed,
    durationUs: (c.durationS ?? SEARCH_GOAL_DURATION_S) * 1e6,
    kinds: c.faults,
    shrinkBudget: SEARCH_GOAL_SHRINK_RUNS,
  });
}

/** What breaking the property did, with the first ids as the event log names them: `loses 3 acknowledged events: #12, #15 and #19`. */
const BROKE: Record<SearchProperty, (n: number) => string> = {
  'no-loss': (n) => `loses ${plural(n, 'acknowledged event')}`,
  'no-missed': (n) => `leaves ${plural(n, 'event')} that a consumer will never process`,
  'no-duplicates': (n) => `processes ${plural(n, 'event')} twice`,
  order: (n) => `processes ${plural(n, 'event')} out of key order`,
  'sagas-settled': (n) => `leaves ${plural(n, 'saga')} half done`,
};

/** A run as a story: `crash Kafka/2 at 12.4 s, then restart Kafka/2 at 19.0 s (a 25.0 s run, seed 881)`. */
export function story(run: Run, v: Violation): string {
  const steps = run.faults.map((line) => {
    const f = parseFault(line);
    if (typeof f === 'string') return line;
    return `${formatFault({ ...f, at: 0 }).replace(/^\S+\s+/, '')} at ${seconds(f.at)}`;
  });
  const ids = v.ids.slice(0, 5).map((id) => `#${id}`);
  const more = v.count > ids.length ? ` and ${plural(v.count - ids.length, 'more', 'more')}` : '';
  return `${steps.join(', then ') || 'no fault'} (a ${seconds(run.durationUs)} run, seed ${run.seed}) ${BROKE[v.property as SearchProperty](v.count)}: ${ids.length > 1 && !more ? list(ids) : ids.join(', ')}${more}`;
}

/** The replay command for a run, fault lines quoted as the shell wants them. */
function replayLine(r: Run): string {
  const faults = r.faults.map((f) => ` --fault '${f}'`).join('');
  return `npm run sim -- <file> --seed ${r.seed} --duration ${r.durationUs / 1e6}s${faults}`;
}

/** Judges the goal on a topology: passes when the search finds no run that breaks the property. */
export function survivesSearch(c: SearchCheck, t: Topology): Verdict {
  const r = runSearchGoal(c, t);
  const kinds = c.faults ?? [...new Set(r.vocabulary.map((e) => e.kind))];
  const what = list(kinds.map((k) => FAULT_WORDS[k]));
  if (r.vocabulary.length === 0) return no(`The search found nothing to break in this design (no brokers or consumers for ${what || 'its faults'}), so it proves nothing yet.`);
  const shown = r.shrunk ?? r.found;
  if (!shown) {
    return yes(`Your design survived ${plural(r.runs, 'fault schedule')} (${what}, seed ${c.seed}), ${c.durationS ?? SEARCH_GOAL_DURATION_S} s each, with ${PROMISE[c.property]}.`);
  }
  return no(
    `Schedule ${r.runs} of ${c.runs} broke it. Made as small as the search could: ${story(shown.run, shown.violation)}. ` +
      `Replay it with \`${replayLine(shown.run)}\`.`,
  );
}

/**
 * A behavioural check read from the event store family's inspector (engine/eventstore/facts.ts): how many events a
 * command handler replays, on average, to load an aggregate. It grows with the streams unless snapshots cut it.
 */
import { FAMILIES } from '../components.ts';
import type { World } from '../world.ts';
import { matchNodes, nothingMatches } from './match.ts';
import type { BehaviouralCheck } from './types.ts';
import { no, yes, type RunView, type Verdict } from './view.ts';
import { count, plural, sentence } from './words.ts';

type Of<K extends BehaviouralCheck['kind']> = Extract<BehaviouralCheck, { kind: K }>;

interface StoreFacts {
  node: string;
  snapshotEvery: number;
  stats: { loads: number; replayed: number; replayedWithout: number; snapshots: number };
  streams: { stream: string | null; version: number; replayWith: number }[];
}

const STORE_KINDS: ReadonlySet<string> = new Set(['eventstore']);

function storesOf(w: World): StoreFacts[] {
  const inspect = FAMILIES.find((f) => f.name === 'eventstore')?.inspect?.['eventstore'];
  const out: StoreFacts[] = [];
  for (let id = 0; inspect; id++) {
    const d = inspect(w, id) as StoreFacts | null;
    if (!d) break;
    out.push(d);
  }
  return out;
}

/** Over the run, the matching stores' loads replayed at most `max` events each on average. */
export function replayLength(c: Of<'replay-length'>, v: RunView): Verdict {
  const named = new Set(matchNodes(v.t, c.store, STORE_KINDS).map((n) => n.id));
  if (named.size === 0) return no(nothingMatches(c.store));
  const stores = storesOf(v.w).filter((s) => named.has(s.node));
  const problems: string[] = [];
  const fine: string[] = [];
  for (const s of stores) {
    const { loads, replayed, replayedWithout, snapshots } = s.stats;
    if (loads === 0) {
      problems.push(`${s.node} loaded no aggregate: no command reached it`);
      continue;
    }
    const mean = replayed / loads;
    const longest = s.streams[0];
    const figures = `${count(loads)} loads replayed ${(Math.round(mean * 10) / 10).toLocaleString('en')} events each on average (${count(replayed)} in all, ${count(replayedWithout)} without snapshots; ${plural(snapshots, 'snapshot')} taken)`;
    if (mean > c.max) {
      problems.push(`at ${s.node}, ${figures}, more than ${c.max}${longest ? `; its longest stream, ${longest.stream}, is at version ${count(longest.version)} and a load of it now replays ${count(longest.replayWith)} events` : ''}`);
    } else fine.push(`at ${s.node}, ${figures}`);
  }
  if (problems.length > 0) return no(`${sentence(problems.join('; '))}.`, { nodes: [...named] });
  return yes(`${sentence(fine.join('; '))}: at most ${c.max}.`);
}

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

interface ReadModelFacts {
  readModels: { node: string; reads: number; rywViolations: number; first: { client: string; event: number; correlation: number; lagEvents: number; lagMs: number; at: number } | null }[];
}

const READ_MODEL_KINDS: ReadonlySet<string> = new Set(['projection']);

/** No client that wrote and then read a matching read model missed its own write there. */
export function readYourWrites(c: Of<'read-your-writes'>, v: RunView): Verdict {
  const named = new Set(matchNodes(v.t, c.readModel, READ_MODEL_KINDS).map((n) => n.id));
  if (named.size === 0) return no(nothingMatches(c.readModel));
  const facts = FAMILIES.find((f) => f.name === 'eventstore')?.inspect?.['consistency']?.(v.w, 0) as ReadModelFacts | undefined;
  const models = (facts?.readModels ?? []).filter((m) => named.has(m.node));
  const read = models.filter((m) => m.reads > 0);
  if (read.length === 0) return no(`No client read ${[...named].join(', ')} after a write: a client reads a read model back when it has an edge to it and its requests reach a command handler.`, { nodes: [...named] });
  const bad = read.filter((m) => m.rywViolations > 0);
  if (bad.length > 0) {
    const m = bad[0]!;
    const f = m.first!;
    return no(
      `${m.node}: ${count(m.rywViolations)} of ${plural(m.reads, 'read')} after a write missed the client's own write; the first, at ${(f.at / 1e6).toFixed(2)} s, ${f.client} read it without its event #${f.event} (request #${f.correlation}), ${plural(f.lagEvents, 'event')} and ${f.lagMs.toFixed(1)} ms behind the store.`,
      { nodes: [m.node, f.client], window: { fromS: f.at / 1e6, toS: f.at / 1e6 } },
    );
  }
  return yes(`Every one of the ${plural(read.reduce((n, m) => n + m.reads, 0), 'read')} of ${read.map((m) => m.node).join(', ')} after a write found the client's own write.`);
}

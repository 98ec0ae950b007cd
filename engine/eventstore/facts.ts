/**
 * The event store family's checker, answered through its inspect contract: stale reads and read-your-writes
 * violations (with the read, the client's own event, the request that wrote it and the lag that caused it),
 * events a projection applied more than once (a projection that is not idempotent, after a redelivery), and read
 * models that, caught up, differ from a replay of the store. Also the details its inspectors show.
 */
import { keyText } from '../history/keys.ts';
import type { World } from '../world.ts';
import { typeAt } from './commands.ts';
import type { EventStore, StaleRead } from './part.ts';
import { replay, replayLength } from './streams.ts';
import { readModelLag } from './subscriptions.ts';

export interface DoubleCount {
  readModel: string;
  event: number;
  position: number;
  stream: string | null;
  times: number;
}

export interface ReadModelMismatch {
  readModel: string;
  stream: string | null;
  rows: number;
  events: number;
}

export interface EventSourcingFacts {
  reads: number;
  staleReads: number;
  rywViolations: number;
  examples: StaleRead[];
  doubleCounted: DoubleCount[];
  /** Read models with no lag whose rows differ from the store's streams. */
  mismatches: ReadModelMismatch[];
  conflicts: number;
  rejected: number;
  /** Per read model: reads after a write, read-your-writes violations, and the first one. */
  readModels: { node: string; reads: number; rywViolations: number; first: StaleRead | null }[];
}

const EXAMPLES = 20;

export function eventSourcingFacts(w: World): EventSourcingFacts {
  const p = w.parts.eventstore;
  const doubleCounted: DoubleCount[] = [];
  const mismatches: ReadModelMismatch[] = [];
  for (const rm of p.readModels) {
    const es = p.stores[p.engines[rm.engine]!.store]!;
    for (const [pos, times] of rm.times) {
      if (times > 1) doubleCounted.push({ readModel: rm.node, event: es.log[pos]!, position: pos, stream: keyText(w.keys, keyOfPos(w, es, pos)), times });
    }
    if (readModelLag(w, rm).events !== 0) continue;
    for (const [key, st] of es.streams) {
      const rows = rm.rows.get(key) ?? 0;
      if (rows !== st.events.length) mismatches.push({ readModel: rm.node, stream: keyText(w.keys, key), rows, events: st.events.length });
    }
  }
  doubleCounted.sort((a, b) => a.position - b.position || (a.readModel < b.readModel ? -1 : 1));
  return {
    reads: p.stats.reads, staleReads: p.staleReads, rywViolations: p.rywViolations, examples: p.stale.slice(0, EXAMPLES), doubleCounted, mismatches,
    conflicts: p.stores.reduce((n, s) => n + s.stats.conflicts, 0), rejected: p.stores.reduce((n, s) => n + s.stats.rejected, 0),
    readModels: p.readModels.map((rm) => ({ node: rm.node, reads: rm.reads, rywViolations: rm.rywViolations, first: rm.firstViolation })),
  };
}

function keyOfPos(w: World, es: EventStore, pos: number): number {
  for (const [key, st] of es.streams) if (st.events.includes(pos)) return key;
  return 0;
}

export interface EventStoreDetail {
  node: string;
  alive: boolean;
  events: number;
  snapshotEvery: number;
  stats: EventStore['stats'];
  /** Per stream (largest first, at most 50): its version, its snapshot's, and what a load replays with and without snapshots. */
  streams: { key: number; stream: string | null; version: number; snapshotAt: number; replayWith: number; replayWithout: number; replayMsWith: number; replayMsWithout: number }[];
  /** Summed over every stream: what loading each once replays now, with and without snapshots. */
  replayWith: number;
  replayWithout: number;
}

export function eventStoreDetail(w: World, id: number): EventStoreDetail | null {
  const es = w.parts.eventstore.stores[id];
  if (!es) return null;
  const perEventMs = es.config.replayEventUs / 1000;
  const streams = [...es.streams.values()].map((st) => {
    const withS = replayLength(st, es.config.snapshotEvery > 0);
    const without = replayLength(st, false);
    return { key: st.key, stream: keyText(w.keys, st.key), version: st.events.length, snapshotAt: st.snapshot?.version ?? 0, replayWith: withS, replayWithout: without, replayMsWith: withS * perEventMs, replayMsWithout: without * perEventMs };
  });
  const replayWith = streams.reduce((n, s) => n + s.replayWith, 0);
  const replayWithout = streams.reduce((n, s) => n + s.replayWithout, 0);
  streams.sort((a, b) => b.version - a.version || ((a.stream ?? '') < (b.stream ?? '') ? -1 : 1));
  return { node: es.node, alive: es.alive, events: es.log.length, snapshotEvery: es.config.snapshotEvery, stats: { ...es.stats }, streams: streams.slice(0, 50), replayWith, replayWithout };
}

export interface AggregateDetail {
  store: string;
  stream: string | null;
  /** Its events in order (`version` in the stream; `schema`, the event version it was written in), with the state after each. */
  events: { version: number; id: number; type: string; schema: number; at: number; state: Record<string, number> }[];
  snapshot: { version: number; state: Record<string, number> } | null;
  /** The state loaded from the snapshot and from the start, and how many events each replayed. */
  fromSnapshot: { replayed: number; state: Record<string, number> };
  fromStart: { replayed: number; state: Record<string, number> };
}

/** One aggregate's stream, by its key id (the first store holding it). */
export function aggregateDetail(w: World, key: number): AggregateDetail | null {
  for (const es of w.parts.eventstore.stores) {
    const st = es.streams.get(key);
    if (!st) continue;
    const events: AggregateDetail['events'] = [];
    for (let v = 1; v <= st.events.length; v++) {
      const pos = st.events[v - 1]!;
      events.push({ version: v, id: es.log[pos]!, type: typeAt(w, es, pos), schema: es.versions[pos]!, at: es.appendedAt[pos]!, state: replay(w, es, st, v, false).state.counts });
    }
    const a = replay(w, es, st, st.events.length, true);
    const b = replay(w, es, st, st.events.length, false);
    return {
      store: es.node, stream: keyText(w.keys, key), events, snapshot: st.snapshot ? { version: st.snapshot.version, state: st.snapshot.state.counts } : null,
      fromSnapshot: { replayed: a.replayed, state: a.state.counts }, fromStart: { replayed: b.replayed, state: b.state.counts },
    };
  }
  return null;
}

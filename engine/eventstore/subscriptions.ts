/**
 * Projections: a projection engine (an application: its crashes are its instance's) reads its store's `$all` log
 * with a catch-up subscription, from its checkpoint, in pages, then stays live as the store tells it of new events
 * (EventStoreDB, "Catch-up subscriptions": read from a position, then receive new events as they are written). It
 * applies each event to the read models it maintains, one `handle.ms` each, and stores its checkpoint every
 * `checkpoint.every` events (EventStoreDB persistent subscriptions: minCheckPointCount 10). A crash loses its position
 * in memory: it resubscribes from the checkpoint and the events since come again. A read model keeps its rows and
 * the last position it applied durably; with `dedupe=position` it skips an event it has already applied (an
 * idempotent projection), with `dedupe=none` it applies it again and counts it twice.
 */
import { keyOf } from '../history/messages.ts';
import { record } from '../history/trace.ts';
import { countEdge } from '../metrics/metrics.ts';
import { after, on } from '../sim/loop.ts';
import type { World } from '../world.ts';
import { hop } from './commands.ts';
import { EE } from './events.ts';
import type { EventStore, ProjectionEngine, ReadModel } from './part.ts';
import { ET } from './trace.ts';

/** Events a catch-up read returns at most (a page). */
const PAGE = 500;
/** The subscription's beat: after a restart it resubscribes within this; a read unanswered this long is read again. */
const TICK_US = 1_000_000;

const instanceOf = (w: World, e: ProjectionEngine) => w.parts.apps.instances[e.instance]!;
const storeOf = (w: World, e: ProjectionEngine) => w.parts.eventstore.stores[e.store]!;

export function startProjection(w: World, e: ProjectionEngine): void {
  after(w, TICK_US, EE.projTick, e.id, 0);
  pull(w, e);
}

/**
 * Rebuilds a projection: its read models' rows and positions are thrown away, its checkpoint goes back to the start,
 * and it replays the whole store (EventStoreDB's projection reset; Marten's rebuild). Until it has caught up, its
 * read models are behind by what is left to replay, and reads of them are stale. A rebuild also repairs what a
 * non-idempotent projection counted twice: every event is applied once more, from nothing.
 */
export function rebuildProjection(w: World, e: ProjectionEngine): string {
  const p = w.parts.eventstore;
  for (const ri of e.readModels) {
    const rm = p.readModels[ri]!;
    rm.rows.clear();
    rm.times.clear();
    rm.appliedTo = 0;
  }
  e.position = 0;
  e.checkpoint = 0;
  e.page = [];
  e.busy = false;
  e.cycle++;
  e.stats.rebuilds++;
  const total = storeOf(w, e).log.length;
  record(w.trace, w.now, ET.projRebuild, instanceOf(w, e).host, -1, total, e.readModels.length, 0);
  if (e.inline) applyInline(w, e);
  else if (instanceOf(w, e).alive) pull(w, e);
  const models = e.readModels.map((ri) => p.readModels[ri]!.node).join(', ');
  return `rebuilding ${e.node}: ${models} cleared, replaying ${total.toLocaleString('en')} ${total === 1 ? 'event' : 'events'} from the start of ${storeOf(w, e).node}`;
}

/**
 * An inline projection (Marten's inline lifecycle): it applies what the store holds beyond its position within the
 * append's own transaction, so its read models are never behind; the append paid for it (appendCostUs).
 */
export function applyInline(w: World, e: ProjectionEngine): void {
  const es = storeOf(w, e);
  for (let pos = e.position; pos < es.log.length; pos++) {
    project(w, e, es, pos);
    e.stats.applied++;
  }
  e.position = e.checkpoint = es.log.length;
}

/** What the inline projections of a store add to an append of `events` events: each applies every one. */
export function inlineCostUs(w: World, es: EventStore, events: number): number {
  let us = 0;
  for (const e of w.parts.eventstore.engines) if (e.inline && e.store === es.id) us += e.handleUs * events;
  return us;
}

/** The store has new events: it tells each idle live subscriber. */
export function wakeProjections(w: World, es: EventStore): void {
  for (const e of w.parts.eventstore.engines) {
    if (e.inline && e.store === es.id) applyInline(w, e);
    if (e.inline || e.store !== es.id || e.busy || !instanceOf(w, e).alive) continue;
    hop(w, es.host, instanceOf(w, e).host, EE.projWake, e.id, e.cycle);
  }
}

/** Whether its instance runs; after a crash it forgets its position and resumes from its checkpoint. */
function current(w: World, e: ProjectionEngine): boolean {
  const inst = instanceOf(w, e);
  if (!inst.alive) return false;
  if (e.life !== inst.life) {
    e.life = inst.life;
    if (e.position !== e.checkpoint) {
      record(w.trace, w.now, ET.projRewind, inst.host, -1, e.checkpoint, e.position, 0);
      e.stats.rewinds++;
    }
    e.position = e.checkpoint;
    e.busy = false;
    e.page = [];
    e.cycle++;
  }
  return true;
}

function pull(w: World, e: ProjectionEngine): void {
  if (!current(w, e) || e.busy || e.position >= storeOf(w, e).log.length) return;
  e.busy = true;
  e.cycle++;
  e.busySince = w.now;
  if (!hop(w, instanceOf(w, e).host, storeOf(w, e).host, EE.projRead, e.id, e.cycle)) e.busy = false;
}

on<World>(EE.projTick, 'subscription beat', (w, ei) => {
  const e = w.parts.eventstore.engines[ei]!;
  after(w, TICK_US, EE.projTick, ei, 0);
  if (!current(w, e)) return;
  if (e.busy && w.now - e.busySince >= TICK_US) e.busy = false;
  pull(w, e);
});

on<World>(EE.projWake, 'new events announced', (w, ei) => {
  pull(w, w.parts.eventstore.engines[ei]!);
}, { hop: true });

on<World>(EE.projRead, 'page read at the store', (w, ei, cycle) => {
  const e = w.parts.eventstore.engines[ei]!;
  const es = storeOf(w, e);
  if (!es.alive || e.cycle !== cycle) return;
  e.page = [];
  for (let p = e.position; p < es.log.length && e.page.length < PAGE; p++) e.page.push(p);
  e.pageAt = w.now;
  hop(w, es.host, instanceOf(w, e).host, EE.projPage, ei, cycle);
}, { hop: true });

on<World>(EE.projPage, 'page reaches the projection', (w, ei, cycle) => {
  const e = w.parts.eventstore.engines[ei]!;
  if (e.cycle !== cycle || !current(w, e) || e.cycle !== cycle) return;
  if (e.page.length === 0) {
    e.busy = false;
    return;
  }
  e.busySince = w.now;
  after(w, e.handleUs, EE.projApply, ei, cycle);
}, { hop: true });

on<World>(EE.projApply, 'event projected', (w, ei, cycle) => {
  const e = w.parts.eventstore.engines[ei]!;
  if (e.cycle !== cycle || !current(w, e) || e.cycle !== cycle) return;
  const pos = e.page.shift()!;
  const es = storeOf(w, e);
  project(w, e, es, pos);
  e.position = pos + 1;
  e.stats.applied++;
  e.busySince = w.now;
  if (e.position - e.checkpoint >= e.checkpointEvery) {
    e.checkpoint = e.position;
    e.stats.checkpoints++;
    record(w.trace, w.now, ET.projCheckpoint, instanceOf(w, e).host, -1, e.checkpoint, 0, 0);
  }
  if (e.page.length > 0) return void after(w, e.handleUs, EE.projApply, ei, cycle);
  e.busy = false;
  pull(w, e);
});

/** Applies the event at `pos` to each of the engine's read models, and counts it on the drawn edges it travelled. */
function project(w: World, e: ProjectionEngine, es: EventStore, pos: number): void {
  const models = w.parts.eventstore.readModels;
  for (const ri of e.readModels) apply(w, e, models[ri]!, es, pos);
  // The canvas's edges: the event came from the store once, and went on to each read model drawn apart.
  countEdge(w.metrics, models[e.readModels[0]!]!.edges[0], 1);
  for (const ri of e.readModels) countEdge(w.metrics, models[ri]!.edges[1], 1);
}

function apply(w: World, e: ProjectionEngine, rm: ReadModel, es: EventStore, pos: number): void {
  // An idempotent projection keeps the position it applied with its rows, and skips what it has seen.
  if (e.dedupe && pos < rm.appliedTo) {
    e.stats.skipped++;
    return;
  }
  const key = keyOf(w.messages, es.log[pos]!);
  rm.rows.set(key, (rm.rows.get(key) ?? 0) + 1);
  const times = (rm.times.get(pos) ?? 0) + 1;
  rm.times.set(pos, times);
  if (times > 1) {
    e.stats.reapplied++;
    record(w.trace, w.now, ET.projTwice, rm.host, -1, es.log[pos]!, pos, times);
  }
  if (pos + 1 > rm.appliedTo) rm.appliedTo = pos + 1;
}

/** A read model's lag behind its store: events not applied yet, and how long the oldest of them has waited (ms). */
export function readModelLag(w: World, rm: ReadModel): { events: number; ms: number } {
  const es = storeOf(w, w.parts.eventstore.engines[rm.engine]!);
  const events = es.log.length - rm.appliedTo;
  return { events, ms: events > 0 ? (w.now - es.appendedAt[rm.appliedTo]!) / 1000 : 0 };
}

/**
 * The event store family's live state for the frame: a store's streams, events and conflicts; a projection's
 * position and lag; a read model's rows, lag and the stale reads it served.
 */
import type { NodeLiveBase } from '../live/types.ts';
import type { World } from '../world.ts';
import { readModelLag } from './subscriptions.ts';

export interface EventStoreNodeLive extends NodeLiveBase {
  type: 'eventstore';
  id: number;
  streams: number;
  events: number;
  conflicts: number;
  rejected: number;
  snapshots: number;
}

export interface ProjectionNodeLive extends NodeLiveBase {
  type: 'projection';
  /** Its read model's number (what the inspector asks about), its rows, and its lag behind the store. */
  id: number;
  rows: number;
  position: number;
  lagEvents: number;
  lagMs: number;
  staleReads: number;
  doubleCounted: number;
}

declare module '../live/types.ts' {
  interface NodeLives {
    eventstore: EventStoreNodeLive;
    projection: ProjectionNodeLive;
  }
}

export function eventStoresLive(w: World, out: Record<string, unknown>): void {
  const p = w.parts.eventstore;
  for (const es of p.stores) {
    out[es.node] = {
      type: 'eventstore', id: es.id, up: es.alive ? 1 : 0, of: 1, streams: es.streams.size, events: es.log.length,
      conflicts: es.stats.conflicts, rejected: es.stats.rejected, snapshots: es.stats.snapshots,
    } satisfies EventStoreNodeLive;
  }
  for (const rm of p.readModels) {
    const e = p.engines[rm.engine]!;
    const lag = readModelLag(w, rm);
    let twice = 0;
    for (const n of rm.times.values()) if (n > 1) twice++;
    let rows = 0;
    for (const n of rm.rows.values()) rows += n;
    out[rm.node] = {
      type: 'projection', id: rm.id, up: w.parts.apps.instances[e.instance]!.alive ? 1 : 0, of: 1, rows, position: rm.appliedTo,
      lagEvents: lag.events, lagMs: lag.ms, staleReads: rm.staleReads, doubleCounted: twice,
    } satisfies ProjectionNodeLive;
  }
  // A projection engine that maintains other nodes' read models: its own position and lag.
  for (const e of p.engines) {
    if (out[e.node] !== undefined && (out[e.node] as { type?: string }).type === 'projection') continue;
    const es = p.stores[e.store]!;
    const behind = es.log.length - e.position;
    out[e.node] = {
      type: 'projection', id: -1, up: w.parts.apps.instances[e.instance]!.alive ? 1 : 0, of: 1, rows: 0, position: e.position,
      lagEvents: behind, lagMs: behind > 0 ? (w.now - es.appendedAt[e.position]!) / 1000 : 0, staleReads: 0, doubleCounted: 0,
    } satisfies ProjectionNodeLive;
  }
}

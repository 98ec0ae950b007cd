/**
 * The event store family's live rows: a store's streams, events and the commands its optimistic concurrency refused;
 * a projection's (or read model's) lag behind the store and the stale reads it served.
 */
import { memo, useDeferredValue } from 'react';
import type { NodeLives } from '../../../engine/index.ts';
import { compact } from './format.ts';
import { Idle, UpChip } from './rows.tsx';
import { useNodeLive } from './useLiveNode.ts';

export function EventStoreLive({ id }: { id: string }) {
  return <EventStoreRow id={id} s={useDeferredValue(useNodeLive(id, 'eventstore'))} />;
}

const EventStoreRow = memo(function EventStoreRow({ id, s }: { id: string; s: NodeLives['eventstore'] | undefined }) {
  if (!s) return <Idle />;
  return (
    <div className="live-row" data-testid={`live-${id}`}>
      <UpChip up={s.up} />
      <span className="live-chip" title={`${s.events} events in ${s.streams} streams, never deleted; ${s.snapshots} snapshots taken`} data-testid="live-events">
        {compact(s.events)} events
      </span>
      {s.conflicts > 0 && (
        <span className="live-chip is-warn" title={`${s.conflicts} appends refused for a wrong expected version (another command wrote the stream first); ${s.rejected} commands failed for it`} data-testid="live-conflicts">
          ⚠ {compact(s.conflicts)}
        </span>
      )}
    </div>
  );
});

export function ProjectionLive({ id }: { id: string }) {
  return <ProjectionRow id={id} p={useDeferredValue(useNodeLive(id, 'projection'))} />;
}

const ProjectionRow = memo(function ProjectionRow({ id, p }: { id: string; p: NodeLives['projection'] | undefined }) {
  if (!p) return <Idle />;
  const lagging = p.lagEvents > 0;
  return (
    <div className="live-row" data-testid={`live-${id}`}>
      <UpChip up={p.up} />
      {p.id >= 0 && (
        <span className="live-chip" title={`${p.rows} rows in the read model`} data-testid="live-rows">
          {compact(p.rows)} rows
        </span>
      )}
      <span className={`live-chip${lagging ? ' is-warn' : ''}`} title={`${p.lagEvents} events behind the store (${Math.round(p.lagMs)} ms), at position ${p.position}`} data-testid="live-lag">
        lag {compact(p.lagEvents)}
      </span>
      {p.staleReads + p.doubleCounted > 0 && (
        <span className="live-chip is-bad" title={`${p.staleReads} reads served stale data; ${p.doubleCounted} events applied twice`} data-testid="live-stale">
          ✕ {compact(p.staleReads + p.doubleCounted)}
        </span>
      )}
    </div>
  );
});

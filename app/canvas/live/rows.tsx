/**
 * The live rows of the applications' nodes (services, clients) and of topics and partitions drawn as nodes. Each
 * subscribes to its own node's live state only, deferred (useDeferredValue): the store's update stays a cheap
 * synchronous pass, and React draws hundreds of rows in interruptible slices.
 */
import { memo, useDeferredValue } from 'react';
import type { ClientNodeLive, PartitionLive, ServiceNodeLive } from '../../../engine/index.ts';
import { compact, successRate } from './format.ts';
import { PartitionCells } from './PartitionCells.tsx';
import { useClientLive, useGroupLag, usePartitionNodeLive, useServiceLive, useTopicNodeLive } from './useLiveNode.ts';
import './live.css';

/** Before a run, and for what the simulation does not run. */
export function Idle() {
  return <div className="live-row is-idle">idle</div>;
}

/** Whether a process (a database, a store, a RabbitMQ node, an orchestrator) is running: the first chip of its row. */
export function UpChip({ up }: { up: boolean | number }) {
  return (
    <span className={`live-chip live-up ${up ? 'is-up' : 'is-down'}`} title={up ? 'running' : 'crashed'} data-testid="live-up">
      <i className="live-dot" />
      {up ? 'up' : 'down'}
    </span>
  );
}

export function ServiceLiveRow({ id }: { id: string }) {
  const s = useDeferredValue(useServiceLive(id));
  const lag = useDeferredValue(useGroupLag(s?.group ?? -1));
  return <ServiceRow id={id} s={s} lag={lag} />;
}

const ServiceRow = memo(function ServiceRow({ id, s, lag }: { id: string; s: ServiceNodeLive | undefined; lag: number | undefined }) {
  if (!s) return <Idle />;
  const inFlight = s.busy + s.queued;
  const health = s.up === s.of ? 'is-up' : s.up === 0 ? 'is-down' : 'is-partly';
  return (
    <div className="live-row" data-testid={`live-${id}`}>
      <span className={`live-chip live-up ${health}`} title={`${s.up} of ${s.of} instances up`} data-testid="live-up">
        <i className="live-dot" />
        {s.up}/{s.of}
      </span>
      {s.group < 0 || inFlight > 0 ? (
        <span className="live-chip" title={`${inFlight} requests in flight: ${s.busy} being handled, ${s.queued} queued`} data-testid="live-inflight">
          ⇄ {compact(inFlight)}
        </span>
      ) : null}
      {s.group >= 0 && (
        <span className="live-chip" title={`${s.processed} records processed`} data-testid="live-processed">
          ✓ {compact(s.processed)}
        </span>
      )}
      {s.failed > 0 && (
        <span className="live-chip is-bad" title={`${s.failed} requests failed (${s.rejected} rejected)`} data-testid="live-failed">
          ✕ {compact(s.failed)}
        </span>
      )}
      {s.group >= 0 && (
        <span className={`live-chip${(lag ?? 0) > 0 ? ' is-warn' : ''}`} title="Consumer lag: records on the partitions past the group's committed offsets" data-testid="live-lag">
          lag {compact(lag ?? 0)}
        </span>
      )}
      {s.rejecting && <span className="live-chip is-bad">rejecting</span>}
      {s.slowMs > 0 && <span className="live-chip is-warn">+{s.slowMs}ms</span>}
    </div>
  );
});

export function ClientLiveRow({ id }: { id: string }) {
  return <ClientRow id={id} c={useDeferredValue(useClientLive(id))} />;
}

const ClientRow = memo(function ClientRow({ id, c }: { id: string; c: ClientNodeLive | undefined }) {
  if (!c) return <Idle />;
  const bad = c.failed > 0;
  return (
    <div className="live-row" data-testid={`live-${id}`}>
      <span className={`live-chip${bad ? ' is-bad' : ' is-good'}`} title={`${c.ok} succeeded, ${c.failed} failed`} data-testid="live-success">
        {successRate(c.ok, c.failed)} ok
      </span>
      <span className="live-chip" title="requests sent">
        {compact(c.ok + c.failed)} sent
      </span>
    </div>
  );
});

export function TopicLive({ id, width }: { id: string; width: number }) {
  return <TopicRow partitions={useDeferredValue(useTopicNodeLive(id))} width={width} />;
}

const TopicRow = memo(function TopicRow({ partitions, width }: { partitions: PartitionLive[] | undefined; width: number }) {
  if (!partitions) return <Idle />;
  return (
    <div className="live-row">
      <PartitionCells partitions={partitions} width={width} />
    </div>
  );
});

export function PartitionNodeLive({ id }: { id: string }) {
  return <PartitionNodeRow p={useDeferredValue(usePartitionNodeLive(id))} />;
}

const PartitionNodeRow = memo(function PartitionNodeRow({ p }: { p: PartitionLive | undefined }) {
  if (!p) return <Idle />;
  return (
    <div className="live-row" title={`log end ${p.logEnd}, high watermark ${p.highWatermark}`}>
      <span className={`live-chip${p.offline ? ' is-bad' : p.isr.length < p.replicas.length ? ' is-warn' : ''}`}>{p.offline ? 'offline' : `leader ${p.leader}`}</span>
      <span className="live-chip">ISR {p.isr.join(',')}</span>
      <span className="live-chip">
        {compact(p.highWatermark)}/{compact(p.logEnd)}
      </span>
    </div>
  );
});

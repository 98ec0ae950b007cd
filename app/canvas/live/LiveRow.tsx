/**
 * The live rows under a node's caption: what the simulation says about it right now. Each kind subscribes to its
 * own slice only, so a frame redraws the rows whose numbers changed and nothing else of the node. The redraw is
 * deferred (useDeferredValue): the store's update stays a cheap synchronous pass, and React draws hundreds of rows
 * in interruptible slices, so a big topology never blocks a frame.
 */
import { memo, useDeferredValue } from 'react';
import type { ClientLive, PartitionLive, ServiceLive, TopologyNode } from '../../../engine/index.ts';
import { liveRows } from '../../../engine/ui.ts';
import { compact, successRate } from './format.ts';
import { KafkaLive } from './KafkaLive.tsx';
import { PartitionCells } from './PartitionCells.tsx';
import { useClientLive, useGroupLag, useServiceLive, useTopicLive } from './useLiveNode.ts';
import './live.css';

export const LiveRow = memo(function LiveRow({ node, width }: { node: TopologyNode; width: number }) {
  if (liveRows(node.kind) === 0) return null;
  switch (node.kind) {
    case 'kafka':
      return <KafkaLive id={node.id} width={width} />;
    case 'topic':
      return <TopicLive topic={node.topics?.[0] ?? node.label} width={width} />;
    case 'partition':
      return node.partitionOf ? <PartitionNodeLive topic={node.partitionOf.topic} index={node.partitionOf.index} /> : <Idle />;
    case 'client':
      return <ClientLiveRow id={node.id} />;
    default:
      return <ServiceLiveRow id={node.id} />;
  }
});

/** Before a run, and for what the simulation does not run. */
function Idle() {
  return <div className="live-row is-idle">idle</div>;
}

function ServiceLiveRow({ id }: { id: string }) {
  const s = useDeferredValue(useServiceLive(id));
  const lag = useDeferredValue(useGroupLag(s?.group ?? -1));
  return <ServiceRow id={id} s={s} lag={lag} />;
}

const ServiceRow = memo(function ServiceRow({ id, s, lag }: { id: string; s: ServiceLive | undefined; lag: number | undefined }) {
  if (!s) return <Idle />;
  const inFlight = s.busy + s.queued;
  const health = s.up === s.instances ? 'is-up' : s.up === 0 ? 'is-down' : 'is-partly';
  return (
    <div className="live-row" data-testid={`live-${id}`}>
      <span className={`live-chip live-up ${health}`} title={`${s.up} of ${s.instances} instances up`} data-testid="live-up">
        <i className="live-dot" />
        {s.up}/{s.instances}
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

function ClientLiveRow({ id }: { id: string }) {
  return <ClientRow id={id} c={useDeferredValue(useClientLive(id))} />;
}

const ClientRow = memo(function ClientRow({ id, c }: { id: string; c: ClientLive | undefined }) {
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

function TopicLive({ topic, width }: { topic: string; width: number }) {
  return <TopicRow partitions={useDeferredValue(useTopicLive(topic))} width={width} />;
}

const TopicRow = memo(function TopicRow({ partitions, width }: { partitions: PartitionLive[] | undefined; width: number }) {
  if (!partitions) return <Idle />;
  return (
    <div className="live-row">
      <PartitionCells partitions={partitions} width={width} />
    </div>
  );
});

function PartitionNodeLive({ topic, index }: { topic: string; index: number }) {
  return <PartitionNodeRow p={useDeferredValue(useTopicLive(topic))?.[index]} />;
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

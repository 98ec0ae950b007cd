/**
 * Kafka's live sections in the inspector: a cluster's brokers and its partitions, a topic's partitions (each opens
 * its log).
 */
import type { NodeLives, PartitionLive, TopologyNode } from '../../../engine/index.ts';
import { partitionState, partitionTitle } from '../../canvas/live/PartitionCells.tsx';
import { inspectPartition } from './focus.ts';

export function ClusterSection({ node, live: cluster }: { node: TopologyNode; live: NodeLives['kafka'] }) {
  return (
    <>
      <dl className="live-facts">
        {cluster.brokers.map((b) => (
          <div key={b.number} className="live-fact-row">
            <dt>broker {b.number}</dt>
            <dd className={b.alive ? (b.fenced ? 'is-warn' : '') : 'is-bad'}>
              {b.alive ? (b.fenced ? 'fenced' : 'alive') : 'crashed'} · leads {b.leads}, follows {b.follows}
            </dd>
          </div>
        ))}
        <div className="live-fact-row" data-testid="quorum-fact">
          <dt>controller</dt>
          <dd className={cluster.controllerAlive ? '' : 'is-bad'}>
            {cluster.quorum.active > 0 ? `controller-${cluster.quorum.active} active` : 'none active'}
            {` · ${cluster.quorum.voters.filter(Boolean).length} of ${cluster.quorum.voters.length} voters up`}
            {cluster.quorum.majority ? '' : ' · no majority: metadata frozen'}
          </dd>
        </div>
      </dl>
      <Partitions node={node} partitions={cluster.partitions} />
    </>
  );
}

export function TopicSection({ node, live }: { node: TopologyNode; live: NodeLives['topic'] }) {
  return <Partitions node={node} partitions={live.partitions} />;
}

function Partitions({ node, partitions }: { node: TopologyNode; partitions: readonly PartitionLive[] }) {
  return (
    <ul className="live-partitions">
      {partitions.map((p) => (
        <li key={p.id}>
          <button type="button" className={`link-button is-${partitionState(p)}`} title={partitionTitle(p)} onClick={() => inspectPartition(node.id, p.id)}>
            {p.topic}-{p.index}
          </button>
          <span className="muted">
            {p.offline ? 'offline' : `leader ${p.leader}`} · ISR {p.isr.join(',') || '–'} · HW {p.highWatermark}
          </span>
        </li>
      ))}
    </ul>
  );
}

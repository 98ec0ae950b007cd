/**
 * Kafka's live sections in the inspector: a cluster's brokers and its partitions, a topic's partitions (each opens
 * its log), and growing a topic as `kafka-topics.sh --alter --partitions` does.
 */
import { useState, type FormEvent } from 'react';
import type { NodeLives, PartitionLive, TopologyNode } from '../../../engine/index.ts';
import { injectNow } from '../../playback/actions.ts';
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
      {[...new Set(cluster.partitions.map((p) => p.topic))].map((t) => (
        <AddPartitions key={t} topic={t} count={cluster.partitions.filter((p) => p.topic === t).length} />
      ))}
    </>
  );
}

export function TopicSection({ node, live }: { node: TopologyNode; live: NodeLives['topic'] }) {
  const topics = [...new Set(live.partitions.map((p) => p.topic))];
  return (
    <>
      <Partitions node={node} partitions={live.partitions} />
      {topics.map((t) => (
        <AddPartitions key={t} topic={t} count={live.partitions.filter((p) => p.topic === t).length} />
      ))}
    </>
  );
}

/**
 * Grows a topic now: producers use the new partitions after their next metadata refresh, keyed records move, and the
 * groups rebalance to read them (with auto.offset.reset=latest, skipping what came before they got there).
 */
function AddPartitions({ topic, count }: { topic: string; count: number }) {
  const [want, setWant] = useState(String(count * 2));
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void injectNow(`add-partitions ${topic} ${want.trim()}`).then((r) => setNote({ ok: r.ok, text: r.note }));
  };
  return (
    <form className="live-add-partitions" onSubmit={submit} data-testid={`add-partitions-${topic}`}>
      <label>
        Grow {topic} to{' '}
        <input type="number" value={want} onChange={(e) => setWant(e.target.value)} aria-label={`New number of partitions of ${topic}`} /> partitions
      </label>
      <button type="submit" className="bar-button">
        Add partitions
      </button>
      {note && (
        <p className={`live-note${note.ok ? '' : ' is-bad'}`} role="status">
          {note.text}
        </p>
      )}
    </form>
  );
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

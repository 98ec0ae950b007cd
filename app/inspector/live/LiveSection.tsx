/**
 * The inspector's view of a node during a run: a service's instances and requests, its consumer group (members,
 * assignment, state, rebalances), a client's success, a Kafka node's brokers and partitions. Nothing before a run.
 */
import type { TopologyNode } from '../../../engine/index.ts';
import { partitionState, partitionTitle } from '../../canvas/live/PartitionCells.tsx';
import { successRate } from '../../canvas/live/format.ts';
import { groupDetail } from './kafkaQueries.ts';
import { frameIndex } from '../../sim/frameIndex.ts';
import { useLive } from '../../sim/index.ts';
import { inspectPartition } from './focus.ts';
import { useLiveQuery } from './useLiveQuery.ts';
import './live.css';

export function LiveSection({ node }: { node: TopologyNode }) {
  const view = useLive((s) => s.view);
  if (!view) return null;
  const x = frameIndex(view);
  const live = x.nodes[node.id];
  const service = live?.type === 'service' ? live : undefined;
  const client = live?.type === 'client' ? live : undefined;
  const cluster = live?.type === 'kafka' ? live : undefined;
  const topic = live?.type === 'topic' ? live.partitions : undefined;
  const partitions = cluster?.partitions ?? topic;
  if (!service && !client && !partitions) return null;
  return (
    <section className="live-inspector" data-testid="live-section">
      <label className="section-label">Live</label>
      {service && (
        <dl className="live-facts">
          <dt>instances up</dt>
          <dd>
            {service.up} of {service.of}
          </dd>
          <dt>in flight</dt>
          <dd>
            {service.busy} handled, {service.queued} queued
          </dd>
          <dt>requests</dt>
          <dd>
            {service.ok} ok, {service.failed} failed ({service.rejected} rejected)
          </dd>
          {service.group >= 0 && (
            <>
              <dt>processed</dt>
              <dd>{service.processed} records</dd>
            </>
          )}
          {(service.rejecting || service.slowMs > 0) && (
            <>
              <dt>faults</dt>
              <dd>{[service.rejecting && 'rejecting every request', service.slowMs > 0 && `${service.slowMs} ms slower`].filter(Boolean).join(', ')}</dd>
            </>
          )}
        </dl>
      )}
      {client && (
        <dl className="live-facts">
          <dt>succeeded</dt>
          <dd>
            {successRate(client.ok, client.failed)} ({client.ok} ok, {client.failed} failed)
          </dd>
        </dl>
      )}
      {cluster && (
        <dl className="live-facts">
          {cluster.brokers.map((b) => (
            <div key={b.number} className="live-fact-row">
              <dt>broker {b.number}</dt>
              <dd className={b.alive ? (b.fenced ? 'is-warn' : '') : 'is-bad'}>
                {b.alive ? (b.fenced ? 'fenced' : 'alive') : 'crashed'} · leads {b.leads}, follows {b.follows}
              </dd>
            </div>
          ))}
          {!cluster.controllerAlive && (
            <div className="live-fact-row">
              <dt>controller</dt>
              <dd className="is-bad">down</dd>
            </div>
          )}
        </dl>
      )}
      {partitions && (
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
      )}
      {service && service.group >= 0 && <GroupSection gid={service.group} />}
    </section>
  );
}

/** A consumer group: state (a rebalance in progress shows as preparing), members and what each was assigned. */
function GroupSection({ gid }: { gid: number }) {
  const g = useLiveQuery(`group:${gid}`, () => groupDetail(gid));
  if (!g) return null;
  const rebalancing = g.group.state === 'preparing';
  return (
    <div className="live-group" data-testid="group-detail">
      <label className="section-label">
        Group <code>{g.group.name}</code>
      </label>
      <p className="small">
        <span className={`live-state${rebalancing ? ' is-under' : ' is-ok'}`} data-testid="group-state">
          {rebalancing ? 'rebalancing' : g.group.state}
        </span>{' '}
        generation {g.group.generation} · {g.group.rebalances} rebalances · {g.strategy} · coordinator {g.coordinator}
      </p>
      <table className="live-table">
        <thead>
          <tr>
            <th>member</th>
            <th>partitions</th>
          </tr>
        </thead>
        <tbody>
          {g.members.map((m) => (
            <tr key={m.memberId}>
              <td title={m.memberId}>{m.instance}</td>
              <td>{m.partitions.join(', ') || 'none'}</td>
            </tr>
          ))}
          {g.members.length === 0 && (
            <tr>
              <td colSpan={2} className="muted">
                no members
              </td>
            </tr>
          )}
        </tbody>
      </table>
      <table className="live-table">
        <thead>
          <tr>
            <th>partition</th>
            <th>committed</th>
            <th>lag</th>
          </tr>
        </thead>
        <tbody>
          {g.committed.map((c) => (
            <tr key={c.partition}>
              <td>{c.partition}</td>
              <td>{c.offset}</td>
              <td>{c.lag}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

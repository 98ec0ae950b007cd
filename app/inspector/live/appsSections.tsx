/**
 * The applications' live sections in the inspector: a service's instances and requests, the checkouts that enter
 * through it (its users', or the events it publishes), the consumer group it reads in; a client's success.
 */
import type { NodeLives, TopologyNode } from '../../../engine/index.ts';
import { successRate } from '../../canvas/live/format.ts';
import { useLive } from '../../sim/index.ts';
import { groupDetail } from './kafkaQueries.ts';
import { useLiveQuery } from './useLiveQuery.ts';

export function ServiceSection({ node, live: service }: { node: TopologyNode; live: NodeLives['service'] }) {
  // Checkouts that enter here: its users' requests, or the events it publishes on its own (each one a checkout).
  const entry = useLive((s) => s.view?.entries.find((e) => e.node === node.id && e.kind !== 'client'));
  return (
    <>
      <dl className="live-facts">
        <dt>instances up</dt>
        <dd>
          {service.up} of {service.of}
        </dd>
        <dt>in flight</dt>
        <dd>
          {service.busy} handled, {service.queued} queued
        </dd>
        {(service.requests > 0 || entry?.kind !== 'events') && (
          <>
            <dt>requests</dt>
            <dd>
              {service.ok} ok, {service.failed} failed ({service.rejected} rejected)
            </dd>
          </>
        )}
        {entry?.kind === 'events' && (
          <>
            <dt>events published</dt>
            <dd data-testid="live-events">
              {entry.ok.toLocaleString('en')} acknowledged, {entry.failed.toLocaleString('en')} failed
            </dd>
          </>
        )}
        {entry?.kind === 'users' && (
          <>
            <dt>its users&apos; checkouts</dt>
            <dd data-testid="live-checkouts">
              {successRate(entry.ok, entry.failed)} ({entry.ok.toLocaleString('en')} ok, {entry.failed.toLocaleString('en')} failed)
            </dd>
          </>
        )}
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
      {service.group >= 0 && <GroupSection gid={service.group} />}
    </>
  );
}

export function ClientSection({ live: client }: { live: NodeLives['client'] }) {
  return (
    <dl className="live-facts">
      <dt>succeeded</dt>
      <dd>
        {successRate(client.ok, client.failed)} ({client.ok} ok, {client.failed} failed)
      </dd>
    </dl>
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

/**
 * A Kafka node's live rows: its brokers (alive, fenced by the controller, or crashed, with how many partitions each
 * leads), then every partition it hosts.
 */
import { memo, useDeferredValue } from 'react';
import type { BrokerLive, KafkaNodeLive } from '../../../engine/index.ts';
import { PartitionCells } from './PartitionCells.tsx';
import { useClusterLive } from './useLiveNode.ts';

const brokerState = (b: BrokerLive) => (!b.alive ? 'crashed' : b.fenced ? 'fenced' : 'alive');

/** The controller quorum in words: which voter is active, how many are up, and whether they make a majority. */
export function quorumText(id: string, q: KafkaNodeLive['quorum']): string {
  const up = q.voters.filter(Boolean).length;
  const voters = `${up} of ${q.voters.length} controller${q.voters.length === 1 ? '' : 's'} up`;
  if (!q.majority) return `no controller majority (${voters}): no new leaders, no fencing`;
  return q.active > 0 ? `${id}/controller-${q.active} is the active controller (${voters})` : `the controllers are electing a leader (${voters})`;
}

/** Deferred like the other live rows (see LiveRow.tsx). */
export function KafkaLive({ id, width }: { id: string; width: number }) {
  return <KafkaRows id={id} c={useDeferredValue(useClusterLive(id))} width={width} />;
}

const KafkaRows = memo(function KafkaRows({ id, c, width }: { id: string; c: KafkaNodeLive | undefined; width: number }) {
  if (!c) {
    return (
      <>
        <div className="live-row is-idle">brokers start with the run</div>
        <div className="live-row is-idle" />
      </>
    );
  }
  return (
    <>
      <div className="live-row brokers" data-testid={`brokers-${id}`} title={quorumText(id, c.quorum)}>
        {c.brokers.map((b) => (
          <span
            key={b.number}
            className={`broker is-${brokerState(b)}`}
            title={`${id}/${b.number}: ${brokerState(b)} · leads ${b.leads} partitions, follows ${b.follows}`}
            data-testid={`broker-${id}-${b.number}`}
            data-state={brokerState(b)}
          >
            <b>{b.number}</b>
            {b.alive && <span className="broker-leads">{b.leads}</span>}
          </span>
        ))}
        {!c.controllerAlive && (
          <span className="live-chip is-bad" data-testid={`quorum-${id}`} title={quorumText(id, c.quorum)}>
            {!c.quorum.majority ? 'no quorum' : c.quorum.active > 0 ? 'controller down' : 'electing'}
          </span>
        )}
      </div>
      <div className="live-row">
        <PartitionCells partitions={c.partitions} width={width} />
      </div>
    </>
  );
});

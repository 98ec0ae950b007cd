/**
 * RabbitMQ's live rows: a RabbitMQ node's members (up or crashed) and the queues it hosts; an exchange's routing
 * (routed, unroutable, returned); a queue's depth (ready and unacked), what left it dead (dead-lettered, expired,
 * dropped), and on a second row its consumers, each with the deliveries it holds unacked.
 */
import { memo, useDeferredValue } from 'react';
import type { NodeLives, QueueNodeLive, RabbitNodeLive } from '../../../engine/index.ts';
import { compact } from './format.ts';
import { Idle, UpChip } from './rows.tsx';
import { sameFields, useLiveWith, useNodeLive } from './useLiveNode.ts';
import { frameIndex } from '../../sim/frameIndex.ts';
import type { LiveState } from '../../sim/liveStore.ts';

/** A node's live state: its flat fields and the items of its one list compared, so it re-renders only on a change. */
function useListLive<K extends 'rabbitmq' | 'queue'>(id: string, type: K, key: keyof NodeLives[K]): NodeLives[K] | undefined {
  return useLiveWith(
    (s: LiveState) => {
      const live = s.view ? frameIndex(s.view).nodes[id] : undefined;
      return live?.type === type ? (live as NodeLives[K]) : undefined;
    },
    (a, b) => {
      if (a === b) return true;
      if (!a || !b) return false;
      const [la, lb] = [a[key] as readonly object[], b[key] as readonly object[]];
      return la.length === lb.length && la.every((x, i) => sameFields(x, lb[i])) && sameFields({ ...a, [key]: null }, { ...b, [key]: null });
    },
  );
}

export function RabbitLive({ id }: { id: string }) {
  return <RabbitRow id={id} r={useDeferredValue(useListLive(id, 'rabbitmq', 'nodes'))} />;
}

const RabbitRow = memo(function RabbitRow({ id, r }: { id: string; r: RabbitNodeLive | undefined }) {
  if (!r) return <Idle />;
  const queues = (
    <span className="live-chip" title={`${r.queues} queues on ${id}`} data-testid="live-queues">
      {r.queues} {r.queues === 1 ? 'queue' : 'queues'}
    </span>
  );
  if (r.of === 1) {
    return (
      <div className="live-row" data-testid={`live-${id}`}>
        <UpChip up={r.up} />
        {queues}
      </div>
    );
  }
  return (
    <div className="live-row brokers" data-testid={`live-${id}`}>
      {r.nodes.map((n) => (
        <span
          key={n.number}
          className={`broker is-rabbit is-${n.alive ? 'alive' : 'crashed'}`}
          title={`${id}/${n.number}: ${n.alive ? 'running' : 'crashed'}`}
          data-testid={`rabbit-node-${id}-${n.number}`}
          data-state={n.alive ? 'alive' : 'crashed'}
        >
          <b>{n.number}</b>
        </span>
      ))}
      {queues}
    </div>
  );
});

export function ExchangeLive({ id }: { id: string }) {
  return <ExchangeRow id={id} x={useDeferredValue(useNodeLive(id, 'exchange'))} />;
}

const ExchangeRow = memo(function ExchangeRow({ id, x }: { id: string; x: NodeLives['exchange'] | undefined }) {
  if (!x) return <Idle />;
  return (
    <div className="live-row" data-testid={`live-${id}`}>
      <span className="live-chip is-kind" title={`a ${x.exchangeType} exchange${x.up ? '' : ': its node is down'}`} data-testid="live-exchange-type">
        {x.exchangeType}
      </span>
      <span className="live-chip" title={`${x.routed} messages routed into at least one queue`} data-testid="live-routed">
        → {compact(x.routed)}
      </span>
      {x.deadLettered > 0 && (
        <span className="live-chip is-warn" title={`${x.deadLettered} messages dead-lettered into it by the queues that name it their dead-letter exchange`} data-testid="live-dead-in">
          ☠ {compact(x.deadLettered)}
        </span>
      )}
      {x.unroutable > 0 && (
        <span
          className="live-chip is-bad"
          title={`${x.unroutable} messages matched no binding: ${x.returned} returned to their publisher (mandatory), ${x.unroutable - x.returned} dropped`}
          data-testid="live-unroutable"
        >
          ✕ {compact(x.unroutable)}
        </span>
      )}
    </div>
  );
});

export function QueueLive({ id, width }: { id: string; width: number }) {
  return <QueueRows id={id} q={useDeferredValue(useListLive(id, 'queue', 'consumers'))} width={width} />;
}

/** About how wide a consumer's pill is, to know how many fit before `+n`. */
const PILL_PX = 64;

const QueueRows = memo(function QueueRows({ id, q, width }: { id: string; q: QueueNodeLive | undefined; width: number }) {
  if (!q) {
    return (
      <>
        <Idle />
        <div className="live-row is-idle" />
      </>
    );
  }
  const fit = Math.max(1, Math.floor((width - 24) / PILL_PX));
  const shown = q.consumers.length > fit ? q.consumers.slice(0, fit - 1) : q.consumers;
  const more = q.consumers.length - shown.length;
  return (
    <>
      <div className="live-row" data-testid={`live-${id}`}>
        {!q.up && (
          <span className="live-chip is-bad" title="Its node is down (or a quorum queue has no leader): it takes and delivers nothing" data-testid="live-unavailable">
            down
          </span>
        )}
        <span className={`live-chip${q.ready > 0 ? ' is-depth' : ''}`} title={`${q.ready} ready: waiting for a consumer`} data-testid="live-ready">
          {compact(q.ready)} ready
        </span>
        <span className={`live-chip${q.unacked > 0 ? ' is-warn' : ''}`} title={`${q.unacked} unacked: delivered, not yet acked (requeued if their consumer goes)`} data-testid="live-unacked">
          {compact(q.unacked)} unacked
        </span>
        {q.deadLettered > 0 && (
          <span className="live-chip is-warn" title={`${q.deadLettered} dead-lettered: sent on to its dead-letter exchange (rejected, expired, over a length or delivery limit)`} data-testid="live-dead">
            ☠ {compact(q.deadLettered)}
          </span>
        )}
        {q.expired > 0 && (
          <span className="live-chip is-warn" title={`${q.expired} expired at the head of the queue (their TTL ran out), then dead-lettered or dropped`} data-testid="live-expired">
            ⌛ {compact(q.expired)}
          </span>
        )}
        {q.dropped + q.refused > 0 && (
          <span className="live-chip is-bad" title={`${q.dropped} left dead with no dead-letter exchange to go to: dropped; ${q.refused} refused at publish (x-overflow reject-publish)`} data-testid="live-dropped">
            ✕ {compact(q.dropped + q.refused)}
          </span>
        )}
      </div>
      <div className="live-row" data-testid={`consumers-${id}`}>
        {q.consumers.length === 0 ? (
          <span className="live-row is-idle">no consumers</span>
        ) : (
          shown.map((c, i) => (
            <span
              key={i}
              className={`consumer-pill${c.unacked > 0 ? ' is-holding' : ''}${c.up ? '' : ' is-down'}`}
              title={c.up ? `${c.name} holds ${c.unacked} unacked deliveries` : `${c.name} is not consuming (crashed, or reconnecting)`}
              data-testid="live-consumer"
              data-up={c.up}
            >
              <span className="consumer-name">{c.name}</span>
              <b>{compact(c.unacked)}</b>
            </span>
          ))
        )}
        {more > 0 && (
          <span className="live-chip" title={q.consumers.slice(shown.length).map((c) => `${c.name}: ${c.unacked} unacked`).join('\n')}>
            +{more}
          </span>
        )}
      </div>
    </>
  );
});

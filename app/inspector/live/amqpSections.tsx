/**
 * RabbitMQ's live sections in the inspector: a RabbitMQ node's members; an exchange's bindings and what it routed; a
 * queue's counts, settings, consumers (ack mode, prefetch, what each holds unacked) and its messages head first, with
 * their routing key, redelivered flag, TTL left and x-death record. Every message id opens its story in the trace.
 * Loaded on demand (registry.ts): nobody pays for it before inspecting a queue.
 */
import type { ExchangeDetail, ExchangeMatch, NodeLives, QueueDetail, QueueMessageView } from '../../../engine/index.ts';
import { engine } from '../../engine/client.ts';
import { formatDuration } from '../../observe/format.ts';
import { openTrace } from '../../observe/observeStore.ts';
import { useLiveQuery } from './useLiveQuery.ts';

const queueDetail = (id: number) => engine.sim.inspect('amqp', 'queue', id) as Promise<QueueDetail | null>;
const exchangeDetail = (id: number) => engine.sim.inspect('amqp', 'exchange', id) as Promise<ExchangeDetail | null>;

/** `#1505`, a link to the message's story in the trace. */
function MessageLink({ id }: { id: number }) {
  return (
    <button type="button" className="link-button is-mono" onClick={() => openTrace({ kind: 'message', id })} title="Show this message's story in the trace" data-testid="amqp-message">
      #{id}
    </button>
  );
}

export function RabbitSection({ live }: { live: NodeLives['rabbitmq'] }) {
  return (
    <dl className="live-facts" data-testid="rabbit-detail">
      {live.nodes.map((n) => (
        <div key={n.number} className="live-fact-row">
          <dt>{live.of > 1 ? `node ${n.number}` : 'state'}</dt>
          <dd className={n.alive ? '' : 'is-bad'}>{n.alive ? 'running' : 'crashed'}</dd>
        </div>
      ))}
      <dt>queues</dt>
      <dd>{live.queues}</dd>
    </dl>
  );
}

export function ExchangeSection({ live }: { live: NodeLives['exchange'] }) {
  const d = useLiveQuery(`exchange:${live.id}`, () => exchangeDetail(live.id));
  return (
    <>
      <dl className="live-facts" data-testid="exchange-detail">
        <dt>type</dt>
        <dd>{live.exchangeType}</dd>
        <dt>routed</dt>
        <dd>{live.routed.toLocaleString('en')} into one queue or more</dd>
        {live.deadLettered > 0 && (
          <>
            <dt>dead letters</dt>
            <dd>{live.deadLettered.toLocaleString('en')} dead-lettered into it by its queues</dd>
          </>
        )}
        <dt>unroutable</dt>
        <dd className={live.unroutable > 0 ? 'is-bad' : ''}>
          {live.unroutable === 0 ? 'none' : `${live.unroutable.toLocaleString('en')}: ${live.returned.toLocaleString('en')} returned to their publisher, ${(live.unroutable - live.returned).toLocaleString('en')} dropped`}
        </dd>
        {d?.alternate && (
          <>
            <dt>alternate</dt>
            <dd>exchange {d.alternate} takes what matches no binding</dd>
          </>
        )}
      </dl>
      {d && (
        <>
          <label className="section-label live-sub">Bindings</label>
          {d.bindings.length === 0 ? (
            <p className="muted small">None: everything published here is unroutable.</p>
          ) : (
            <table className="live-table" data-testid="exchange-bindings">
              <thead>
                <tr>
                  <th>to</th>
                  <th>{live.exchangeType === 'headers' ? 'headers' : 'binding key'}</th>
                </tr>
              </thead>
              <tbody>
                {d.bindings.map((b, i) => (
                  <tr key={i}>
                    <td>{b.to}</td>
                    <td className="is-mono">{bindingKey(live.exchangeType, b)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <label className="section-label live-sub">What matched lately</label>
          {d.matched.length === 0 ? (
            <p className="muted small">Nothing published here yet (or not within the trace the run keeps).</p>
          ) : (
            <table className="live-table is-records" data-testid="exchange-matched">
              <thead>
                <tr>
                  <th>message</th>
                  <th>routing key</th>
                  <th>into</th>
                </tr>
              </thead>
              <tbody>
                {d.matched.map((m) => (
                  <tr key={m.id} data-testid="exchange-match" data-routed={m.queues.length > 0}>
                    <td>
                      <MessageLink id={m.id} />
                      {m.deadFrom && (
                        <div className="live-tags">
                          <span className="live-tag is-dead" title={`dead-lettered from queue ${m.deadFrom}`}>
                            ☠ from {m.deadFrom}
                          </span>
                        </div>
                      )}
                    </td>
                    <td className="is-mono">{m.routingKey || (m.deadFrom ? '(its own key)' : '(empty key)')}</td>
                    <td className={m.queues.length === 0 && !m.pending ? 'is-bad' : ''}>{matchedInto(m)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </>
  );
}

function matchedInto(m: ExchangeMatch): string {
  if (m.queues.length > 0) return m.queues.join(', ');
  if (m.pending) return 'no queue has it yet';
  return m.returned ? 'no queue: returned to its publisher' : 'no queue: dropped';
}

function bindingKey(type: string, b: ExchangeDetail['bindings'][number]): string {
  if (type === 'fanout') return '(any: fanout ignores keys)';
  if (b.headers) return `x-match=${b.matchAll ? 'all' : 'any'} ${Object.entries(b.headers).map(([k, v]) => `${k}=${v}`).join(' ')}`;
  return b.key === '' ? '(empty key)' : b.key;
}

type Count = 'published' | 'delivered' | 'acked' | 'requeued' | 'deadLettered' | 'expired' | 'dropped' | 'refused';

const STATS: [Count, string][] = [
  ['published', 'taken in'],
  ['delivered', 'delivered'],
  ['acked', 'acked'],
  ['requeued', 'requeued'],
  ['deadLettered', 'dead-lettered'],
  ['expired', 'expired'],
  ['dropped', 'dropped'],
  ['refused', 'refused'],
];

export function QueueSection({ live }: { live: NodeLives['queue'] }) {
  const d = useLiveQuery(`queue:${live.id}`, () => queueDetail(live.id));
  return (
    <>
      <dl className="live-facts" data-testid="queue-detail">
        <dt>state</dt>
        <dd className={live.up ? '' : 'is-bad'}>
          {live.up ? 'available' : 'unavailable: its node is down'} · {live.queueType}
          {d ? ` on ${d.nodes.join(', ')}` : ''}
        </dd>
        <dt>depth</dt>
        <dd data-testid="queue-depth">
          {live.ready} ready, {live.unacked} unacked
        </dd>
        <dt>counts</dt>
        <dd data-testid="queue-counts">
          {STATS.filter(([k]) => k === 'published' || k === 'delivered' || k === 'acked' || live[k] > 0)
            .map(([k, words]) => `${live[k].toLocaleString('en')} ${words}`)
            .join(' · ')}
        </dd>
        {d && (
          <>
            <dt>settings</dt>
            <dd className="is-mono small" data-testid="queue-settings">
              {Object.entries(d.settings)
                .map(([k, v]) => `${k}=${v}`)
                .join(' ')}
            </dd>
          </>
        )}
      </dl>
      {d && d.consumers.length > 0 && (
        <>
          <label className="section-label live-sub">Consumers</label>
          <table className="live-table" data-testid="queue-consumers">
            <thead>
              <tr>
                <th>consumer</th>
                <th>ack, prefetch</th>
                <th>unacked</th>
              </tr>
            </thead>
            <tbody>
              {d.consumers.map((c, i) => (
                <tr key={i} className={c.alive ? '' : 'is-out'}>
                  <td>
                    {c.name}
                    {!c.alive && ' (down)'}
                  </td>
                  <td>
                    {c.ack}, {c.prefetch === 0 ? 'no limit' : c.prefetch}
                  </td>
                  <td>{c.unacked}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {d && (
        <>
          <label className="section-label live-sub">Messages, head first</label>
          {d.messages.length === 0 ? (
            <p className="muted small" data-testid="queue-empty">
              Empty: every message taken in has left it.
            </p>
          ) : (
            <table className="live-table is-records" data-testid="queue-messages">
              <thead>
                <tr>
                  <th>message</th>
                  <th>routing key</th>
                  <th>TTL left</th>
                  <th>where</th>
                </tr>
              </thead>
              <tbody>
                {d.messages.map((m) => (
                  <QueueMessageRow key={m.id} m={m} />
                ))}
              </tbody>
            </table>
          )}
          {d.ready + d.unacked > d.messages.length && (
            <p className="muted small">
              The first {d.messages.length} of {d.ready + d.unacked}.
            </p>
          )}
        </>
      )}
    </>
  );
}

function QueueMessageRow({ m }: { m: QueueMessageView }) {
  const death = m.deaths?.[0];
  return (
    <tr className={m.heldBy ? 'is-held' : ''} data-testid="queue-message" data-redelivered={m.redelivered}>
      <td>
        <MessageLink id={m.id} />
        {(m.redelivered || death) && (
          <div className="live-tags">
            {m.redelivered && (
              <span className="live-tag is-warn" title="redelivered: it was delivered before and came back (a nack, a reject with requeue, or its consumer went)">
                ↻ redelivered
              </span>
            )}
            {death && (
              <span
                className="live-tag is-dead"
                title={`x-death: ${m.deaths!.map((x) => `${x.reason} in ${x.queue} (${x.count}×)`).join(', ')}`}
                data-testid="queue-message-death"
              >
                ☠ {death.reason} in {death.queue}
                {death.count > 1 ? ` ×${death.count}` : ''}
              </span>
            )}
          </div>
        )}
      </td>
      <td className="is-mono">{m.routingKey || '–'}</td>
      <td>{m.expiresInUs === null ? '–' : m.expiresInUs <= 0 ? 'expired (waits for the head)' : formatDuration(m.expiresInUs)}</td>
      <td>{m.heldBy ? `unacked at ${m.heldBy}` : 'ready'}</td>
    </tr>
  );
}

/**
 * The message picked in the diagram: what it is, where it sits, its correlation and causation ids (followable), and
 * what happened to it.
 */
import type { AmqpLife, MessageLife } from '../../../engine/index.ts';
import { formatTime } from '../format.ts';
import { lifeSummary } from '../life/stages.ts';
import { openTrace } from '../observeStore.ts';

export function MessageCard({ life }: { life: MessageLife }) {
  const offset = life.offset !== null ? `offset ${life.offset}` : life.formerOffset !== undefined ? `offset ${life.formerOffset} on ${life.leader ?? 'its leader'}, since dropped` : 'no offset';
  return (
    <div className="message-card" data-testid="message-card">
      <h4>
        #{life.id} <span>{life.type}</span>
        {life.lost && <em className="message-lost">lost</em>}
      </h4>
      <dl>
        <dt>key</dt>
        <dd>
          {life.key === null ? (
            'none'
          ) : (
            <button type="button" className="link-button is-mono" onClick={() => openTrace({ kind: 'key', key: life.key! })} title="Every message of this key" data-testid="card-key">
              {life.key}
            </button>
          )}
        </dd>
        <dt>where</dt>
        <dd>{life.amqp ? amqpWhere(life.amqp) : `${life.partition} · ${offset}`}</dd>
        <dt>produced</dt>
        <dd>
          {formatTime(life.producedAt)}
          {life.producer ? ` by ${life.producer}` : ''}
        </dd>
        <dt>correlation</dt>
        <dd className="is-mono" title="The request that started this chain of messages">
          {life.correlation > 0 ? `request ${life.correlation}` : 'none'}
          {life.origin ? ` (checkout from ${life.origin.node}, ${life.origin.ok ? 'answered OK' : 'failed'})` : ''}
        </dd>
        <dt>causation</dt>
        <dd>
          {life.causedByMessage ? (
            <button type="button" className="link-button is-mono" onClick={() => openTrace({ kind: 'message', id: life.causation })} title="Open the message that caused this one" data-testid="card-causation">
              {life.amqp?.copyOf !== undefined ? `a copy of #${life.causation} (the same publish)` : life.amqp?.deadFrom ? `#${life.causation}, dead-lettered` : `message #${life.causation}`}
            </button>
          ) : (
            <span className="is-mono">{life.causation > 0 ? `request ${life.causation}` : 'none'}</span>
          )}
        </dd>
      </dl>
      <p>{lifeSummary(life)}</p>
      {life.traceIncomplete && <p className="muted">The trace no longer holds this message’s earliest stages.</p>}
    </div>
  );
}

/** Where a RabbitMQ message went: its exchange, and the queue it sits (or sat) in. */
function amqpWhere(q: AmqpLife): string {
  const exchange = q.exchange ? (q.exchange.name === '' ? 'the default exchange' : `exchange ${q.exchange.name}`) : 'an exchange';
  return q.queue ? `queue ${q.queue.name}, through ${exchange}` : `${exchange}, no queue`;
}

/**
 * RabbitMQ's trace kinds and how their entries read: a message published, routed into a queue (or nowhere),
 * confirmed, delivered, acked, requeued, dead-lettered, expired or dropped. Entries are per message: a queue's
 * story is told message by message.
 */
import { errorName } from '../history/errors.ts';
import { defineTraceKinds, type TraceEntry } from '../history/trace.ts';
import type { World } from '../world.ts';
import type { DeathReason } from './types.ts';

export const REASONS: readonly DeathReason[] = ['rejected', 'expired', 'maxlen', 'delivery_limit'];
const consumer = (w: World, e: TraceEntry) => w.parts.amqp.consumers[e.b]?.name ?? 'a consumer';
const queueName = (w: World, e: TraceEntry) => w.parts.amqp.queues[e.c]?.name ?? '';
const exchangeName = (w: World, x: number) => {
  const name = w.parts.amqp.exchanges[x]?.name;
  return name === undefined ? 'an exchange' : name === '' ? 'the default exchange' : `exchange ${name}`;
};

/** The reason a death entry carries, from its index. */
export const reasonIndex = (r: DeathReason) => REASONS.indexOf(r);

export const QT = defineTraceKinds({
  // node=publisher host, part=place, a=message id, b=exchange
  amqpPublish: { namesMessage: true, describe: (w, e, at) => ({ text: `${at.node} published #${e.a} to ${exchangeName(w, e.b)}`, message: e.a }) },
  // node=queue's node host, part=queue place, a=message id, b=depth after, c=1 when a copy of another queue's message
  enqueue: { namesMessage: true, describe: (_w, e, at) => ({ text: `${at.place} took #${e.a}${e.c ? ' (a copy)' : ''}; ${e.b} ready`, message: e.a }) },
  // node=node host, part=exchange place, a=message id, b=1 returned to the publisher (mandatory), 0 dropped
  unroutable: {
    namesMessage: true,
    describe: (_w, e, at) => ({ text: `${at.place} could not route #${e.a}: ${e.b ? 'returned to the publisher (mandatory)' : 'dropped (no queue bound for its key, no alternate exchange)'}`, message: e.a }),
  },
  // node=publisher host, part=place, a=message id, b=error code (0 basic.ack)
  confirm: { namesMessage: true, describe: (_w, e, at) => ({ text: `${at.node}: ${e.b === 0 ? 'basic.ack' : errorName(e.b)} for #${e.a}`, message: e.a }) },
  // node=consumer host, part=queue place, a=message id, b=consumer, c=1 redelivered
  amqpDeliver: { namesMessage: true, describe: (w, e, at) => ({ text: `${consumer(w, e)} received #${e.a} from ${at.place}${e.c ? ' (redelivered)' : ''}`, message: e.a }) },
  // node=consumer host, part=queue place, a=message id, b=consumer, c=0 ack, 1 auto-ack
  amqpAck: { namesMessage: true, describe: (w, e, at) => ({ text: `${consumer(w, e)} ${e.c ? 'processed (auto-ack)' : 'acked'} #${e.a} of ${at.place}`, message: e.a }) },
  // node=queue's node host, part=queue place, a=message id, b=consumer, c=returns so far
  requeue: { namesMessage: true, describe: (w, e, at) => ({ text: `${at.place}: #${e.a} back in the queue from ${consumer(w, e)} (return ${e.c})`, message: e.a }) },
  // node=queue's node host, part=queue place, a=message id, b=reason index, c=new message id (0: dropped, no DLX or no route)
  deadLetter: {
    namesMessage: true,
    describe: (_w, e, at) => ({ text: `${at.place}: #${e.a} dead-lettered (${REASONS[e.b] ?? 'rejected'})${e.c ? ` as #${e.c}` : ': no dead-letter exchange, dropped'}`, message: e.a }),
  },
  // node=queue's node host, part=queue place, a=message id, b=0 refused at publish (reject-publish), 1 lost in a node crash
  amqpDrop: {
    namesMessage: true,
    describe: (_w, e, at) => ({ text: e.b === 0 ? `${at.place} is full: refused #${e.a} (overflow reject-publish)` : `${at.place} lost #${e.a} when its node went down (${'transient or not yet on disk'})`, message: e.a }),
  },
  // node=consumer host, part=queue place, b=consumer, c=queue: a channel closed and its unacked deliveries went back
  channelClosed: { describe: (w, e) => ({ text: `${consumer(w, e)}'s channel on ${queueName(w, e)} closed: ${e.a} unacked deliveries requeued`, placeless: true }) },
  // node=node host, a=queue, b=new leader node number (0 none): a quorum queue's leadership changed
  queueLeader: { describe: (w, e) => ({ text: `queue ${w.parts.amqp.queues[e.a]?.name ?? ''}: ${e.b ? `leader on node ${e.b}` : 'no leader: unavailable'}`, placeless: true }) },
});

/** Differential scenarios (see ../scenarios.ts): Consumers: acks, requeues, prefetch and fair dispatch. */
import type { AmqpScenario } from '../scenario.ts';
import { outcome, fresh, again, bodies, publishAll } from './build.ts';

export const CONSUMERS: AmqpScenario[] = [
  // ---- Consumers: acks, requeues, prefetch ----
  {
    name: 'auto-ack: a delivery is done once sent, so a consumer that closes loses it',
    rows: ['Q9'],
    steps: [
      { op: 'queue', name: 'work' },
      ...publishAll('', 'work', bodies('m', 3)),
      { op: 'consume', consumer: 'A', queue: 'work', ack: 'auto' },
      { op: 'wait', ms: 200 },
      { op: 'close', consumer: 'A' },
      { op: 'consume', consumer: 'B', queue: 'work', ack: 'manual' },
      { op: 'wait', ms: 200 },
    ],
    expected: outcome({
      deliveries: { A: [fresh('m1', 'work'), fresh('m2', 'work'), fresh('m3', 'work')], B: [] },
      queues: { work: [] },
    }),
  },
  {
    name: "manual ack: a closed consumer's unacked deliveries go to another consumer, flagged redelivered, in order",
    rows: ['Q10', 'Q34'],
    steps: [
      { op: 'queue', name: 'work' },
      ...publishAll('', 'work', bodies('m', 3)),
      { op: 'consume', consumer: 'A', queue: 'work', ack: 'manual' },
      { op: 'wait', ms: 200 },
      { op: 'ack', consumer: 'A', body: 'm1' },
      { op: 'close', consumer: 'A' },
      { op: 'consume', consumer: 'B', queue: 'work', ack: 'auto' },
      { op: 'wait', ms: 200 },
    ],
    expected: outcome({
      deliveries: { A: [fresh('m1', 'work'), fresh('m2', 'work'), fresh('m3', 'work')], B: [again('m2', 'work'), again('m3', 'work')] },
      queues: { work: [] },
    }),
  },
  {
    name: 'consumer_timeout: a delivery held too long closes the channel with 406 and is requeued',
    rows: ['Q11'],
    // A quorum queue: in 4.3 the timeout applies to quorum queues only (semantics.md section 1), in 3.10 to every
    // channel, so a quorum queue shows the same on both. The timeout is short; the wait is four times as long.
    consumerTimeout: 300,
    steps: [
      { op: 'queue', name: 'work', args: { 'x-queue-type': 'quorum' } },
      ...publishAll('', 'work', bodies('m', 2)),
      { op: 'consume', consumer: 'A', queue: 'work', ack: 'manual', prefetch: 1 },
      { op: 'wait', ms: 1200 },
      { op: 'consume', consumer: 'B', queue: 'work', ack: 'auto' },
      { op: 'wait', ms: 200 },
    ],
    expected: outcome({
      deliveries: { A: [fresh('m1', 'work')], B: [again('m1', 'work'), fresh('m2', 'work')] },
      queues: { work: [] },
      channelErrors: { A: 406 },
    }),
  },
  {
    name: 'acking a tag twice: PRECONDITION_FAILED closes the channel and its other deliveries are requeued',
    rows: ['Q12'],
    steps: [
      { op: 'queue', name: 'work' },
      ...publishAll('', 'work', bodies('m', 3)),
      { op: 'consume', consumer: 'A', queue: 'work', ack: 'manual' },
      { op: 'wait', ms: 200 },
      { op: 'ack', consumer: 'A', body: 'm1' },
      { op: 'ack', consumer: 'A', body: 'm1', again: true },
      { op: 'wait', ms: 200 },
    ],
    expected: outcome({
      deliveries: { A: [fresh('m1', 'work'), fresh('m2', 'work'), fresh('m3', 'work')] },
      queues: { work: ['m2', 'm3'] },
      channelErrors: { A: 406 },
    }),
  },
  {
    name: 'nack with requeue: back to its original position, not to the head',
    rows: ['Q13', 'Q34'],
    // m1 is requeued before m2: put back at the head, m2 would end up in front of m1.
    steps: [
      { op: 'queue', name: 'work' },
      ...publishAll('', 'work', bodies('m', 4)),
      { op: 'consume', consumer: 'A', queue: 'work', ack: 'manual', prefetch: 2 },
      { op: 'wait', ms: 200 },
      { op: 'cancel', consumer: 'A' },
      { op: 'nack', consumer: 'A', body: 'm1', requeue: true },
      { op: 'reject', consumer: 'A', body: 'm2', requeue: true },
      { op: 'wait', ms: 200 },
    ],
    expected: outcome({ deliveries: { A: [fresh('m1', 'work'), fresh('m2', 'work')] }, queues: { work: ['m1', 'm2', 'm3', 'm4'] } }),
  },
  {
    name: 'quorum queue, nack with requeue: back in front of the messages not yet delivered',
    rows: ['Q13', 'Q34'],
    // The delivery limit is set: a 3.10 quorum queue without one (4.0+ always has one, 20 by default) appends a
    // requeued message to the tail instead (rabbit_fifo's #requeue{} in 3.10).
    steps: [
      { op: 'queue', name: 'work', args: { 'x-queue-type': 'quorum', 'x-delivery-limit': 10 } },
      ...publishAll('', 'work', bodies('m', 4)),
      { op: 'consume', consumer: 'A', queue: 'work', ack: 'manual', prefetch: 2 },
      { op: 'wait', ms: 200 },
      { op: 'cancel', consumer: 'A' },
      { op: 'nack', consumer: 'A', body: 'm1', requeue: true },
      { op: 'nack', consumer: 'A', body: 'm2', requeue: true },
      { op: 'wait', ms: 200 },
    ],
    expected: outcome({ deliveries: { A: [fresh('m1', 'work'), fresh('m2', 'work')] }, queues: { work: ['m1', 'm2', 'm3', 'm4'] } }),
  },
  {
    name: 'reject with requeue: redelivered at once, flagged redelivered, before the next message',
    rows: ['Q13'],
    steps: [
      { op: 'queue', name: 'work' },
      { op: 'consume', consumer: 'A', queue: 'work', ack: 'manual', prefetch: 1 },
      ...publishAll('', 'work', bodies('m', 2)),
      { op: 'reject', consumer: 'A', body: 'm1', requeue: true },
      { op: 'ack', consumer: 'A', body: 'm1' },
      { op: 'ack', consumer: 'A', body: 'm2' },
    ],
    expected: outcome({ deliveries: { A: [fresh('m1', 'work'), again('m1', 'work'), fresh('m2', 'work')] }, queues: { work: [] } }),
  },
  {
    name: 'nack without requeue and no dead-letter exchange: discarded',
    rows: ['Q14'],
    steps: [
      { op: 'queue', name: 'work' },
      { op: 'consume', consumer: 'A', queue: 'work', ack: 'manual', prefetch: 1 },
      ...publishAll('', 'work', bodies('m', 2)),
      { op: 'nack', consumer: 'A', body: 'm1', requeue: false },
      { op: 'ack', consumer: 'A', body: 'm2' },
      { op: 'wait', ms: 200 },
    ],
    expected: outcome({ deliveries: { A: [fresh('m1', 'work'), fresh('m2', 'work')] }, queues: { work: [] } }),
  },
  {
    name: 'reject without requeue, with a dead-letter exchange: dead-lettered as rejected, key kept',
    rows: ['Q14', 'Q19', 'Q20'],
    steps: [
      { op: 'exchange', name: 'dlx', type: 'fanout' },
      { op: 'queue', name: 'dead' },
      { op: 'bind', queue: 'dead', exchange: 'dlx' },
      { op: 'exchange', name: 'orders', type: 'direct' },
      { op: 'queue', name: 'work', args: { 'x-dead-letter-exchange': 'dlx' } },
      { op: 'bind', queue: 'work', exchange: 'orders', key: 'order.created' },
      { op: 'consume', consumer: 'D', queue: 'dead', ack: 'auto' },
      { op: 'consume', consumer: 'A', queue: 'work', ack: 'manual' },
      { op: 'publish', exchange: 'orders', key: 'order.created', body: 'm1' },
      { op: 'reject', consumer: 'A', body: 'm1', requeue: false },
      { op: 'wait', ms: 200 },
    ],
    // Q20: without x-dead-letter-routing-key the original routing key is kept.
    expected: outcome({
      deliveries: {
        D: [fresh('m1', 'order.created', [{ queue: 'work', reason: 'rejected', count: 1 }])],
        A: [fresh('m1', 'order.created')],
      },
      queues: { dead: [], work: [] },
    }),
  },
  {
    name: 'nack multiple with requeue: every unacked delivery up to the tag goes back, in place',
    rows: ['Q15', 'Q13'],
    steps: [
      { op: 'queue', name: 'work' },
      ...publishAll('', 'work', bodies('m', 4)),
      { op: 'consume', consumer: 'A', queue: 'work', ack: 'manual', prefetch: 3 },
      { op: 'wait', ms: 200 },
      { op: 'cancel', consumer: 'A' },
      { op: 'nack', consumer: 'A', body: 'm2', multiple: true, requeue: true },
      { op: 'wait', ms: 200 },
    ],
    // m3 is after the tag: A still holds it, so it is not in the queue.
    expected: outcome({
      deliveries: { A: [fresh('m1', 'work'), fresh('m2', 'work'), fresh('m3', 'work')] },
      queues: { work: ['m1', 'm2', 'm4'] },
    }),
  },
  {
    name: 'nack multiple without requeue: all of them dead-lettered',
    rows: ['Q15', 'Q19'],
    steps: [
      { op: 'queue', name: 'dead' },
      { op: 'queue', name: 'work', args: { 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': 'dead' } },
      { op: 'consume', consumer: 'D', queue: 'dead', ack: 'auto' },
      ...publishAll('', 'work', bodies('m', 3)),
      { op: 'consume', consumer: 'A', queue: 'work', ack: 'manual', prefetch: 3 },
      { op: 'wait', ms: 200 },
      { op: 'nack', consumer: 'A', body: 'm2', multiple: true, requeue: false },
      { op: 'ack', consumer: 'A', body: 'm3' },
      { op: 'wait', ms: 200 },
    ],
    expected: outcome({
      deliveries: {
        D: [fresh('m1', 'dead', [{ queue: 'work', reason: 'rejected', count: 1 }]), fresh('m2', 'dead', [{ queue: 'work', reason: 'rejected', count: 1 }])],
        A: [fresh('m1', 'work'), fresh('m2', 'work'), fresh('m3', 'work')],
      },
      queues: { dead: [], work: [] },
    }),
  },
  {
    name: 'prefetch 2: at most two unacked, the next one after an ack',
    rows: ['Q16'],
    steps: [
      { op: 'queue', name: 'work' },
      ...publishAll('', 'work', bodies('m', 5)),
      { op: 'consume', consumer: 'A', queue: 'work', ack: 'manual', prefetch: 2 },
      { op: 'wait', ms: 200 },
      { op: 'ack', consumer: 'A', body: 'm1' },
      { op: 'wait', ms: 200 },
    ],
    expected: outcome({ deliveries: { A: [fresh('m1', 'work'), fresh('m2', 'work'), fresh('m3', 'work')] }, queues: { work: ['m4', 'm5'] } }),
  },
  {
    name: 'prefetch 0: no limit, every message is delivered at once',
    rows: ['Q16'],
    steps: [
      { op: 'queue', name: 'work' },
      ...publishAll('', 'work', bodies('m', 4)),
      { op: 'consume', consumer: 'A', queue: 'work', ack: 'manual', prefetch: 0 },
      { op: 'wait', ms: 200 },
    ],
    expected: outcome({ deliveries: { A: bodies('m', 4).map((b) => fresh(b, 'work')) }, queues: { work: [] } }),
  },
  {
    name: 'round-robin without prefetch: every other message, blind to how busy a worker is',
    rows: ['Q17'],
    steps: [
      { op: 'queue', name: 'tasks' },
      { op: 'consume', consumer: 'slow', queue: 'tasks', ack: 'manual', work: { ms: 100 } },
      { op: 'consume', consumer: 'fast', queue: 'tasks', ack: 'manual', work: { ms: 5 } },
      ...publishAll('', 'tasks', bodies('t', 6)),
      { op: 'wait', ms: 700 },
    ],
    expected: outcome({
      deliveries: { slow: ['t1', 't3', 't5'].map((b) => fresh(b, 'tasks')), fast: ['t2', 't4', 't6'].map((b) => fresh(b, 'tasks')) },
      queues: { tasks: [] },
    }),
  },
  {
    name: 'fair dispatch with prefetch 1: the next task goes to whichever worker is free',
    rows: ['Q18'],
    steps: [
      { op: 'queue', name: 'tasks' },
      ...publishAll('', 'tasks', bodies('t', 6)),
      { op: 'consume', consumer: 'slow', queue: 'tasks', ack: 'manual', prefetch: 1, work: { ms: 600 } },
      { op: 'consume', consumer: 'fast', queue: 'tasks', ack: 'manual', prefetch: 1, work: { ms: 5 } },
      { op: 'wait', ms: 1200 },
    ],
    // While slow works on t1 (600 ms), fast finishes t2..t6 (5 ms each, and a round trip to the broker per task).
    expected: outcome({
      deliveries: { slow: [fresh('t1', 'tasks')], fast: ['t2', 't3', 't4', 't5', 't6'].map((b) => fresh(b, 'tasks')) },
      queues: { tasks: [] },
    }),
  },

];

/** Differential scenarios (see ../scenarios.ts): Dead letters, TTL and length limits. */
import type { AmqpScenario } from '../scenario.ts';
import { outcome, fresh, again, bodies, publishAll } from './build.ts';

export const DEAD_LETTERS: AmqpScenario[] = [
  // ---- Dead letters, TTL, length limits ----
  {
    name: 'per-queue TTL: an expired message is dead-lettered with the dead-letter routing key',
    rows: ['Q19', 'Q20', 'Q23'],
    steps: [
      { op: 'queue', name: 'expired-offers' },
      { op: 'queue', name: 'offers', args: { 'x-message-ttl': 50, 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': 'expired-offers' } },
      { op: 'publish', exchange: '', key: 'offers', body: 'o1' },
      { op: 'wait', ms: 300 },
      { op: 'consume', consumer: 'D', queue: 'expired-offers', ack: 'auto' },
      { op: 'wait', ms: 200 },
    ],
    expected: outcome({
      deliveries: { D: [fresh('o1', 'expired-offers', [{ queue: 'offers', reason: 'expired', count: 1 }])] },
      queues: { 'expired-offers': [], offers: [] },
    }),
  },
  {
    name: 'per-message TTL: an expired message waits behind a live one until it reaches the head',
    rows: ['Q23', 'Q19'],
    // m2 expires at 50 ms but sits behind m1, so it is dead-lettered only when m1 leaves: after m3, which was published
    // to the dead-letter queue later. The consumer of `work` never sees m2.
    steps: [
      { op: 'queue', name: 'dead' },
      { op: 'queue', name: 'work', args: { 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': 'dead' } },
      { op: 'publish', exchange: '', key: 'work', body: 'm1' },
      { op: 'publish', exchange: '', key: 'work', body: 'm2', expiration: 50 },
      { op: 'wait', ms: 300 },
      { op: 'consume', consumer: 'D', queue: 'dead', ack: 'auto' },
      { op: 'wait', ms: 200 },
      { op: 'publish', exchange: '', key: 'dead', body: 'm3' },
      { op: 'wait', ms: 200 },
      { op: 'consume', consumer: 'A', queue: 'work', ack: 'auto' },
      { op: 'wait', ms: 200 },
    ],
    expected: outcome({
      deliveries: { D: [fresh('m3', 'dead'), fresh('m2', 'dead', [{ queue: 'work', reason: 'expired', count: 1 }])], A: [fresh('m1', 'work')] },
      queues: { dead: [], work: [] },
    }),
  },
  {
    name: 'TTL: a message routed to two queues expires in each on its own',
    rows: ['Q23'],
    steps: [
      { op: 'exchange', name: 'offers', type: 'fanout' },
      { op: 'queue', name: 'short', args: { 'x-message-ttl': 50 } },
      { op: 'queue', name: 'long' },
      { op: 'bind', queue: 'short', exchange: 'offers' },
      { op: 'bind', queue: 'long', exchange: 'offers' },
      { op: 'publish', exchange: 'offers', key: '', body: 'm1' },
      { op: 'wait', ms: 300 },
    ],
    expected: outcome({ queues: { short: [], long: ['m1'] } }),
  },
  {
    name: 'TTL: a requeued message keeps its original expiry, so it expires instead of being redelivered',
    rows: ['Q23', 'Q19'],
    steps: [
      { op: 'queue', name: 'dead' },
      { op: 'queue', name: 'work', args: { 'x-message-ttl': 200, 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': 'dead' } },
      { op: 'consume', consumer: 'D', queue: 'dead', ack: 'auto' },
      { op: 'consume', consumer: 'A', queue: 'work', ack: 'manual' },
      { op: 'publish', exchange: '', key: 'work', body: 'm1' },
      { op: 'wait', ms: 500 },
      { op: 'nack', consumer: 'A', body: 'm1', requeue: true },
      { op: 'wait', ms: 200 },
    ],
    // R-ttl L146-149: the original expiry is kept on requeue; L65-67: an expired message is never delivered.
    expected: outcome({
      deliveries: { D: [fresh('m1', 'dead', [{ queue: 'work', reason: 'expired', count: 1 }])], A: [fresh('m1', 'work')] },
      queues: { dead: [], work: [] },
    }),
  },
  {
    name: 'TTL 0: delivered only to a consumer that can take it at once, otherwise expired',
    rows: ['Q23'],
    steps: [
      { op: 'queue', name: 'dead' },
      { op: 'queue', name: 'work', args: { 'x-message-ttl': 0, 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': 'dead' } },
      { op: 'publish', exchange: '', key: 'work', body: 'm1', mandatory: true },
      { op: 'consume', consumer: 'A', queue: 'work', ack: 'auto' },
      { op: 'wait', ms: 200 },
      { op: 'publish', exchange: '', key: 'work', body: 'm2' },
      { op: 'wait', ms: 200 },
    ],
    // R-ttl L151-157: no basic.return for m1 (it was routed), dead-lettered because a DLX is set.
    expected: outcome({ deliveries: { A: [fresh('m2', 'work')] }, queues: { dead: ['m1'], work: [] } }),
  },
  {
    name: 'queue TTL: an unused queue is deleted and its messages are not dead-lettered',
    rows: ['Q19'],
    steps: [
      { op: 'queue', name: 'dead' },
      { op: 'queue', name: 'temp', args: { 'x-expires': 200, 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': 'dead' } },
      { op: 'publish', exchange: '', key: 'temp', body: 'm1' },
      { op: 'wait', ms: 700 },
    ],
    // `temp` is gone, so it is absent from `queues`.
    expected: outcome({ queues: { dead: [] } }),
  },
  {
    name: 'max-length with drop-head: the oldest are dead-lettered as maxlen, and the publisher is acked',
    rows: ['Q24', 'Q19', 'Q20'],
    steps: [
      { op: 'queue', name: 'dead' },
      { op: 'queue', name: 'work', args: { 'x-max-length': 2, 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': 'dead' } },
      { op: 'consume', consumer: 'D', queue: 'dead', ack: 'auto' },
      ...publishAll('', 'work', bodies('m', 4), { confirm: true }),
      { op: 'wait', ms: 200 },
    ],
    expected: outcome({
      deliveries: { D: ['m1', 'm2'].map((b) => fresh(b, 'dead', [{ queue: 'work', reason: 'maxlen', count: 1 }])) },
      confirms: { m1: 'ack', m2: 'ack', m3: 'ack', m4: 'ack' },
      queues: { dead: [], work: ['m3', 'm4'] },
    }),
  },
  {
    name: 'max-length-bytes: the oldest are dropped until the bodies fit',
    rows: ['Q24'],
    // 100-byte bodies under a 350-byte limit: three fit, the fourth pushes out the head.
    steps: [
      { op: 'queue', name: 'work', args: { 'x-max-length-bytes': 350 } },
      ...publishAll('', 'work', bodies('m', 5), { confirm: true, bytes: 100 }),
    ],
    expected: outcome({ confirms: { m1: 'ack', m2: 'ack', m3: 'ack', m4: 'ack', m5: 'ack' }, queues: { work: ['m3', 'm4', 'm5'] } }),
  },
  {
    name: 'reject-publish: the newest message is refused with basic.nack',
    rows: ['Q25'],
    steps: [
      { op: 'queue', name: 'work', args: { 'x-max-length': 2, 'x-overflow': 'reject-publish' } },
      ...publishAll('', 'work', bodies('m', 3), { confirm: true }),
    ],
    expected: outcome({ confirms: { m1: 'ack', m2: 'ack', m3: 'nack' }, queues: { work: ['m1', 'm2'] } }),
  },
  {
    name: 'reject-publish with two target queues: nacked, yet the other queue has it',
    rows: ['Q25'],
    steps: [
      { op: 'exchange', name: 'events', type: 'fanout' },
      { op: 'queue', name: 'full', args: { 'x-max-length': 1, 'x-overflow': 'reject-publish' } },
      { op: 'queue', name: 'open' },
      { op: 'bind', queue: 'full', exchange: 'events' },
      { op: 'bind', queue: 'open', exchange: 'events' },
      ...publishAll('events', '', bodies('m', 2), { confirm: true }),
    ],
    // R-maxlength L62-65: rejected by one queue, the publisher gets basic.nack and the others still enqueue it.
    expected: outcome({ confirms: { m1: 'ack', m2: 'nack' }, queues: { full: ['m1'], open: ['m1', 'm2'] } }),
  },
  {
    name: 'reject-publish-dlx: refused with basic.nack and dead-lettered as maxlen',
    rows: ['Q25', 'Q19', 'Q20'],
    steps: [
      { op: 'queue', name: 'dead' },
      { op: 'queue', name: 'work', args: { 'x-max-length': 1, 'x-overflow': 'reject-publish-dlx', 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': 'dead' } },
      { op: 'consume', consumer: 'D', queue: 'dead', ack: 'auto' },
      ...publishAll('', 'work', bodies('m', 2), { confirm: true }),
      { op: 'wait', ms: 200 },
    ],
    expected: outcome({
      deliveries: { D: [fresh('m2', 'dead', [{ queue: 'work', reason: 'maxlen', count: 1 }])] },
      confirms: { m1: 'ack', m2: 'nack' },
      queues: { dead: [], work: ['m1'] },
    }),
  },
  {
    name: 'x-death counts repeated deaths per queue and reason, newest first',
    rows: ['Q20', 'Q22'],
    // A retry loop: rejected from `work` to a `retry` queue whose TTL sends it back. The loop has a rejection in it,
    // so it is not a cycle RabbitMQ drops (Q22).
    steps: [
      { op: 'exchange', name: 'jobs', type: 'direct' },
      { op: 'exchange', name: 'retry', type: 'fanout' },
      { op: 'queue', name: 'work', args: { 'x-dead-letter-exchange': 'retry' } },
      { op: 'bind', queue: 'work', exchange: 'jobs', key: 'job.created' },
      { op: 'queue', name: 'later', args: { 'x-message-ttl': 50, 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': 'work' } },
      { op: 'bind', queue: 'later', exchange: 'retry' },
      { op: 'consume', consumer: 'A', queue: 'work', ack: 'manual' },
      { op: 'publish', exchange: 'jobs', key: 'job.created', body: 'j1' },
      { op: 'reject', consumer: 'A', body: 'j1', requeue: false },
      { op: 'reject', consumer: 'A', body: 'j1', requeue: false },
      { op: 'ack', consumer: 'A', body: 'j1' },
    ],
    expected: outcome({
      deliveries: {
        A: [
          fresh('j1', 'job.created'),
          fresh('j1', 'work', [
            { queue: 'later', reason: 'expired', count: 1 },
            { queue: 'work', reason: 'rejected', count: 1 },
          ]),
          fresh('j1', 'work', [
            { queue: 'later', reason: 'expired', count: 2 },
            { queue: 'work', reason: 'rejected', count: 2 },
          ]),
        ],
      },
      queues: { work: [], later: [] },
    }),
  },
  {
    name: 'dead-letter cycle: dropped when no rejection is in it, delivered again when one is',
    rows: ['Q22', 'Q20'],
    // `work` dead-letters to the default exchange with no routing key: back to itself.
    steps: [
      { op: 'queue', name: 'work', args: { 'x-message-ttl': 100, 'x-dead-letter-exchange': '' } },
      { op: 'consume', consumer: 'A', queue: 'work', ack: 'manual' },
      { op: 'publish', exchange: '', key: 'work', body: 'm1' },
      { op: 'reject', consumer: 'A', body: 'm1', requeue: false },
      { op: 'ack', consumer: 'A', body: 'm1' },
      { op: 'cancel', consumer: 'A' },
      { op: 'publish', exchange: '', key: 'work', body: 'm2' },
      { op: 'wait', ms: 400 },
    ],
    // m1 was rejected: it comes back with its x-death. m2 only expires: the cycle is detected and m2 dropped.
    expected: outcome({
      deliveries: { A: [fresh('m1', 'work'), fresh('m1', 'work', [{ queue: 'work', reason: 'rejected', count: 1 }])] },
      queues: { work: [] },
    }),
  },
  {
    name: 'dead-lettering to an exchange that does not exist: the message is gone',
    rows: ['Q21'],
    // Dead-lettering republishes without confirms, after the message left the queue (R-dlx L299-305), and a missing DLX
    // drops it silently (R-dlx L230-233).
    steps: [
      { op: 'queue', name: 'work', args: { 'x-dead-letter-exchange': 'nowhere' } },
      { op: 'consume', consumer: 'A', queue: 'work', ack: 'manual' },
      { op: 'publish', exchange: '', key: 'work', body: 'm1' },
      { op: 'reject', consumer: 'A', body: 'm1', requeue: false },
      { op: 'wait', ms: 200 },
    ],
    expected: outcome({ deliveries: { A: [fresh('m1', 'work')] }, queues: { work: [] } }),
  },
  {
    name: 'quorum delivery limit: a poison message is dead-lettered after the limit',
    rows: ['Q19', 'Q20', 'Q33'],
    // The limit is set (3.10 has no default; 4.0+ defaults to 20) and the consumer rejects (basic.reject counts in
    // every version; basic.nack stopped counting in 4.3). Limit 2: two redeliveries, the third rejection dead-letters.
    steps: [
      { op: 'queue', name: 'dead' },
      { op: 'queue', name: 'work', args: { 'x-queue-type': 'quorum', 'x-delivery-limit': 2, 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': 'dead' } },
      { op: 'consume', consumer: 'D', queue: 'dead', ack: 'auto' },
      { op: 'consume', consumer: 'A', queue: 'work', ack: 'manual', work: { ms: 10, reject: 'requeue' } },
      { op: 'publish', exchange: '', key: 'work', body: 'm1' },
      { op: 'wait', ms: 500 },
    ],
    expected: outcome({
      deliveries: {
        D: [fresh('m1', 'dead', [{ queue: 'work', reason: 'delivery_limit', count: 1 }])],
        A: [fresh('m1', 'work'), again('m1', 'work'), again('m1', 'work')],
      },
      queues: { dead: [], work: [] },
    }),
  },

];

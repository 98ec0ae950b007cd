/**
 * The differential suite's scenarios (tools/rabbit/differential.test.ts): each is played on a real RabbitMQ and, once
 * the model exists, on the model (engine/amqp/driver.ts), and both must observe `expected`.
 *
 * `expected` is what the reference predicts: shared/reference/semantics.md, section 2E (the rows named in `rows`), and
 * the RabbitMQ documentation it cites (R-<page> below: rabbitmq-website docs/<page>.md). It is written from the
 * documented behaviour, never copied from a run. Where RabbitMQ versions differ (semantics.md describes 4.x; CI runs
 * Debian's 3.10), the scenario sets what differs explicitly so that the behaviour is the same on both, and says so.
 *
 * Timing: TTLs and waits are short, with wide margins (a wait at least twice what it waits for), so that timing never
 * flips an outcome on a busy machine.
 *
 * Rows not shown: Q27 (basic.nack on an internal error in a queue process: a client cannot cause one) and Q28 (a crash
 * between a publish and its fsync: no way to stop a node at that instant from outside, so not deterministic). Q30-Q33
 * and Q35 need several nodes or are shown in part (Q33's delivery limit, Q35's reordering).
 */
import type { AmqpOutcome, AmqpScenario, SeenDelivery } from './scenario.ts';

/** An outcome with nothing returned, confirmed or closed unless a scenario says so. */
const outcome = (o: Partial<AmqpOutcome>): AmqpOutcome => ({ deliveries: {}, returned: [], confirms: {}, queues: {}, channelErrors: {}, ...o });

/** A first delivery, and a redelivery (redelivered = true). */
const fresh = (body: string, key: string, deaths?: SeenDelivery['deaths']): SeenDelivery => ({ body, redelivered: false, key, ...(deaths ? { deaths } : {}) });
const again = (body: string, key: string): SeenDelivery => ({ body, redelivered: true, key });

const bodies = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);
const publishAll = (exchange: string, key: string, list: string[], extra: { confirm?: boolean; persistent?: boolean; bytes?: number } = {}) =>
  list.map((body) => ({ op: 'publish' as const, exchange, key, body, ...extra }));

export const SCENARIOS: AmqpScenario[] = [
  // ---- Routing: exchanges ----
  {
    name: 'direct: a message goes to every queue bound with exactly its key',
    rows: ['Q1', 'Q6'],
    steps: [
      { op: 'exchange', name: 'orders', type: 'direct' },
      { op: 'queue', name: 'billing' },
      { op: 'queue', name: 'shipping' },
      { op: 'queue', name: 'audit' },
      { op: 'bind', queue: 'billing', exchange: 'orders', key: 'order.created' },
      { op: 'bind', queue: 'shipping', exchange: 'orders', key: 'order.created' },
      { op: 'bind', queue: 'audit', exchange: 'orders', key: 'order.cancelled' },
      { op: 'publish', exchange: 'orders', key: 'order.created', body: 'm1' },
      { op: 'publish', exchange: 'orders', key: 'order.cancelled', body: 'm2' },
      { op: 'publish', exchange: 'orders', key: 'order', body: 'm3' },
      { op: 'publish', exchange: 'orders', key: 'order.created.eu', body: 'm4' },
    ],
    // Q1: exactly the key, to every queue bound with it; m3 and m4 match no binding and are dropped (Q6).
    expected: outcome({ queues: { billing: ['m1'], shipping: ['m1'], audit: ['m2'] } }),
  },
  {
    name: 'direct: a queue bound with two keys gets the messages of both',
    rows: ['Q1'],
    steps: [
      { op: 'exchange', name: 'jobs', type: 'direct' },
      { op: 'queue', name: 'images' },
      { op: 'queue', name: 'thumbnails' },
      { op: 'bind', queue: 'images', exchange: 'jobs', key: 'resize' },
      { op: 'bind', queue: 'images', exchange: 'jobs', key: 'crop' },
      { op: 'bind', queue: 'thumbnails', exchange: 'jobs', key: 'resize' },
      { op: 'publish', exchange: 'jobs', key: 'resize', body: 'm1' },
      { op: 'publish', exchange: 'jobs', key: 'crop', body: 'm2' },
      { op: 'publish', exchange: 'jobs', key: 'rotate', body: 'm3' },
    ],
    expected: outcome({ queues: { images: ['m1', 'm2'], thumbnails: ['m1'] } }),
  },
  {
    name: 'fanout: a copy to every bound queue and exchange, whatever the key',
    rows: ['Q2'],
    steps: [
      { op: 'exchange', name: 'events', type: 'fanout' },
      { op: 'exchange', name: 'archive', type: 'fanout' },
      { op: 'queue', name: 'billing' },
      { op: 'queue', name: 'shipping' },
      { op: 'queue', name: 'archived' },
      { op: 'bind', queue: 'billing', exchange: 'events', key: 'billing-only' },
      { op: 'bind', queue: 'shipping', exchange: 'events' },
      { op: 'bindExchange', destination: 'archive', source: 'events', key: 'whatever' },
      { op: 'bind', queue: 'archived', exchange: 'archive' },
      { op: 'publish', exchange: 'events', key: 'order.created', body: 'm1' },
      { op: 'publish', exchange: 'events', key: '', body: 'm2' },
    ],
    expected: outcome({ queues: { billing: ['m1', 'm2'], shipping: ['m1', 'm2'], archived: ['m1', 'm2'] } }),
  },
  {
    name: 'topic: * is exactly one word, # is zero or more, # alone is a fanout',
    rows: ['Q3'],
    steps: [
      { op: 'exchange', name: 'geo', type: 'topic' },
      { op: 'queue', name: 'cities' },
      { op: 'queue', name: 'audit' },
      { op: 'queue', name: 'everything' },
      { op: 'bind', queue: 'cities', exchange: 'geo', key: 'regions.na.cities.*' },
      { op: 'bind', queue: 'audit', exchange: 'geo', key: 'audit.events.#' },
      { op: 'bind', queue: 'everything', exchange: 'geo', key: '#' },
      { op: 'publish', exchange: 'geo', key: 'regions.na.cities', body: 'm1' },
      { op: 'publish', exchange: 'geo', key: 'regions.na.cities.toronto', body: 'm2' },
      { op: 'publish', exchange: 'geo', key: 'regions.na.cities.toronto.east', body: 'm3' },
      { op: 'publish', exchange: 'geo', key: 'audit.events', body: 'm4' },
      { op: 'publish', exchange: 'geo', key: 'audit.events.users.signup', body: 'm5' },
    ],
    // R-exchanges L86-99: `regions.na.cities.*` does not match `regions.na.cities`; `audit.events.#` matches `audit.events`.
    expected: outcome({ queues: { cities: ['m2'], audit: ['m4', 'm5'], everything: ['m1', 'm2', 'm3', 'm4', 'm5'] } }),
  },
  {
    name: 'topic: a queue that several bindings match gets one copy',
    rows: ['Q3'],
    steps: [
      { op: 'exchange', name: 't', type: 'topic' },
      { op: 'queue', name: 'q' },
      { op: 'bind', queue: 'q', exchange: 't', key: 'a.*' },
      { op: 'bind', queue: 'q', exchange: 't', key: 'a.#' },
      { op: 'bind', queue: 'q', exchange: 't', key: '#.b' },
      { op: 'publish', exchange: 't', key: 'a.b', body: 'm1' },
      { op: 'publish', exchange: 't', key: 'a', body: 'm2' },
      { op: 'publish', exchange: 't', key: 'c.b', body: 'm3' },
      { op: 'publish', exchange: 't', key: 'b', body: 'm4' },
      { op: 'publish', exchange: 't', key: 'c.d', body: 'm5' },
      { op: 'publish', exchange: 't', key: 'a.b.c', body: 'm6' },
    ],
    // m1 matches all three bindings and arrives once (a queue gets a message once per routing, R-exchanges);
    // `a.#` and `#.b` match with # standing for zero words (m2, m4); nothing matches m5.
    expected: outcome({ queues: { q: ['m1', 'm2', 'm3', 'm4', 'm6'] } }),
  },
  {
    name: 'headers: x-match all needs every bound header, any needs one; the key is ignored',
    rows: ['Q4'],
    steps: [
      { op: 'exchange', name: 'docs', type: 'headers' },
      { op: 'queue', name: 'reports' },
      { op: 'queue', name: 'pdfs' },
      { op: 'bind', queue: 'reports', exchange: 'docs', args: { 'x-match': 'all', format: 'pdf', type: 'report' } },
      { op: 'bind', queue: 'pdfs', exchange: 'docs', args: { 'x-match': 'any', format: 'pdf', type: 'log' } },
      { op: 'publish', exchange: 'docs', key: 'reports', body: 'm1', headers: { format: 'pdf', type: 'report' } },
      { op: 'publish', exchange: 'docs', key: 'reports', body: 'm2', headers: { format: 'pdf' } },
      { op: 'publish', exchange: 'docs', key: '', body: 'm3', headers: { type: 'log', format: 'zip' } },
      { op: 'publish', exchange: 'docs', key: '', body: 'm4', headers: { format: 'zip', type: 'report' } },
      { op: 'publish', exchange: 'docs', key: '', body: 'm5', headers: { format: 'pdf', type: 'report', lang: 'en' } },
    ],
    expected: outcome({ queues: { reports: ['m1', 'm5'], pdfs: ['m1', 'm2', 'm3', 'm5'] } }),
  },
  {
    name: 'headers: x- headers count only with any-with-x or all-with-x',
    rows: ['Q4'],
    steps: [
      { op: 'exchange', name: 'h', type: 'headers' },
      { op: 'queue', name: 'plain' },
      { op: 'queue', name: 'withx' },
      { op: 'bind', queue: 'plain', exchange: 'h', args: { 'x-match': 'any', 'x-tenant': 'acme' } },
      { op: 'bind', queue: 'withx', exchange: 'h', args: { 'x-match': 'any-with-x', 'x-tenant': 'acme' } },
      { op: 'publish', exchange: 'h', key: '', body: 'm1', headers: { 'x-tenant': 'acme' } },
      { op: 'publish', exchange: 'h', key: '', body: 'm2', headers: { 'x-tenant': 'other' } },
    ],
    expected: outcome({ queues: { plain: [], withx: ['m1'] } }),
  },
  {
    name: 'default exchange: every queue is bound by its name; an unknown name with mandatory is returned',
    rows: ['Q5', 'Q7'],
    steps: [
      { op: 'queue', name: 'billing' },
      { op: 'queue', name: 'shipping' },
      { op: 'publish', exchange: '', key: 'billing', body: 'm1' },
      { op: 'publish', exchange: '', key: 'shipping', body: 'm2' },
      { op: 'publish', exchange: '', key: 'nobody', body: 'm3', mandatory: true, confirm: true },
    ],
    expected: outcome({ queues: { billing: ['m1'], shipping: ['m2'] }, returned: ['m3'], confirms: { m3: 'ack' } }),
  },
  {
    name: 'unroutable without mandatory: dropped silently, and still acked',
    rows: ['Q6'],
    steps: [
      { op: 'exchange', name: 'orders', type: 'direct' },
      { op: 'queue', name: 'billing' },
      { op: 'bind', queue: 'billing', exchange: 'orders', key: 'order.created' },
      { op: 'publish', exchange: 'orders', key: 'order.deleted', body: 'm1', confirm: true },
      { op: 'publish', exchange: 'orders', key: 'order.created', body: 'm2', confirm: true },
    ],
    expected: outcome({ queues: { billing: ['m2'] }, confirms: { m1: 'ack', m2: 'ack' } }),
  },
  {
    name: 'mandatory and unroutable: basic.return, then basic.ack',
    rows: ['Q7', 'Q26'],
    steps: [
      { op: 'exchange', name: 'orders', type: 'direct' },
      { op: 'queue', name: 'billing' },
      { op: 'bind', queue: 'billing', exchange: 'orders', key: 'order.created' },
      { op: 'publish', exchange: 'orders', key: 'order.deleted', body: 'm1', mandatory: true, confirm: true },
      { op: 'publish', exchange: 'orders', key: 'order.created', body: 'm2', mandatory: true, confirm: true },
    ],
    // The runner also checks that the return came before the ack (Q7).
    expected: outcome({ queues: { billing: ['m2'] }, returned: ['m1'], confirms: { m1: 'ack', m2: 'ack' } }),
  },
  {
    name: 'alternate exchange: what the exchange cannot route goes there, and is not returned',
    rows: ['Q8', 'Q7'],
    steps: [
      { op: 'exchange', name: 'unrouted', type: 'fanout' },
      { op: 'queue', name: 'leftovers' },
      { op: 'bind', queue: 'leftovers', exchange: 'unrouted' },
      { op: 'exchange', name: 'orders', type: 'direct', alternate: 'unrouted' },
      { op: 'queue', name: 'billing' },
      { op: 'bind', queue: 'billing', exchange: 'orders', key: 'order.created' },
      { op: 'publish', exchange: 'orders', key: 'order.created', body: 'm1' },
      { op: 'publish', exchange: 'orders', key: 'order.refunded', body: 'm2', mandatory: true, confirm: true },
    ],
    // R-ae: routed through the AE, the message is routable, so mandatory has nothing to return.
    expected: outcome({ queues: { leftovers: ['m2'], billing: ['m1'] }, confirms: { m2: 'ack' } }),
  },

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

  // ---- Publisher confirms, restarts ----
  {
    name: 'confirms: basic.ack for a persistent message in a durable classic queue and in a quorum queue',
    rows: ['Q26'],
    steps: [
      { op: 'queue', name: 'classic' },
      { op: 'queue', name: 'quorum', args: { 'x-queue-type': 'quorum' } },
      { op: 'publish', exchange: '', key: 'classic', body: 'm1', persistent: true, confirm: true },
      { op: 'publish', exchange: '', key: 'quorum', body: 'm2', persistent: true, confirm: true },
    ],
    expected: outcome({ confirms: { m1: 'ack', m2: 'ack' }, queues: { classic: ['m1'], quorum: ['m2'] } }),
  },
  {
    name: 'restart: a durable queue keeps its persistent messages; transient messages and queues are gone',
    rows: ['Q29'],
    steps: [
      { op: 'queue', name: 'durable' },
      { op: 'queue', name: 'transient', durable: false },
      { op: 'publish', exchange: '', key: 'durable', body: 'm1', persistent: true, confirm: true },
      { op: 'publish', exchange: '', key: 'durable', body: 'm2', confirm: true },
      { op: 'publish', exchange: '', key: 'transient', body: 'm3', persistent: true, confirm: true },
      { op: 'restart' },
    ],
    expected: outcome({ confirms: { m1: 'ack', m2: 'ack', m3: 'ack' }, queues: { durable: ['m1'] } }),
  },
  {
    name: 'restart: a quorum queue keeps transient messages too',
    rows: ['Q29'],
    // R-quorum-queues L302: quorum queues persist every message whatever its delivery mode.
    steps: [
      { op: 'queue', name: 'orders', args: { 'x-queue-type': 'quorum' } },
      { op: 'publish', exchange: '', key: 'orders', body: 'm1', persistent: true, confirm: true },
      { op: 'publish', exchange: '', key: 'orders', body: 'm2', confirm: true },
      { op: 'restart' },
    ],
    expected: outcome({ confirms: { m1: 'ack', m2: 'ack' }, queues: { orders: ['m1', 'm2'] } }),
  },
  {
    name: 'restart: unacked deliveries are back in the queue, flagged redelivered',
    rows: ['Q29', 'Q10'],
    steps: [
      { op: 'queue', name: 'work' },
      ...publishAll('', 'work', bodies('m', 2), { persistent: true }),
      { op: 'consume', consumer: 'A', queue: 'work', ack: 'manual' },
      { op: 'wait', ms: 200 },
      { op: 'restart' },
      { op: 'consume', consumer: 'B', queue: 'work', ack: 'auto' },
      { op: 'wait', ms: 200 },
    ],
    expected: outcome({
      deliveries: { A: [fresh('m1', 'work'), fresh('m2', 'work')], B: [again('m1', 'work'), again('m2', 'work')] },
      queues: { work: [] },
    }),
  },

  // ---- Ordering ----
  {
    name: 'one consumer: publication order survives a requeue',
    rows: ['Q34'],
    steps: [
      { op: 'queue', name: 'work' },
      ...publishAll('', 'work', bodies('m', 5)),
      { op: 'consume', consumer: 'A', queue: 'work', ack: 'manual', prefetch: 3 },
      { op: 'wait', ms: 200 },
      { op: 'close', consumer: 'A' },
      { op: 'consume', consumer: 'B', queue: 'work', ack: 'auto' },
      { op: 'wait', ms: 200 },
    ],
    expected: outcome({
      deliveries: {
        A: ['m1', 'm2', 'm3'].map((b) => fresh(b, 'work')),
        B: [again('m1', 'work'), again('m2', 'work'), again('m3', 'work'), fresh('m4', 'work'), fresh('m5', 'work')],
      },
      queues: { work: [] },
    }),
  },
  {
    name: 'two consumers: a requeued message reaches the other consumer after later ones',
    rows: ['Q35', 'Q10'],
    steps: [
      { op: 'queue', name: 'work' },
      ...publishAll('', 'work', bodies('m', 4)),
      { op: 'consume', consumer: 'A', queue: 'work', ack: 'manual', prefetch: 1 },
      { op: 'consume', consumer: 'B', queue: 'work', ack: 'manual', prefetch: 10 },
      { op: 'wait', ms: 200 },
      { op: 'close', consumer: 'A' },
      { op: 'wait', ms: 200 },
    ],
    expected: outcome({
      deliveries: { A: [fresh('m1', 'work')], B: [fresh('m2', 'work'), fresh('m3', 'work'), fresh('m4', 'work'), again('m1', 'work')] },
      queues: { work: [] },
    }),
  },
  {
    name: 'single active consumer: one consumer gets everything until it goes, then the next takes over in order',
    rows: ['Q35'],
    // Q35 names single active consumer as a way to keep order with several consumers (R-consumers, single active consumer).
    steps: [
      { op: 'queue', name: 'work', args: { 'x-single-active-consumer': true } },
      { op: 'consume', consumer: 'A', queue: 'work', ack: 'manual' },
      { op: 'consume', consumer: 'B', queue: 'work', ack: 'manual' },
      ...publishAll('', 'work', bodies('m', 3)),
      { op: 'wait', ms: 200 },
      { op: 'close', consumer: 'A' },
      { op: 'wait', ms: 200 },
    ],
    expected: outcome({
      deliveries: { A: ['m1', 'm2', 'm3'].map((b) => fresh(b, 'work')), B: ['m1', 'm2', 'm3'].map((b) => again(b, 'work')) },
      queues: { work: [] },
    }),
  },
];

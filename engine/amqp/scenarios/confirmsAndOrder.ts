/** Differential scenarios (see ../scenarios.ts): Publisher confirms, restarts, and the order consumers see. */
import type { AmqpScenario } from '../scenario.ts';
import { outcome, fresh, again, bodies, publishAll } from './build.ts';

export const CONFIRMS_AND_ORDER: AmqpScenario[] = [
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

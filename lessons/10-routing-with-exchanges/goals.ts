/**
 * Lesson 10 (module 2, lesson 2): routing with exchanges (seed 003, RabbitMQ exchange types; semantics Q1-Q3, Q6). Each
 * queue must get the events of the publishers meant for it and no others, and no event may go nowhere; a failing goal
 * names the message that went astray, its publisher, routing key and where it ended up. A fanout exchange over-
 * delivers, a direct one with wildcard keys routes nothing, and a topic exchange with the right keys passes.
 */
import type { Goal, LessonRun } from '../../engine/index.ts';

export const run: LessonRun = { seed: 10, durationS: 30, faults: [] };

export const goals: Goal[] = [
  {
    id: 'billing',
    text: 'Queue billing gets every order created by EU Shop and US Shop before 25 s, and nothing else.',
    check: { kind: 'routed', queue: 'billing', from: ['{EuShop}', '{UsShop}'], sentBeforeS: 25, byS: 30 },
  },
  {
    id: 'vat',
    text: 'Queue eu-vat gets every EU order and every refund sent before 25 s, and no US order.',
    check: { kind: 'routed', queue: 'eu-vat', from: ['{EuShop}', '{Refunds}'], sentBeforeS: 25, byS: 30 },
  },
  {
    id: 'audit',
    text: 'Queue audit gets every event the three services send before 25 s.',
    check: { kind: 'routed', queue: 'audit', from: ['{EuShop}', '{UsShop}', '{Refunds}'], sentBeforeS: 25, byS: 30 },
  },
  { id: 'nothing-astray', text: 'No event goes nowhere: each reaches at least one queue that is read.', check: { kind: 'no-unroutable' } },
];

export const hints: string[] = [
  'Run it and read the first failing goal: it names a message that reached a queue it does not belong to, with its publisher and routing key. Which part of the drawing let it in?',
  'A fanout exchange ignores keys, so every queue gets everything. A direct exchange compares whole keys, so one binding matches one key. Which type lets a binding key say \'any region\' or \'anything at all\'?',
  'Make `shop` a topic exchange and give each binding its key on the edge: `Shop -->|order.*.created| Billing`, `Shop -->|*.eu.*| EuTax` and `Shop -->|#| Audit`.',
];

/**
 * Lesson 21 (module 4): CQRS read models under load (seed 003 "CQRS"). A shopper places an order and at once reads
 * the order status, searches and looks at the sales figures, each a read model kept by its own projection behind the
 * event store. All three lag, so the status page misses the order just placed. The solution keeps the order status
 * inline (updated in the append's own transaction) and leaves search and metrics asynchronous: making all three inline
 * would put their 12 ms on every order's answer.
 */
import type { Goal, LessonRun } from '../../engine/index.ts';

export const run: LessonRun = { seed: 21, durationS: 30, faults: [] };

export const goals: Goal[] = [
  {
    id: 'sees-own-order',
    text: 'A shopper who has just placed an order always finds it on the order status page: no read of Order Status after a write misses the shopper’s own order.',
    check: { kind: 'read-your-writes', readModel: '{Status}' },
  },
  {
    id: 'fast-answers',
    text: '99% of the orders placed are answered within 20 ms.',
    check: { kind: 'checkout-latency', quantile: 0.99, withinMs: 20 },
  },
];

export const hints: string[] = [
  'Run it and read the goal that fails: how far behind the store is Order Status when the shopper reads it, and for how many reads? Then ask which of the three pages the shopper expects to show the order at once, and which can be a moment behind.',
  'A read model can be updated in the same transaction as the append, so it is never behind, at the price of making every append wait for it. Which read model is worth that price, and what happens to the answer time if every one of them pays it?',
  'Keep the order status inline and leave search and metrics asynchronous: in `%% @config Status` add `mode=inline`.',
];

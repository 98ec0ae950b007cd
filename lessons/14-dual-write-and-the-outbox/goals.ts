/**
 * Lesson 14 (module 3, lesson 1): the dual write and the transactional outbox (seed 000 §5, 001 "Outbox Pattern";
 * semantics P1, P2). Order Service commits an order and then publishes its event; an ordinary crash while commits are
 * under way leaves orders in the database that no event announces. With the event written as an outbox row in the
 * order's own transaction and a relay publishing the rows, the same crashes lose nothing: a row and its event commit
 * together or not at all. A database crash at 44 s fails the checkouts it catches; it is there for the learner who
 * publishes first, whose events then announce orders that never commit. (crash-between-writes would be the sharper fault, but an outbox writer has no moment between
 * two writes, so the engine refuses it there; an ordinary crash strikes both topologies alike.)
 */
import type { Goal, LessonRun } from '../../engine/index.ts';

export const run: LessonRun = {
  seed: 14,
  durationS: 60,
  faults: ['12s crash {Order Service}', '14s restart {Order Service}', '33s crash {Order Service}', '34s restart {Order Service}', '44s crash OrdersDB', '45s restart OrdersDB'],
};

export const goals: Goal[] = [
  {
    id: 'no-lost-orders',
    text: 'Every order Order Service commits to its database before 50 s has its event published by 60 s, and no event announces an order that was never committed.',
    check: { kind: 'events-published', service: '{Order}', committedBeforeS: 50, byS: 60 },
  },
  {
    id: 'inventory',
    text: 'Inventory processes every order event published between 5 s and 50 s, by 60 s.',
    check: { kind: 'delivered', to: '{Inventory}', sentFromS: 5, sentBeforeS: 50, byS: 60 },
  },
];

export const hints: string[] = [
  'Run it and read the first order the goal names: its row is in Orders DB, committed just before Order Service crashed. Where was its event when the process died?',
  'Swapping the two writes (publish, then save) only trades a lost event for an event about an order that does not exist. No order of two writes is safe; what if the order and its event were one write, to one system, and something else published it?',
  'Give Orders DB an outbox and a relay to publish it, in place of the direct publish: replace `Orders -->|OrderCreatedEvent| Kafka` with `OrdersDB -->|outbox| Relay[Outbox Relay]` and `Relay -->|OrderCreatedEvent| Kafka`. The relay polls the outbox every 500 ms, so events arrive a little later, and none is lost.',
];

/**
 * Lesson 8: poison messages. A record that always fails, retried forever, stops its partition: the consumer may not
 * skip it, so nothing behind it is processed. A bounded number of retries, then a dead-letter topic, keeps the
 * partition moving and keeps the bad record for a person to inspect (seed 001, Dead Letter Queue; semantics P5).
 */
import type { Goal, LessonRun } from '../../engine/index.ts';

export const run: LessonRun = {
  seed: 8,
  durationS: 60,
  // From 10 s, every order of customer-7 makes InventoryService fail (say, a product id it cannot parse).
  faults: ['10s poison {Inventory} key=customer-7'],
};

export const goals: Goal[] = [
  {
    id: 'flowing',
    text: 'At 60 s InventoryService is at most 400 events behind: no partition is stuck.',
    check: { kind: 'lag', service: '{Inventory}', max: 400, byS: 60 },
  },
  { id: 'dlq', text: 'InventoryService has a dead-letter topic for records that keep failing.', check: { kind: 'config', target: '{Inventory}', key: 'dlq', op: 'set' } },
  {
    id: 'nothing-lost',
    text: 'Every order sent between 5 s and 50 s is processed by InventoryService or kept on its dead-letter topic by 60 s.',
    check: { kind: 'delivered', to: '{Inventory}', sentFromS: 5, sentBeforeS: 50, byS: 60, orDeadLettered: true },
  },
];

export const hints: string[] = [
  'Look at the lag per partition: one partition stops at 10 s and never moves again. Which record is at its committed offset?',
  'A consumer reads a partition in order, so it cannot step over a record it has not finished. retry=3 gives up on a record after three attempts.',
  'Giving up must not mean dropping: add dlq=orders-dlq so the record is written to a dead-letter topic before the consumer moves on.',
];

/**
 * Lesson 8: poison messages. A record that always fails, retried forever, stops its partition: the consumer may not
 * skip it, so nothing behind it is processed. A bounded number of retries, then a dead-letter topic, keeps the
 * partition moving and keeps the bad record for a person to inspect (seed 001, Dead Letter Queue; semantics P5). The
 * run judges both: the lag says whether the partition moves, and delivery counts a dead-lettered copy as kept.
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
  {
    id: 'nothing-lost',
    text: 'Every order sent between 5 s and 50 s is processed by InventoryService or kept on its dead-letter topic by 60 s.',
    check: { kind: 'delivered', to: '{Inventory}', sentFromS: 5, sentBeforeS: 50, byS: 60, orDeadLettered: true },
  },
];

export const hints: string[] = [
  'Look at the lag per partition: one partition stops at 10 s and never moves again. Which record is at its committed offset, and why can the consumer not step past it?',
  'Bounding the attempts frees the partition, but a record the consumer gives up on must still end up somewhere a person can find it: the delivery goal counts a copy on a dead-letter topic as kept.',
  'Give up after a few attempts and keep the record: add `retry=3 dlq=orders-dlq` to `%% @config InventoryService`.',
];

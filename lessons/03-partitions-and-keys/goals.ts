/**
 * Lesson 3: partitions and keys. Kafka orders records within a partition only (semantics C19); a partition key puts
 * every event of a customer in one partition, so parallel consumers still see each customer's events in order. The
 * topology follows the seed's specification table: orders.v1, keyed by customerId, 12 partitions. One consumer would
 * keep order too, but it cannot keep up with the orders: the run checks both.
 */
import type { Goal, LessonRun } from '../../engine/index.ts';

export const run: LessonRun = { seed: 3, durationS: 20, faults: [] };

export const goals: Goal[] = [
  { id: 'partitions', text: 'orders.v1 has at least 12 partitions, as its specification says.', check: { kind: 'partitions', topic: 'orders.v1', min: 12 } },
  { id: 'key', text: 'OrderService keys its events by customerId, and the key chooses the partition.', check: { kind: 'key', service: '{Order}', key: 'customerId' } },
  {
    id: 'keeps-up',
    text: 'Both services keep up: by 20 s each has processed every order sent between 5 s and 15 s.',
    check: { kind: 'delivered', to: '{Service}', topic: 'orders.v1', sentFromS: 5, sentBeforeS: 15, byS: 20 },
  },
  {
    id: 'order',
    text: 'Both services process every customer\'s orders in the order they were placed (no per-key reordering in 20 s).',
    check: { kind: 'per-key-order' },
  },
];

export const hints: string[] = [
  'Open the first reordered order the goal names and the later one processed before it: are they in the same partition? Three consumers read three partitions at their own pace, so nothing decides which comes out first.',
  'Something in OrderService\'s settings spreads each customer\'s orders over all partitions although they carry a key. One consumer per group would hide the problem, but look at the rate: can one consumer keep up?',
  'Let the key choose the partition and follow the specification: remove `partitioner.ignore.keys=true` from OrderService and write `%% @config orders.v1 partitions=12`.',
];

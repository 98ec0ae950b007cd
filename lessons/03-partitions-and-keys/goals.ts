/**
 * Lesson 3: partitions and keys. Kafka orders records within a partition only (semantics C19); a partition key puts
 * every event of a customer in one partition, so parallel consumers still see each customer's events in order. The
 * topology follows the seed's specification table: orders.v1, keyed by customerId, 12 partitions.
 */
import type { Goal, LessonRun } from '../../engine/index.ts';

export const run: LessonRun = { seed: 3, durationS: 20, faults: [] };

export const goals: Goal[] = [
  { id: 'partitions', text: 'orders.v1 has at least 12 partitions.', check: { kind: 'partitions', topic: 'orders.v1', min: 12 } },
  { id: 'key', text: 'OrderService keys its events by customerId, and the key chooses the partition.', check: { kind: 'key', service: '{Order}', key: 'customerId' } },
  { id: 'parallel', text: 'InventoryService runs at least 3 consumers in parallel.', check: { kind: 'config', target: '{Inventory}', key: 'instances', op: '>=', value: '3' } },
  {
    id: 'order',
    text: 'Both services process every customer\'s orders in the order they were placed (no per-key reordering in 20 s).',
    check: { kind: 'per-key-order' },
  },
];

export const hints: string[] = [
  'Three consumers read three partitions at their own pace. If one customer\'s orders sit in two partitions, nothing decides which comes out first.',
  'partitioner.ignore.keys=true makes the producer spread records as if they had no key. Remove it so the key picks the partition: hash(customerId) mod the partition count.',
  'The specification table asks for 12 partitions: `%% @config orders.v1 partitions=12`. More partitions than consumers is fine; each consumer takes several.',
];

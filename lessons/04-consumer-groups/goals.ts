/**
 * Lesson 4: consumer groups. A group shares a topic's partitions among its consumers, one consumer per partition
 * (semantics C7), so throughput grows with consumers up to the partition count and extra consumers sit idle. A
 * crashed consumer's partitions move only when its session times out (C2).
 */
import type { Goal, LessonRun } from '../../engine/index.ts';

export const run: LessonRun = { seed: 4, durationS: 60, faults: ['30s crash {Inventory}/1'] };

export const goals: Goal[] = [
  {
    id: 'keeps-up',
    text: 'InventoryService keeps up: by 25 s it has processed every order sent between 5 s and 20 s.',
    check: { kind: 'delivered', to: '{Inventory}', sentFromS: 5, sentBeforeS: 20, byS: 25 },
  },
  {
    id: 'no-idle',
    text: 'At 25 s every InventoryService consumer owns a partition: none sits idle.',
    check: { kind: 'no-idle-consumers', service: '{Inventory}', atS: 25 },
  },
  {
    id: 'recovers',
    text: 'After its first consumer crashes at 30 s, InventoryService has processed every order sent between 5 s and 40 s by 60 s.',
    check: { kind: 'delivered', to: '{Inventory}', sentFromS: 5, sentBeforeS: 40, byS: 60 },
  },
];

export const hints: string[] = [
  'One consumer processes 50 records a second and 120 arrive: add consumers with `instances=N` on InventoryService\'s @config line.',
  'orders-topic has 6 partitions and each goes to exactly one consumer of the group: a seventh consumer gets nothing to read.',
  'A consumer that crashes keeps its partitions until the group coordinator stops hearing from it: session.timeout.ms, 45 s by default. Try 10s (keep heartbeat.interval.ms at most a third of it).',
];

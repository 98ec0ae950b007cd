/**
 * Lesson 4: consumer groups. A group shares a topic's partitions among its consumers, one consumer per partition
 * (semantics C7), so throughput grows with consumers up to the partition count and extra consumers sit idle. A
 * crashed consumer's partitions move only when its session times out (C2), and the consumers left must be able to
 * carry its share: a group that keeps up only while all its members are alive falls behind for good after a crash.
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
    id: 'after-crash',
    text: 'With its first consumer dead from 30 s, InventoryService still keeps up: by 60 s it has processed every order sent between 5 s and 50 s.',
    check: { kind: 'delivered', to: '{Inventory}', sentFromS: 5, sentBeforeS: 50, byS: 60 },
  },
];

export const hints: string[] = [
  'Work out what one consumer can do: 20 ms a record is 50 records a second, and OrderService sends 120. How many consumers does the group need, and how many does it keep when one dies?',
  'After the crash, look at the lag per partition. The dead consumer keeps its partitions until the coordinator stops waiting for its heartbeats (session.timeout.ms, 45 s by default), and the others must then carry its share.',
  'Run enough consumers that one can die, and let the group notice sooner: `%% @config InventoryService processing=20ms instances=4 session.timeout.ms=10s heartbeat.interval.ms=3s`.',
];

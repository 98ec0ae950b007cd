/**
 * Lesson 15 (module 3, lesson 2): the relay's duplicate and the inbox that absorbs it (seed 000 §4B, 004 §4.1.5;
 * semantics P3, P4). The outbox relay crashes after publishing a batch and before marking it, so it publishes that
 * batch again; later Billing crashes after charging a poll and before committing its offsets, so Kafka redelivers it.
 * With no dedupe both charge twice. A set of charged ids in memory skips the relay's second copies but is gone after
 * Billing's crash. An inbox table written in the payment's own transaction survives the crash: every order is charged
 * once.
 */
import type { Goal, LessonRun } from '../../engine/index.ts';

export const run: LessonRun = {
  seed: 15,
  durationS: 60,
  faults: ['8s crash-between-writes {Relay}', '20s crash-after-processing {Billing}'],
};

export const goals: Goal[] = [
  {
    id: 'charged-once',
    text: 'Every order published between 5 s and 50 s has exactly one payment in Billing DB by 60 s, though the relay publishes some orders twice and Kafka delivers some twice.',
    check: { kind: 'effects-once', service: '{Billing}', sentFromS: 5, sentBeforeS: 50, byS: 60 },
  },
  {
    id: 'no-lost-orders',
    text: 'Every order Order Service commits to its database before 50 s has its event published by 60 s, and no event announces an order that was never committed.',
    check: { kind: 'events-published', service: '{Order}', committedBeforeS: 50, byS: 60 },
  },
];

export const hints: string[] = [
  'Run it and read the order the first goal names: it has two payment rows. Open its story: was it published twice by the relay, or delivered twice by Kafka? Both happen in this run.',
  "The duplicates cannot be prevented upstream: the relay cannot mark and publish atomically, and Kafka redelivers what Billing charged and did not commit. Billing must recognise an order it has already charged. Where can it keep that record so that it survives Billing's own crash, and so that the record and the payment can never disagree?",
  "Record each event's id in an inbox table in Billing DB, in the same transaction as the payment: write `inbox=table` in `%% @config Billing` in place of `inbox=none`. A relay's second copy carries the same outbox row id as the first, so it is recognised too.",
];

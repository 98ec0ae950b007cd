/**
 * Lesson 19 (module 3, lesson 3): retries without losing order per key (seed 001 "Dead Letter Queue", 004 §4.1.3;
 * semantics P5, C19). Two consumers of the same keyed orders, both failing on every event of a poison key from 10 s.
 * Billing's gateway also fails 2% of calls by chance. Billing must keep per-key order and may be late: blocking
 * retry with a few attempts, then a dead-letter topic. Retry topics would reorder the events its chance failures
 * send round. Notification Service may reorder but must be quick: retry topics take its failures off the partition
 * (giving up at once to a dead-letter topic also passes, and is a fair answer for a consumer whose only failures are
 * poison). Blocking retry with three attempts makes the records behind each poison one wait, which the latency goal
 * catches.
 */
import type { Goal, LessonRun } from '../../engine/index.ts';

export const run: LessonRun = {
  seed: 19,
  durationS: 60,
  // From 10 s, customer-7's record is corrupt: both services fail on every one of its events.
  faults: ['10s poison {Billing} key=customer-7', '10s poison {Notification} key=customer-7'],
};

export const goals: Goal[] = [
  {
    id: 'charges-in-order',
    text: 'Billing Service never processes an event of a customer after a later event of the same customer.',
    check: { kind: 'per-key-order', service: '{Billing}' },
  },
  {
    id: 'billing-kept',
    text: 'Every order event sent between 5 s and 50 s is processed by Billing Service or kept on its dead-letter topic by 60 s.',
    check: { kind: 'delivered', to: '{Billing}', sentFromS: 5, sentBeforeS: 50, byS: 60, orDeadLettered: true },
  },
  {
    id: 'notified-quickly',
    text: '95% of the events Notification Service processed were processed within 0.5 s of being sent (a retried event counts from its first sending).',
    check: { kind: 'processed-within', service: '{Notification}', quantile: 0.95, withinS: 0.5 },
  },
  {
    id: 'notifications-kept',
    text: 'Every order event sent between 5 s and 50 s is processed by Notification Service or kept on its dead-letter topic by 60 s.',
    check: { kind: 'delivered', to: '{Notification}', sentFromS: 5, sentBeforeS: 50, byS: 60, orDeadLettered: true },
  },
];

export const hints: string[] = [
  'Run the starter and look at one partition: from 10 s it stops for both services at the same record. Each service needs a way to stop retrying that record and keep it somewhere.',
  'Billing\'s rule is order, and its failures are mostly passing: a retry that keeps the partition where it is suits it, as long as it gives up after a few attempts. Notification Service\'s rule is speed: a retry that holds the partition makes everyone behind customer-7 wait, so its failures should wait somewhere else.',
  'Give Billing `retry=3 dlq=billing-dlq`, and Notification Service `retry.topics=notify-retry-1:1s,notify-retry-2:5s dlq=notify-dlq`.',
];

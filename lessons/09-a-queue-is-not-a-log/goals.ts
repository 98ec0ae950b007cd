/**
 * Lesson 9 (module 2, lesson 1): a queue is not a log. A RabbitMQ queue deletes a message once it is acknowledged, and
 * a second consumer on it competes for new messages; a Kafka topic keeps records after reading, so a group of its own
 * replays them (seed 000 §2, queue vs log; semantics Q9-Q10 for what an ack deletes, C13). The replay goal compares
 * message by message what the fixed build processed with what the old one had, so only a log the old build read too can
 * pass it.
 */
import type { Goal, LessonRun } from '../../engine/index.ts';

export const run: LessonRun = { seed: 9, durationS: 120, faults: ['40s crash Billing'] };

export const goals: Goal[] = [
  {
    id: 'priced',
    text: 'Billing processes every order sent before 35 s, by 40 s.',
    check: { kind: 'delivered', to: 'Billing', sentBeforeS: 35, byS: 40 },
  },
  {
    id: 'replay',
    text: 'The fixed Billing processes again every order the old Billing had processed when it was stopped at 40 s, by 120 s.',
    check: { kind: 'replayed', service: 'Billing', afterS: 40, by: '{fixed}' },
  },
];

export const hints: string[] = [
  'Run it and look at what the fixed build processes after 60 s: only new orders. Where are the orders the old build acknowledged? Is there anything left in the queue to read?',
  'A second consumer on the same queue can only share what arrives from now on. The orders must live somewhere reading does not delete them, and the fix needs a position of its own that starts at the oldest one.',
  'Publish the orders to the log and read them there: `OrderService -->|order.created| Kafka`, `Kafka -->|subscribe| Billing` and `Kafka -->|subscribe| BillingFixed`, then start both at the beginning of the log with `auto.offset.reset=earliest` on `%% @config Billing` and on `%% @config BillingFixed start=60s`. BillingFixed is a group of its own, since its id is its group.',
];

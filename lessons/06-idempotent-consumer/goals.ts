/**
 * Lesson 6: the idempotent consumer. At-least-once delivery redelivers what a consumer processed but had not yet
 * committed; an inbox of processed message ids, written in the same transaction as the side effect, turns each
 * redelivery into a no-op (seed 000 §4B; semantics P4).
 */
import type { Goal, LessonRun } from '../../engine/index.ts';

export const run: LessonRun = {
  seed: 6,
  durationS: 60,
  faults: ['10s crash {Billing}', '20s restart {Billing}', '30s crash-after-processing {Billing}'],
};

export const goals: Goal[] = [
  { id: 'no-double-charge', text: 'BillingService charges no order twice, though Kafka redelivers some.', check: { kind: 'no-duplicates', service: '{Billing}' } },
  {
    id: 'no-loss',
    text: 'BillingService still charges every order sent between 5 s and 45 s, by 60 s.',
    check: { kind: 'delivered', to: '{Billing}', sentFromS: 5, sentBeforeS: 45, byS: 60 },
  },
];

export const hints: string[] = [
  'The crash at 30 s comes after Billing charged a poll of orders and before it committed their offsets: the restarted consumer gets them again.',
  'Committing first would stop the repeats and lose orders instead (lesson 5). Keep commit=after and make the repeat harmless.',
  'Add idempotent=true to BillingService: it keeps an inbox of processed message ids and skips an id it has seen.',
];

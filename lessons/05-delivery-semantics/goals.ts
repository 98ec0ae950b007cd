/**
 * Lesson 5: delivery semantics. Where a consumer commits decides what a crash costs: committing before processing
 * loses the records in hand (at-most-once, semantics C10); committing after loses nothing but processes some records
 * twice (at-least-once, C11).
 */
import type { Goal, LessonRun } from '../../engine/index.ts';

export const run: LessonRun = {
  seed: 5,
  durationS: 90,
  faults: ['10s crash {Billing}', '20s restart {Billing}', '30s crash-after-processing {Billing}', '50s crash-before-processing {Billing}'],
};

export const goals: Goal[] = [
  {
    id: 'no-loss',
    text: 'Through all three crashes, BillingService charges every order sent between 5 s and 60 s, by 90 s.',
    check: { kind: 'delivered', to: '{Billing}', sentFromS: 5, sentBeforeS: 60, byS: 90 },
  },
];

export const hints: string[] = [
  'At 50 s BillingService dies after a poll returned and before it charged the orders. Which of them does the group still owe it once it restarts?',
  'An offset commit says "everything before this is done". Committed too early, it skips orders that were never charged.',
  'Change commit=before to commit=after. Then look at the duplicates after the crash at 30 s: they are the price of never losing an order.',
];

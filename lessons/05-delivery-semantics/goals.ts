/**
 * Lesson 5: delivery semantics. Where a consumer commits decides what a crash costs: committing before processing
 * loses the records in hand (at-most-once, semantics C10); committing after loses nothing but processes some records
 * twice (at-least-once, C11). Unless a crash comes before the group's first commit: with auto.offset.reset=latest (the
 * default) the member that comes back starts at the log's end, past what was written while it was down. The search
 * goal finds that moment; the lesson's scripted crashes all come later.
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
  {
    // Beyond the script: ten drawn schedules (search seed 5, 20 s each) of Billing crashing, at any moment or right
    // after a poll's processing, and mostly coming back. Some strike before the group has committed anything.
    id: 'survives-search',
    text: 'Beyond the scripted crashes, BillingService skips no order in 10 schedules of its own crashes.',
    check: { kind: 'survives-search', property: 'no-missed', runs: 10, seed: 5, faults: ['consumer'] },
  },
];

export const hints: string[] = [
  'At 50 s BillingService dies after a poll returned and before it charged the orders. Which of them does the group still owe it once it restarts?',
  'An offset commit says "everything before this is done". Committed too early, it skips orders that were never charged.',
  'The second goal crashes Billing at moments the search picks, some before the group has committed any offset. Where does a consumer start when its group has nothing committed, and what did the orders sent while it was down become?',
  'Change commit=before to commit=after, and add auto.offset.reset=earliest to BillingService. Then look at the duplicates after the crash at 30 s: they are the price of never losing an order.',
];

/**
 * Lesson 2: a log, not a queue. Reading deletes nothing, so a group that joins later can read the whole history
 * (auto.offset.reset=earliest, semantics C13); and a fixed consumer can read it all again, which the learner arranges:
 * a group with committed offsets goes on from them (auto.offset.reset no longer applies), so the fix reads from the
 * start in a group of its own, or after an operator resets the old group's offsets (C17).
 */
import type { Goal, LessonRun } from '../../engine/index.ts';

export const run: LessonRun = {
  seed: 2,
  durationS: 120,
  // The buggy Billing is stopped; its fixed build starts at 60 s (`start` on the learner's BillingFixed).
  faults: ['40s crash Billing'],
};

export const goals: Goal[] = [
  { id: 'analytics', text: 'Analytics subscribes to orders-topic.', check: { kind: 'subscribes', service: '{Analytics}', topic: 'orders-topic' } },
  {
    id: 'history',
    text: 'Analytics, deployed at 30 s, processes every order sent before it started, by 60 s.',
    check: { kind: 'delivered', to: '{Analytics}', topic: 'orders-topic', sentBeforeS: 30, byS: 60 },
  },
  {
    id: 'replay',
    text: 'The fixed Billing processes again every order the old Billing had processed when it was stopped at 40 s, by 120 s.',
    check: { kind: 'replayed', service: 'Billing', afterS: 40, by: '{fixed}' },
  },
  { id: 'kept', text: 'Reading deleted nothing: every acknowledged order is still in the log at 120 s.', check: { kind: 'no-loss' } },
];

export const hints: string[] = [
  'Run it and compare where each consumer starts. A group that has never committed an offset starts where auto.offset.reset says; a group that has committed offsets starts from them, whatever auto.offset.reset says.',
  'BillingFixed joins the group Billing committed its progress in, so it goes on from about 40 s. The old orders are still in the log: what would make the fixed build start at the oldest one?',
  'Add `auto.offset.reset=earliest` to `%% @config Analytics`, and give the fix a group of its own that starts at the beginning: `%% @config BillingFixed start=60s group.id=billing-fixed auto.offset.reset=earliest`.',
];

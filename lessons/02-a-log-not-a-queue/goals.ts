/**
 * Lesson 2: a log, not a queue. Reading deletes nothing, so a group that joins later can read the whole history
 * (auto.offset.reset=earliest, semantics C13), and resetting a group's offsets replays it (C17).
 */
import type { Goal, LessonRun } from '../../engine/index.ts';

export const run: LessonRun = {
  seed: 2,
  durationS: 120,
  // Billing's bug fix: stop it, wait for its session to expire so the group is empty, reset, start the fixed version.
  faults: ['40s crash {Billing}', '90s reset-offsets {Billing} earliest', '92s restart {Billing}'],
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
    text: 'After its offsets are reset to the earliest at 90 s, Billing processes again every order it had processed.',
    check: { kind: 'replayed', service: '{Billing}', afterS: 90 },
  },
  { id: 'kept', text: 'Reading deleted nothing: every acknowledged order is still in the log at 120 s.', check: { kind: 'no-loss' } },
];

export const hints: string[] = [
  'A consumer group with no committed offsets starts where auto.offset.reset says. Its default, latest, means "from now on".',
  'Add auto.offset.reset=earliest to the `%% @config Analytics` line: the new group then starts at the oldest record the log still holds.',
  'Nothing in Billing\'s reading removed a record: that is why both the late group and the replay find the whole history.',
];

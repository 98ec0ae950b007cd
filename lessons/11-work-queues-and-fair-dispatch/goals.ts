/**
 * Lesson 11 (module 2, lesson 3): work queues and fair dispatch (seed 004, work queues; semantics Q16-Q18). With uneven
 * jobs, round-robin dispatch without a prefetch limit queues work behind the slow jobs in one worker's buffer; prefetch
 * 1 keeps it in the queue for whichever worker is free. Judged on the finish time of the jobs, in the run, under seed
 * 11: a fourth worker or prefetch 10 still fail it.
 */
import type { Goal, LessonRun } from '../../engine/index.ts';

export const run: LessonRun = { seed: 11, durationS: 90, faults: [] };

export const goals: Goal[] = [
  {
    id: 'finish',
    text: 'At 90 s, 99% of the jobs the workers processed or still owe were done within 2 s of being sent.',
    check: { kind: 'finish-time', service: '{Worker}', quantile: 0.99, withinS: 2 },
  },
  {
    id: 'all-done',
    text: 'Every job sent between 5 s and 80 s is processed by the render workers by 90 s.',
    check: { kind: 'delivered', to: '{Worker}', sentFromS: 5, sentBeforeS: 80, byS: 90 },
  },
];

export const hints: string[] = [
  'Run it and compare the workers: they processed nearly the same number of jobs. Did they do the same amount of work? Where do the jobs behind a long one wait?',
  'A fourth worker takes its turn like the others. What would stop the broker sending more jobs to a worker that has not finished the ones it holds?',
  'Let each worker hold one unacknowledged job at a time, so waiting jobs stay in the queue for whichever worker is free: add `prefetch=1` to `%% @config Worker`.',
];

/**
 * Lesson 13 (module 2, lesson 5): automatic against manual acknowledgement under a consumer crash (semantics Q9, Q10).
 * Billing starts on a backlog; with auto-ack the broker forgets everything it hands over (prefetch does not apply), so
 * the instance that crashes loses its buffer. Manual ack requeues it: nothing lost, a few payments processed twice.
 */
import type { Goal, LessonRun } from '../../engine/index.ts';

export const run: LessonRun = { seed: 13, durationS: 60, faults: ['12s crash {Billing}/1', '20s restart {Billing}/1'] };

export const goals: Goal[] = [
  {
    id: 'charged',
    text: 'Every payment requested before 50 s is charged by Billing by 60 s, although one instance crashes at 12 s.',
    check: { kind: 'delivered', to: '{Billing}', sentBeforeS: 50, byS: 60 },
  },
];

export const hints: string[] = [
  'Run it and look at the first payment the goal names: it was sent before Billing started, handed to the instance that crashed, and never charged. Where was it when the instance crashed?',
  'The broker deleted every payment the moment it handed it over. What would make the broker keep a payment until Billing has charged it, and give it to the other instance if Billing dies first?',
  'Acknowledge after charging: write `ack=manual` instead of `ack=auto` in `%% @config Billing`. Expect a few payments charged twice after the crash: at-least-once delivery.',
];

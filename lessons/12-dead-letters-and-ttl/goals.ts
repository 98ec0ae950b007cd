/**
 * Lesson 12 (module 2, lesson 4): dead letters and expiry (seed 001, DLQ; semantics Q13, Q19, Q23, Q33). Offers expire
 * while the Notifier is down and a poison offer is requeued for ever; a dead-letter exchange keeps the expired ones and
 * a delivery limit sets the poison ones aside, so that every offer is processed or kept in dead-offers and processing
 * stops failing. The service's own retries keep the poison offers but never see the expired ones.
 */
import type { Goal, LessonRun } from '../../engine/index.ts';

export const run: LessonRun = { seed: 12, durationS: 60, faults: ['10s poison {Notifier} key=customer-7', '20s crash {Notifier}', '35s restart {Notifier}'] };

export const goals: Goal[] = [
  {
    id: 'none-lost',
    text: 'Every offer sent between 5 s and 50 s is processed by Notifier or kept in queue dead-offers by 60 s.',
    check: { kind: 'delivered', to: '{Notifier}', sentFromS: 5, sentBeforeS: 50, byS: 60, deadLetters: 'dead-offers' },
  },
  {
    id: 'no-spinning',
    text: 'Over the run, processing fails at most 20 times: a message that always fails is not tried for ever.',
    check: { kind: 'failures', max: 20 },
  },
];

export const hints: string[] = [
  'Run it and read both goals: the offers sent while the Notifier was down expired and vanished, and customer-7\'s offers fail again and again. Both need a place to go instead.',
  'An edge from a queue to an exchange names its dead-letter exchange; bind a `dead-offers` queue to it. That keeps expired offers. A classic queue never stops requeueing a failing message, so which kind of queue counts deliveries, and how many should a message get?',
  'Add `Offers -->|dead| DeadEx["Exchange: dead-offers (fanout)"]` and `DeadEx --> DeadOffers[(Queue: dead-offers)]`, and make the queue count deliveries: `%% @config Offers x-message-ttl=5000 x-queue-type=quorum x-delivery-limit=3`.',
];

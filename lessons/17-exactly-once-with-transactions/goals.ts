/**
 * Lesson 17 (reliable delivery): exactly once inside Kafka (semantics K18-K21; KIP-98, KIP-447). Invoicing reads
 * orders and writes invoices; when it crashes, at-least-once consumption writes again the invoices of the orders it
 * had not committed, so the ledger books some orders twice. A transactional Invoicing commits its invoices and its
 * input offsets together (sendOffsetsToTransaction), and the crash aborts the open transaction; but the aborted
 * invoices stay in the log, and a ledger reading read_uncommitted books them as well. Both decisions are needed.
 */
import type { Goal, LessonRun } from '../../engine/index.ts';

export const run: LessonRun = {
  seed: 17,
  durationS: 30,
  faults: ['6s crash {Invoicing}', '8s restart {Invoicing}', '17s crash {Invoicing}', '19s restart {Invoicing}'],
};

export const goals: Goal[] = [
  {
    id: 'booked-once',
    text: 'Through both crashes of Invoicing, Ledger Service books every order at most once.',
    check: { kind: 'no-duplicates', service: '{Ledger}', per: 'cause' },
  },
  {
    id: 'booked',
    text: 'Ledger Service books every invoice written between 2 s and 25 s, by 30 s.',
    check: { kind: 'delivered', to: '{Ledger}', sentFromS: 2, sentBeforeS: 25, byS: 30 },
  },
];

export const hints: string[] = [
  'Run it and follow an order the first goal names: it reached the ledger as two invoices. When were they written, and what had Invoicing committed when it crashed between them?',
  'The invoice and the offset of the order it came from are two writes, like the dual write of lesson 14, here both to Kafka. Kafka can make them one transaction. And then: what does a consumer see of a transaction that was aborted?',
  'Give Invoicing `transactional.id=invoicing-tx` (its input offsets then commit in its transactions) and let Ledger read with `isolation.level=read_committed`, so aborted invoices are never booked.',
];

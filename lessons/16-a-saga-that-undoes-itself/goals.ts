/**
 * Lesson 16 (module 4, lesson 1): an orchestrated saga with compensation (seed 001 "Saga Pattern"; semantics P6, P7).
 * The orchestrator reserves stock, charges the card and creates the shipment; a declined card (a business rejection)
 * releases the stock. It keeps its sagas in memory, so its crash at 10 s leaves sagas with stock reserved (or cards
 * charged) that nobody will ever undo; and it gives up on a step after two retries, so Shipping's three seconds down
 * at 30 s make it refund paid orders for a technical failure. The solution stores each saga's progress durably and
 * makes the payment the pivot: after it, shipping is retried until it succeeds.
 */
import type { Goal, LessonRun } from '../../engine/index.ts';

export const run: LessonRun = {
  seed: 16,
  durationS: 60,
  faults: ['10s crash {Orchestrator}', '11s restart {Orchestrator}', '30s crash {Shipping}', '33s restart {Shipping}'],
};

export const goals: Goal[] = [
  {
    id: 'nothing-half-done',
    text: 'Every order saga the orchestrator starts before 50 s has ended completed or compensated by 60 s, none left half done, though the orchestrator crashes at 10 s.',
    check: { kind: 'sagas-settled', saga: '{Orchestrator}', startedBeforeS: 50, byS: 60 },
  },
  {
    id: 'only-rejections-undo',
    text: 'No order saga started before 50 s is compensated for a technical failure: only a business rejection undoes an order, though Shipping is down from 30 s to 33 s.',
    check: { kind: 'sagas-settled', saga: '{Orchestrator}', startedBeforeS: 50, byS: 60, only: 'rejections' },
  },
];

export const hints: string[] = [
  "Run it and select the orchestrator: its row and the run's report name the sagas left half done. Open one: which steps are done, and who was going to undo them when the orchestrator crashed?",
  'The first goal is about what the orchestrator remembers across its own crash. The second is about which failures may undo a paid order: is a shipping service that is down for three seconds a reason to refund the customer, or a reason to try again?',
  'Write `saga.state=durable` so the orchestrator resumes its sagas after a restart, and `pivot=Pay` so that once the card is charged the saga only goes forward: in `%% @config Orch`, in place of `saga.state=memory`, write `saga.state=durable pivot=Pay`.',
];

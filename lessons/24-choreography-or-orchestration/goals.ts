/**
 * Lesson 24 (module 4): choreography against orchestration under the same failure (seed 001 "Choreography vs
 * Orchestration"; semantics P6, P7). Inventory crashes at 20 s and is back at 25 s. In the choreography, as drawn, each
 * service hands its event straight to the next: the events sent to Inventory while it is down, and those it held when
 * it crashed, are gone, and the cards Payment charged for them stay charged with nobody who knows. A durable
 * orchestrator hears nothing back, retries, and finishes every saga once Inventory returns; one that gives up after a
 * few retries refunds orders for a technical failure instead.
 */
import type { Goal, LessonRun } from '../../engine/index.ts';

export const run: LessonRun = {
  seed: 24,
  durationS: 60,
  faults: ['20s crash {Inventory}', '25s restart {Inventory}'],
};

export const goals: Goal[] = [
  {
    id: 'nothing-half-done',
    text: 'Every order saga Payment takes part in that starts before 50 s has ended completed or compensated by 60 s, none left half done, though Inventory is down from 20 s to 25 s.',
    check: { kind: 'sagas-settled', saga: '{Payment}', startedBeforeS: 50, byS: 60 },
  },
  {
    id: 'only-rejections-undo',
    text: 'No order saga Payment takes part in that starts before 50 s is compensated for a technical failure: only an order out of stock is refunded, not one Inventory could not answer while it was down.',
    check: { kind: 'sagas-settled', saga: '{Payment}', startedBeforeS: 50, byS: 60, only: 'rejections' },
  },
];

export const hints: string[] = [
  "Run it and select Payment: its row and the run's report name the sagas left half done. Open one: the card is charged, the stock is not reserved. Which service knows that this order is unfinished?",
  'Each service in the choreography knows only its own step and the event it handed on. The goals ask for someone who remembers every order saga until it ends, notices when a step goes unanswered, and tries again rather than refunding an order because a service was restarting.',
  "Replace the choreography by an orchestrator that keeps each saga durably and sends each step a command: `Orch[Saga Orchestrator] -->|ChargeCard| Pay`, `Orch -->|ReserveStock| Inv` and `Orch -->|CreateShipment| Ship` (in that order, each with an edge back: `Pay --> Orch`), and `%% @config Orch rate=50/s saga.state=durable` in place of the rate on Payment. Leave `step.retries` at its default, -1: a silent step is retried until it answers.",
];

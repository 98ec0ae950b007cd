/**
 * Lesson 20 (module 4): state rebuilt from events (seed 003 "Event Sourcing"). A customer's orders are a stream the
 * order handler replays on every command; the streams only grow, so loads get longer until a snapshot lets a load
 * start from it. At 30 s a new release writes and reads version 2 of OrderPlaced; the stored version 1 events never
 * change, so without an upcaster every command on an older stream fails. The solution upcasts on read and snapshots
 * every 50 events.
 */
import type { Goal, LessonRun } from '../../engine/index.ts';

export const run: LessonRun = { seed: 20, durationS: 60, faults: [] };

export const goals: Goal[] = [
  {
    id: 'every-order-accepted',
    text: 'Every order the shop places is accepted, before and after the order handler’s new release at 30 s.',
    check: { kind: 'checkouts', min: 1 },
  },
  {
    id: 'short-loads',
    text: 'Loading a customer’s stream replays at most 30 events on average over the minute, though every stream grows by about two events a second.',
    check: { kind: 'replay-length', store: '{Event Store}', max: 30 },
  },
];

export const hints: string[] = [
  'Run it and open the event log with its event store filter: from 30 s on, which commands fail, and what do their streams hold that the new release cannot read? Then look at the store’s line in the run: how many events does a load replay, and how does that grow?',
  'The events already stored will never change, and they should not: so the new release has to understand the old version as it reads it. For the loads, a load need not start at the first event if the store keeps what the fold had reached at some version.',
  'Let the order handler upcast the version 1 events as it loads them, and have the store snapshot each stream every 50 events: in `%% @config Orders` write `upcast=true` in place of `upcast=false`, and in `%% @config ES` add `snapshot.every=50`.',
];


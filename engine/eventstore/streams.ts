/**
 * Aggregates as streams of events: the current state is a fold over a stream's events, from the start or from a
 * snapshot. A snapshot only shortens the replay, it never changes the state it yields (Axon reference,
 * "Snapshotting": an aggregate is loaded from its latest snapshot plus the events after it).
 */
import { typeOf } from '../history/messages.ts';
import type { World } from '../world.ts';
import type { AggregateState, EventStore, EventStream } from './part.ts';

/** Applies one event to a state (a copy: a state once made is never changed, like the events themselves). */
export function applyEvent(s: AggregateState, type: string): AggregateState {
  return { version: s.version + 1, counts: { ...s.counts, [type]: (s.counts[type] ?? 0) + 1 } };
}

export const EMPTY: AggregateState = { version: 0, counts: {} };

/** The state after the first `upTo` events of a stream, replayed from its snapshot when `useSnapshot` and it has one below `upTo`. */
export function replay(w: World, es: EventStore, st: EventStream, upTo = st.events.length, useSnapshot = true): { state: AggregateState; replayed: number } {
  const snap = useSnapshot && st.snapshot && st.snapshot.version <= upTo ? st.snapshot : null;
  let state = snap ? snap.state : EMPTY;
  let replayed = 0;
  for (let v = snap ? snap.version : 0; v < upTo; v++) {
    state = applyEvent(state, w.messages.types[typeOf(w.messages, es.log[st.events[v]!]!)] ?? '');
    replayed++;
  }
  return { state, replayed };
}

/** How many events loading a stream replays now: those after its snapshot (all of them without one). */
export function replayLength(st: EventStream | undefined, withSnapshots: boolean): number {
  if (!st) return 0;
  return withSnapshots && st.snapshot ? st.events.length - st.snapshot.version : st.events.length;
}

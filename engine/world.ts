/**
 * The whole state of a simulation run, as plain data: typed arrays, arrays, Maps and plain objects, no closures
 * and no class instances. A snapshot is a structured clone of it, and two runs with the same topology, seed and
 * faults build and mutate it identically.
 *
 * The world is a kernel (time, the event queue, the network, ids and random streams, the message table, keys, the
 * trace, metrics, checker and fault state) and one part per component family. The kernel knows no family: each
 * family declares its part by adding a field to `Parts` (TypeScript declaration merging, in the family's
 * `part.ts`), and code outside a family never reads another family's part.
 */
import type { ChecksState } from './check/state.ts';
import type { FaultState } from './faults/types.ts';
import type { Keys } from './history/keys.ts';
import type { Messages } from './history/messages.ts';
import type { Trace } from './history/trace.ts';
import type { Messaging } from './messaging/state.ts';
import type { Metrics } from './metrics/metrics.ts';
import type { Network } from './sim/network.ts';
import type { EventQueue } from './sim/queue.ts';
import type { Stream } from './sim/random.ts';

/** One field per component family, each declared in that family's `part.ts`. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Parts {}

export interface World {
  seed: number;
  now: number;
  events: number;
  queue: EventQueue;
  net: Network;
  messages: Messages;
  keys: Keys;
  trace: Trace;
  metrics: Metrics;
  checks: ChecksState;
  faults: FaultState;
  /** The messaging port's broker-neutral view: destinations, places, subscriptions. */
  msg: Messaging;
  parts: Parts;
  /** Next ids for requests, batches, calls, fetches: one counter keeps them unique and deterministic. */
  nextId: number;
  /** Streams used by world-level decisions (placement, fault schedules). */
  rng: Stream;
}

export function nextId(w: World): number {
  return w.nextId++;
}

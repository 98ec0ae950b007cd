/**
 * The event store family's event kinds, allocated by name when the module loads (sim/loop.ts).
 */
import { eventKinds } from '../sim/loop.ts';

export const EE = eventKinds([
  'esLoad', // a=store, b=command: the handler's load reaches the store
  'esLoaded', // a=store, b=command: the aggregate's events (or snapshot and tail) reach the handler
  'esAppend', // a=store, b=command: the append with its expected version reaches the store
  'esCommit', // a=store, b=command: the append reaches the store
  'esWrite', // a=store, b=command: the append is written (or meets a newer version)
  'esRetry', // a=store, b=command: the conflict reaches the handler, which loads again
  'esAnswer', // a=store, b=command: the outcome reaches the handler
  'projTick', // a=engine: the subscription's beat (resubscribes after a restart)
  'projWake', // a=engine, b=cycle: the store tells a live subscription of new events
  'projRead', // a=engine, b=cycle: a page read reaches the store
  'projPage', // a=engine, b=cycle: the page reaches the projection
  'projApply', // a=engine, b=cycle: one event applied to its read models
  'readStart', // a=read: a client reads a read model after its write
  'readArrive', // a=read: the query reaches the read model
]);

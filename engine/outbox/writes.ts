/**
 * The outbox family's hooks in a service's handling of a request (services/calls.ts): the order of a dual write, the
 * outbox row a transaction carries, and the crash a `crash-between-writes` fault arms. Each is a look-up that finds
 * nothing in a topology without these patterns, so such runs are unchanged.
 */
import { record } from '../history/trace.ts';
import { crashInstanceAndRestart } from '../services/instances.ts';
import type { World } from '../world.ts';
import { OT } from './trace.ts';

export { relayPublished } from './relay.ts';

/** The service publishes before it writes its database (`write.order=publish-first`). */
export function publishesFirst(w: World, service: number): boolean {
  return w.parts.outbox.publishFirst[service] === true;
}

/** The event type id of the outbox row a transaction of `service` on `destination` carries, or -1 for none. */
export function outboxRowType(w: World, service: number, destination: number): number {
  const o = w.parts.outbox;
  if (o.writers.size === 0) return -1;
  return o.writers.get(service)?.get(destination) ?? -1;
}

/** Records a transaction's outbox row (the row after the business row: transact adds rows in order). */
export function noteOutboxRow(w: World, id: number): void {
  w.parts.outbox.outboxRows.add(id);
}

/**
 * The request of `service` on instance `iid` has done one of its two writes and not the other: if a
 * `crash-between-writes` fault armed the service, the instance crashes now (and is restarted a little later), and
 * the request never does the second. Returns whether it crashed. One fault, one crash.
 */
export function crashBetweenWrites(w: World, service: number, iid: number, request: number): boolean {
  const o = w.parts.outbox;
  if (o.armed[service] !== true) return false;
  o.armed[service] = false;
  o.stats.crashesBetweenWrites++;
  const first = o.publishFirst[service] === true;
  record(w.trace, w.now, OT.crashBetweenWrites, w.parts.apps.instances[iid]!.host, -1, first ? 1 : 0, 0, request);
  crashInstanceAndRestart(w, iid);
  return true;
}

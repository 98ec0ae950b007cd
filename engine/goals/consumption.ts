/**
 * Behavioural checks about how services consume: no event processed twice, every key's events in order, lag back
 * under a bound by a time, and no consumer left without a partition.
 */
import { CAUSED_BY_MESSAGE, causationOf, flagsOf } from '../history/messages.ts';
import type { ServiceView } from '../messaging/port.ts';
import { subscriberState } from '../messaging/queries.ts';
import { groupLags } from '../metrics/report.ts';
import type { World } from '../world.ts';
import type { BehaviouralCheck, Counterexample, MessageRef } from './types.ts';
import { consumingServices, no, seenBy, yes, type RunView, type Verdict } from './view.ts';
import { at, count, describe, list, messageRef, plural, seconds } from './words.ts';

type Of<K extends BehaviouralCheck['kind']> = Extract<BehaviouralCheck, { kind: K }>;

/** Each reader of a service (a consumer, for Kafka): running or not, and the places it owns. */
function readersOf(w: World, s: ServiceView): { alive: boolean; places: number[] }[] {
  return s.readers.map((r) => subscriberState(w, r.broker, r.subscriber));
}

/** No matching service processed an event a second time (an inbox's skipped repeats are fine). */
export function noDuplicates(c: Of<'no-duplicates'>, v: RunView): Verdict {
  const services = consumingServices(v, c.service);
  if (typeof services === 'string') return no(services);
  if (c.per === 'cause') return oncePerCause(services, v);
  const { w } = v;
  const found: string[] = [];
  const messages: MessageRef[] = [];
  const inboxes: string[] = [];
  for (const s of services) {
    const gc = w.checks.groups[s.group]!;
    if (gc.skipped > 0) inboxes.push(`${s.node}'s inbox recognised and skipped ${plural(gc.skipped, 'redelivery', 'redeliveries')}`);
    if (gc.duplicates === 0) continue;
    const refs = gc.duplicateExamples.slice(0, 5).map((e) => messageRef(w, e.message, e.partition, e.offset, e.at));
    messages.push(...refs);
    const first = gc.duplicateExamples[0]!;
    found.push(`${s.node} processed ${plural(gc.duplicates, 'event')} a second time: the first, ${describe(refs[0]!)}, again at ${seconds(first.at)}`);
  }
  if (found.length > 0) return no(`${found.join('; ')}.`, { messages, nodes: services.map((s) => s.node) });
  const who = list(services.map((s) => s.node));
  return yes(`No event was processed twice by ${who}${inboxes.length > 0 ? `; ${inboxes.join('; ')}` : ''}.`);
}

/**
 * No matching service processed two events caused by the same upstream event (or one event twice): each upstream
 * event counted once downstream, whatever the pipeline in between wrote again.
 */
function oncePerCause(services: ServiceView[], v: RunView): Verdict {
  const { w } = v;
  const m = w.messages;
  const found: string[] = [];
  const messages: MessageRef[] = [];
  for (const s of services) {
    const firstOf = new Map<number, number>();
    let twice = w.checks.groups[s.group]!.duplicates;
    let example: { id: number; first: number; cause: number } | null = null;
    for (let id = 1; id < m.count; id++) {
      if ((flagsOf(m, id) & CAUSED_BY_MESSAGE) === 0 || !seenBy(w, s.group, id)) continue;
      const cause = causationOf(m, id);
      const first = firstOf.get(cause);
      if (first === undefined) firstOf.set(cause, id);
      else {
        twice++;
        example ??= { id, first, cause };
      }
    }
    if (twice === 0) continue;
    if (example) {
      messages.push(messageRef(w, example.first), messageRef(w, example.id));
      found.push(`${s.node} counted ${plural(twice, 'upstream event')} twice: #${example.cause} reached it as #${example.first} and again as #${example.id}, written a second time`);
    } else found.push(`${s.node} processed ${plural(twice, 'event')} a second time`);
  }
  if (found.length > 0) return no(`${found.join('; ')}.`, { messages, nodes: services.map((s) => s.node) });
  return yes(`${list(services.map((s) => s.node))} counted every upstream event once.`);
}

/** No matching service processed an event after a later event of the same key. */
export function perKeyOrder(c: Of<'per-key-order'>, v: RunView): Verdict {
  const services = consumingServices(v, c.service);
  if (typeof services === 'string') return no(services);
  const { w } = v;
  const found: string[] = [];
  const messages: MessageRef[] = [];
  for (const s of services) {
    const gc = w.checks.groups[s.group]!;
    if (gc.reordered === 0) continue;
    const refs = gc.reorderExamples.slice(0, 5).map((e) => messageRef(w, e.message, e.partition, e.offset, e.at));
    messages.push(...refs);
    const first = gc.reorderExamples[0]!;
    found.push(`${s.node} processed ${plural(gc.reordered, 'event')} out of order for their key: ${describe(refs[0]!)} at ${seconds(first.at)}, ` +
      `after #${first.other}, a later event of the same key`);
  }
  if (found.length > 0) return no(`${found.join('; ')}.`, { messages, nodes: services.map((s) => s.node) });
  // Order per key means nothing for events without keys: say so rather than pass for no reason.
  const keyed = services.filter((s) => w.checks.groups[s.group]!.lastByKey.some((x) => x !== 0));
  if (keyed.length === 0) return no(`${list(services.map((s) => s.node))} processed no event with a key, so there is no per-key order to check: give the producer a key.`);
  return yes(`${list(keyed.map((s) => s.node))} processed every key's events in the order they were sent.`);
}

/** Each matching service's group is at most `max` events behind at the check's time. */
export function lag(c: Of<'lag'>, v: RunView): Verdict {
  const services = consumingServices(v, c.service);
  if (typeof services === 'string') return no(services);
  const { w } = v;
  const lags = groupLags(w);
  const found: string[] = [];
  const fine: string[] = [];
  const partitions: NonNullable<Counterexample['partitions']> = [];
  for (const s of services) {
    const g = lags[s.group]!;
    // A partition with data and no committed offset counts in full: the group has not shown it read any of it.
    const rows = g.partitions.map((p) => ({ ...p, lag: p.committed < 0 ? p.highWatermark : p.lag }));
    const total = rows.reduce((sum, p) => sum + p.lag, 0);
    if (total <= c.max) {
      fine.push(`${s.node} is ${plural(total, 'event')} behind`);
      continue;
    }
    const worst = rows.reduce((a, b) => (b.lag > a.lag ? b : a));
    partitions.push(...rows.filter((p) => p.lag > 0).map((p) => ({ partition: p.partition, committed: p.committed, end: p.highWatermark, lag: p.lag })));
    const committed = worst.committed < 0 ? 'no committed offset yet' : `committed offset ${count(worst.committed)}`;
    const alive = readersOf(w, s);
    found.push(`${s.node} is ${plural(total, 'event')} behind (its lag), more than ${count(c.max)}: ${worst.partition} alone is ${count(worst.lag)} behind ` +
      `(${committed}, log end ${count(worst.highWatermark)}), with ${alive.filter((x) => x.alive).length} of its ${plural(alive.length, 'consumer')} running`);
  }
  if (found.length > 0) return no(`At ${at(c.byS)} ${found.join('; ')}.`, { partitions, nodes: services.map((s) => s.node) });
  return yes(`At ${at(c.byS)} ${fine.join('; ')} (at most ${count(c.max)} allowed).`);
}

/** Every running consumer of the service owns a partition. */
export function noIdleConsumers(c: Of<'no-idle-consumers'>, v: RunView): Verdict {
  const services = consumingServices(v, c.service);
  if (typeof services === 'string') return no(services);
  const { w } = v;
  const found: string[] = [];
  const fine: string[] = [];
  for (const s of services) {
    const consumers = readersOf(w, s).filter((x) => x.alive);
    const reads = w.msg.subscriptions[s.group]!.destinations;
    const total = reads.reduce((n, d) => n + w.msg.destinations[d]!.places.length, 0);
    const topics = list(reads.map((d) => w.msg.destinations[d]!.name));
    const idle = consumers.filter((x) => x.places.length === 0);
    if (consumers.length === 0) found.push(`${s.node} has no consumer running`);
    else if (idle.length > 0) {
      found.push(`${count(idle.length)} of ${s.node}'s ${plural(consumers.length, 'consumer')} ${idle.length === 1 ? 'owns' : 'own'} no partition: ${topics} ${total === 1 ? 'has 1 partition' : `has ${total} partitions`}, ` +
        'and a partition goes to one consumer of the group');
    } else fine.push(`each of ${s.node}'s ${plural(consumers.length, 'consumer')} owns some of the ${plural(total, 'partition')} of ${topics}`);
  }
  if (found.length > 0) return no(`At ${at(c.atS)} ${found.join('; ')}.`, { nodes: services.map((s) => s.node) });
  return yes(`At ${at(c.atS)} ${fine.join('; ')}.`);
}

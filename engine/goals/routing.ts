/**
 * Behavioural checks about where published events went: each queue got the events of the publishers it is meant
 * for and no others, and no event went nowhere. Read from the message table and the messaging port alone: a
 * message sits on the place it was routed to (a queue, or the exchange itself when nothing matched), and a queue's
 * copy of a fanned-out publish names the original as its cause.
 */
import { APPLICATION, BROKERS } from '../components.ts';
import { CAUSED_BY_MESSAGE, FAILED, causationOf, flagsOf, keyOf, partitionOf, producedAtOf, typeOf } from '../history/messages.ts';
import type { ServiceView } from '../messaging/port.ts';
import { destinationNamed } from '../messaging/queries.ts';
import type { World } from '../world.ts';
import { matchNodes, nothingMatches } from './match.ts';
import type { BehaviouralCheck, MessageRef } from './types.ts';
import { no, yes, type RunView, type Verdict } from './view.ts';
import { at, count, describe, list, messageRef, plural, seconds } from './words.ts';

type Of<K extends BehaviouralCheck['kind']> = Extract<BehaviouralCheck, { kind: K }>;

/**
 * The publish a message stands for: itself, or, for a queue's copy of a message routed to several queues, the
 * original (its cause, with the same type, key and send time). Dead-lettered copies and events a service published
 * in reaction are publishes of their own.
 */
export function originOf(w: World, id: number): number {
  const m = w.messages;
  const c = causationOf(m, id);
  if ((flagsOf(m, id) & CAUSED_BY_MESSAGE) !== 0 || c === id || c <= 0 || c >= m.count) return id;
  const same = typeOf(m, c) === typeOf(m, id) && keyOf(m, c) === keyOf(m, id) && producedAtOf(m, c) === producedAtOf(m, id);
  return same ? c : id;
}

/** A message that a service published: neither a queue's copy of another nor a dead-lettered copy (same type and key as its cause). */
function isPublish(w: World, id: number): boolean {
  if (originOf(w, id) !== id) return false;
  const m = w.messages;
  if ((flagsOf(m, id) & CAUSED_BY_MESSAGE) === 0) return true;
  const c = causationOf(m, id);
  return typeOf(m, c) !== typeOf(m, id) || keyOf(m, c) !== keyOf(m, id);
}

/** Places some service reads: a message there can reach a consumer. (Every queue has a subscription, read or not.) */
function readPlaces(w: World): Set<number> {
  const read = new Set<number>();
  for (const s of APPLICATION.services(w)) for (const d of s.consumes) for (const p of w.msg.destinations[d]!.places) read.add(p);
  return read;
}

/** Who publishes each event type, and the routing key (the edge's label) each publishing edge gives it. */
function publishers(v: RunView): Map<number, { service: ServiceView; keys: string[] }> {
  const out = new Map<number, { service: ServiceView; keys: string[] }>();
  for (const s of APPLICATION.services(v.w)) {
    for (const p of s.publishes) {
      const label = (v.t.edges.find((e) => e.id === p.edge)?.label ?? '').replace(/^\s*\d+\.\s+/, '').trim();
      const entry = out.get(p.type) ?? { service: s, keys: [] };
      if (label && !entry.keys.includes(label)) entry.keys.push(label);
      out.set(p.type, entry);
    }
  }
  return out;
}

/** `#12 (customer-3), from EuShop with routing key order.eu.created`. */
function fromWhom(w: World, id: number, who: ReturnType<typeof publishers>, ref: MessageRef): string {
  const p = who.get(typeOf(w.messages, id));
  if (!p) return describe(ref);
  const key = p.keys.length === 1 ? ` with routing key ${p.keys[0]}` : '';
  return `${describe(ref)}, from ${p.service.node}${key}`;
}

/** Each publish and its copies in other queues (the publish itself first), from one pass over the message table. */
function copiesOf(w: World): { of: (id: number) => number[] } {
  const extra = new Map<number, number[]>();
  for (let id = 1; id < w.messages.count; id++) {
    const o = originOf(w, id);
    if (o === id) continue;
    const seen = extra.get(o);
    if (seen) seen.push(id);
    else extra.set(o, [id]);
  }
  return { of: (id) => [id, ...(extra.get(id) ?? [])] };
}

function placeNames(w: World, ids: number[], read: Set<number>): string[] {
  const places = ids.map((id) => partitionOf(w.messages, id)).filter((p) => read.has(p));
  return [...new Set(places.map((p) => w.msg.destinations[w.msg.places[p]!.destination]!.name))];
}

/** The queue got every event its publishers sent in the window, and none from anyone else. */
export function routed(c: Of<'routed'>, v: RunView): Verdict {
  const { w } = v;
  const d = destinationNamed(w, c.queue);
  if (d < 0) return no(`There is no queue ${c.queue}: draw it as Q[(Queue: ${c.queue})] and bind it to the exchange.`);
  const mine = new Set(w.msg.destinations[d]!.places);
  const who = publishers(v);
  const wanted = new Set<number>();
  const named: string[] = [];
  for (const matcher of c.from) {
    const nodes = new Set(matchNodes(v.t, matcher).map((n) => n.id));
    if (nodes.size === 0) return no(nothingMatches(matcher));
    for (const [type, p] of who) {
      if (!nodes.has(p.service.node)) continue;
      wanted.add(type);
      if (!named.includes(p.service.node)) named.push(p.service.node);
    }
  }
  if (named.length === 0) return no(`${list(c.from.map((m) => m.replace(/[{}]/g, '')))} publishes nothing, so queue ${c.queue} has nothing to get.`);
  const read = readPlaces(w);
  const copies = copiesOf(w);
  const from = (c.sentFromS ?? 0) * 1e6;
  const before = c.sentBeforeS * 1e6;
  let total = 0;
  const missing: number[] = [];
  const strays: number[] = [];
  let missingCount = 0, strayCount = 0;
  for (let id = 1; id < w.messages.count; id++) {
    const t = producedAtOf(w.messages, id);
    if (t < from || t >= before || !who.has(typeOf(w.messages, id)) || !isPublish(w, id)) continue;
    // A stray is shown by its copy in this queue, a missing event by the publish itself.
    const here = copies.of(id).find((x) => mine.has(partitionOf(w.messages, x)));
    if (wanted.has(typeOf(w.messages, id))) {
      total++;
      if (here === undefined && missingCount++ < 5) missing.push(id);
    } else if (here !== undefined && strayCount++ < 5) strays.push(here);
  }
  const window = c.sentFromS ? `between ${at(c.sentFromS)} and ${at(c.sentBeforeS)}` : `before ${at(c.sentBeforeS)}`;
  const what = `${list(named)} published ${window}`;
  if (total === 0) return no(`${list(named)} published no event ${window}, so there is nothing queue ${c.queue} should have got.`);
  const ref = (id: number) => messageRef(w, id, partitionOf(w.messages, id), undefined, producedAtOf(w.messages, id));
  const problems: string[] = [];
  const messages: MessageRef[] = [];
  if (missingCount > 0) {
    const first = missing[0]!;
    const r = ref(first);
    messages.push(...missing.map(ref));
    const elsewhere = placeNames(w, copies.of(first), read);
    const went = elsewhere.length === 0 ? 'went nowhere: no binding matched it' : `went only to ${list(elsewhere)}`;
    problems.push(`queue ${c.queue} did not get ${count(missingCount)} of the ${plural(total, 'event')} ${what}: the first, ${fromWhom(w, first, who, r)}, sent at ${seconds(producedAtOf(w.messages, first))}, ${went}`);
  }
  if (strayCount > 0) {
    const first = strays[0]!;
    const r = ref(first);
    messages.push(...strays.map(ref));
    problems.push(`queue ${c.queue} got ${plural(strayCount, 'event')} meant for others: the first, ${fromWhom(w, first, who, r)}, sent at ${seconds(producedAtOf(w.messages, first))}, does not belong there`);
  }
  if (problems.length > 0) {
    const text = problems.join('; and ');
    return no(`${text.charAt(0).toUpperCase()}${text.slice(1)} (checked at ${at(c.byS)}).`, { messages });
  }
  return yes(`Queue ${c.queue} got all ${plural(total, 'event')} ${what}, and none from anyone else.`);
}

/** No published event went nowhere: every one sits on (or was delivered from) a queue or topic that is read. */
export function noUnroutable(v: RunView): Verdict {
  const { w } = v;
  const who = publishers(v);
  const read = readPlaces(w);
  const copies = copiesOf(w);
  const brokers = new Set(BROKERS.map((b) => b.name));
  let total = 0, lost = 0, returned = 0;
  const examples: number[] = [];
  const byPublisher = new Map<string, number>();
  for (let id = 1; id < w.messages.count; id++) {
    if (!who.has(typeOf(w.messages, id)) || !isPublish(w, id)) continue;
    const place = partitionOf(w.messages, id);
    const p = w.msg.places[place];
    if (!p || !brokers.has(p.family)) continue;
    total++;
    // Routed to several queues, the publish itself sits in one of them: any copy in a queue that is read will do.
    if (copies.of(id).some((x) => read.has(partitionOf(w.messages, x)))) continue;
    lost++;
    if ((flagsOf(w.messages, id) & FAILED) !== 0) returned++;
    const node = who.get(typeOf(w.messages, id))!.service.node;
    byPublisher.set(node, (byPublisher.get(node) ?? 0) + 1);
    if (examples.length < 5) examples.push(id);
  }
  if (total === 0) return no('No service published an event, so nothing could be routed.');
  if (lost === 0) return yes(`All ${plural(total, 'published event')} reached at least one queue or topic that is read.`);
  const first = examples[0]!;
  const refs = examples.map((id) => messageRef(w, id, partitionOf(w.messages, id), undefined, producedAtOf(w.messages, id)));
  const place = w.msg.places[partitionOf(w.messages, first)]!.name;
  const where = place.endsWith(' (exchange)') ? `reached exchange ${place.slice(0, -' (exchange)'.length)} and no queue` : `reached ${place}, which nothing reads`;
  const told = returned === 0 ? 'dropped without a word to the publisher' : returned === lost ? 'returned to the publisher (mandatory), delivered to nobody' : `dropped, ${count(returned)} of them returned to the publisher`;
  const per = byPublisher.size > 1 ? ` By publisher: ${list([...byPublisher].map(([n, k]) => `${n} ${count(k)}`))}.` : '';
  return no(
    `${plural(lost, 'event')} of ${count(total)} went nowhere${place.endsWith(' (exchange)') ? `: no binding matched, so they were ${told}` : ''}. The first, ${fromWhom(w, first, who, refs[0]!)}, ` +
      `sent at ${seconds(producedAtOf(w.messages, first))}, ${where}.${per}`,
    { messages: refs, window: { fromS: producedAtOf(w.messages, first) / 1e6, toS: producedAtOf(w.messages, examples.at(-1)!) / 1e6 } },
  );
}

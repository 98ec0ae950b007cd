/**
 * Behavioural checks read from the database/stream consistency checker (engine/outbox/consistency.ts): a service's
 * committed rows each have their event (none lost to a crash between a dual write's two writes, none stuck in an
 * outbox, none published without its row), and a consumer's effects are in its database once per event however often
 * the event arrives (a relay's second copy, a redelivery after a crash).
 */
import { FAMILIES } from '../components.ts';
import { ACKED, CAUSED_BY_MESSAGE, causationOf, flagsOf, partitionOf, producedAtOf } from '../history/messages.ts';
import type { World } from '../world.ts';
import { matchNodes, nothingMatches } from './match.ts';
import type { BehaviouralCheck, MessageRef } from './types.ts';
import { consumingServices, no, yes, type RunView, type Verdict } from './view.ts';
import { at, count, describe, list, messageRef, plural, sentence } from './words.ts';

type Of<K extends BehaviouralCheck['kind']> = Extract<BehaviouralCheck, { kind: K }>;

/** What the goals ask of the outbox family's consistency checker (engine/outbox/facts.ts answers). */
export interface ConsistencyFacts {
  /** Per service writing a database whose rows its events announce: counts, as engine/outbox/consistency.ts makes them. */
  flows: { service: string; database: string; via: 'dual-write' | 'outbox'; relay: string; rows: number; lost: number; phantom: number; duplicate: number; waiting: number }[];
  /** Committed rows no event announces (examples), when each was committed (µs). */
  lost: { service: string; row: number; committedAt: number }[];
  /** Events published for a row never committed (examples). */
  phantom: { service: string; event: number }[];
  /** Outbox rows committed and not yet published for good, when each was committed (µs). */
  waiting: { service: string; row: number; committedAt: number }[];
}

/** One consumer's effects in its database: the effect rows of each event (by the id its publisher gave it). */
export interface EffectFacts {
  database: string;
  mode: 'none' | 'memory' | 'table';
  skipped: number;
  rowsOf: Map<number, number[]>;
  /** Outbox rows: a relay's event is known by the outbox row it carries. */
  outboxRows: ReadonlySet<number>;
}

const outboxFamily = () => FAMILIES.find((f) => f.name === 'outbox');
const consistencyOf = (w: World) => outboxFamily()?.inspect?.['consistency']?.(w, 0) as ConsistencyFacts | undefined;
const effectsOf = (w: World, service: number) => (outboxFamily()?.inspect?.['effects']?.(w, service) ?? null) as EffectFacts | null;

/** The id a consumer knows a message by: a relay's event is its outbox row's. */
function eventOf(w: World, e: EffectFacts, id: number): number {
  if ((flagsOf(w.messages, id) & CAUSED_BY_MESSAGE) === 0) return id;
  const cause = causationOf(w.messages, id);
  return e.outboxRows.has(cause) ? cause : id;
}

/**
 * By `byS`, every row the matching services committed before `committedBeforeS` has its event published (none lost,
 * none still waiting in an outbox), and no event was published for a row never committed.
 */
export function eventsPublished(c: Of<'events-published'>, v: RunView): Verdict {
  const named = new Set(matchNodes(v.t, c.service).map((n) => n.id));
  if (named.size === 0) return no(nothingMatches(c.service));
  const { w } = v;
  const report = consistencyOf(w) ?? { flows: [], lost: [], phantom: [], waiting: [] };
  const flows = report.flows.filter((f) => named.has(f.service));
  const who = list([...named]);
  if (flows.length === 0) {
    return no(`${who} sends no event for the rows it writes: it needs a database it writes and an event for each row, published by itself or by a relay reading its database.`, { nodes: [...named] });
  }
  const problems: string[] = [];
  const messages: MessageRef[] = [];
  const limitUs = c.committedBeforeS * 1e6;
  for (const f of flows) {
    const lost = report.lost.filter((x) => x.service === f.service);
    if (f.lost > 0) {
      const ref = messageRef(w, lost[0]!.row, undefined, undefined, lost[0]!.committedAt);
      messages.push(...lost.slice(0, 5).map((x) => messageRef(w, x.row, undefined, undefined, x.committedAt)));
      problems.push(`${plural(f.lost, 'row')} ${f.service} committed in ${f.database} never had an event published: row ${describe(ref)}, committed at ${at(ref.atS ?? 0)}, is in the table and no event names it`);
    }
    if (f.phantom > 0) {
      const first = report.phantom.find((x) => x.service === f.service)!;
      messages.push(messageRef(w, first.event, partitionOf(w.messages, first.event), undefined, producedAtOf(w.messages, first.event)));
      problems.push(`${plural(f.phantom, 'event')} ${f.service} published ${f.phantom === 1 ? 'has' : 'have'} no committed row in ${f.database}: event #${first.event} announces a row that was never written`);
    }
    if (f.via === 'outbox' && f.waiting > 0) {
      const late = report.waiting.filter((x) => x.service === f.service && x.committedAt >= 0 && x.committedAt < limitUs);
      if (late.length > 0) {
        messages.push(messageRef(w, late[0]!.row, undefined, undefined, late[0]!.committedAt));
        problems.push(`${plural(late.length, 'outbox row')} committed before ${at(c.committedBeforeS)} still ${late.length === 1 ? 'waits' : 'wait'} in ${f.database} for ${f.relay} to publish ${late.length === 1 ? 'it' : 'them'} at ${at(c.byS)}`);
      }
    }
  }
  const nodes = [...new Set(flows.flatMap((f) => [f.service, f.database, ...(f.relay ? [f.relay] : [])]))];
  if (problems.length > 0) return no(`${sentence(problems.join('; '))}.`, { messages, nodes });
  const rows = flows.reduce((n, f) => n + f.rows, 0);
  const via = flows.map((f) => (f.via === 'outbox' ? `through ${f.relay}` : 'by a dual write'));
  const dup = flows.reduce((n, f) => n + f.duplicate, 0);
  const again = dup > 0 ? ` ${plural(dup, 'row')} had ${dup === 1 ? 'its' : 'their'} event published twice, which consumers must expect.` : '';
  return yes(`Each of the ${plural(rows, 'row')} ${who} committed has its event, published ${list([...new Set(via)])}, and no event lacks its row.${again}`);
}

/**
 * By `byS`, every event published from `sentFromS` until `sentBeforeS` on what the matching services read has its
 * effect in their database exactly once (a relay's second copy is the same event), and no event's effect is there twice.
 */
export function effectsOnce(c: Of<'effects-once'>, v: RunView): Verdict {
  const services = consumingServices(v, c.service);
  if (typeof services === 'string') return no(services);
  const { w } = v;
  const m = w.messages;
  const fromUs = (c.sentFromS ?? 0) * 1e6;
  const beforeUs = c.sentBeforeS * 1e6;
  const problems: string[] = [];
  const passes: string[] = [];
  const messages: MessageRef[] = [];
  for (const s of services) {
    const ib = effectsOf(w, s.id);
    if (!ib) {
      problems.push(`${s.node} writes no effect of its own in a database (it draws no database, or its inbox is off), so there is no effect to count`);
      continue;
    }
    const { rowsOf } = ib;
    const twice = [...rowsOf].filter(([, rows]) => rows.length > 1);
    if (twice.length > 0) {
      const [event, rows] = twice[0]!;
      messages.push(...twice.slice(0, 5).map(([e]) => messageRef(w, e)));
      problems.push(`${s.node} applied ${plural(twice.length, 'event')} more than once in ${ib.database}: event ${describe(messageRef(w, event))} has ${plural(rows.length, 'effect row')} (${rows.map((r) => `#${r}`).join(', ')})`);
    }
    // Every event published in the window on what it reads: each needs its effect.
    const places = new Set(w.msg.subscriptions[s.group]!.destinations.flatMap((d) => w.msg.destinations[d]!.places));
    const missing: number[] = [];
    let published = 0;
    const counted = new Set<number>();
    for (let id = 1; id < m.count; id++) {
      if (!places.has(partitionOf(m, id)) || (flagsOf(m, id) & ACKED) === 0) continue;
      const t = producedAtOf(m, id);
      if (t < fromUs || t >= beforeUs) continue;
      const event = eventOf(w, ib, id);
      if (counted.has(event)) continue;
      counted.add(event);
      published++;
      if (!rowsOf.has(event)) missing.push(id);
    }
    if (missing.length > 0) {
      messages.push(messageRef(w, missing[0]!, partitionOf(m, missing[0]!), undefined, producedAtOf(m, missing[0]!)));
      problems.push(`${plural(missing.length, 'event')} published between ${at(c.sentFromS ?? 0)} and ${at(c.sentBeforeS)} ${missing.length === 1 ? 'has' : 'have'} no effect in ${ib.database} by ${at(c.byS)}, the first ${describe(messageRef(w, missing[0]!))}`);
    }
    if (twice.length === 0 && missing.length === 0) {
      const skipped = ib.skipped > 0 ? `; it recognised ${plural(ib.skipped, 'repeat')} and skipped ${ib.skipped === 1 ? 'it' : 'them'}` : '';
      passes.push(`each of the ${count(published)} events published between ${at(c.sentFromS ?? 0)} and ${at(c.sentBeforeS)} has its effect in ${ib.database} once${skipped}`);
    }
  }
  const nodes = services.map((s) => s.node);
  if (problems.length > 0) return no(`${sentence(problems.join('; '))}.`, { messages, nodes });
  return yes(`${sentence(passes.join('; '))}.`);
}

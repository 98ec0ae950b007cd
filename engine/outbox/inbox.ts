/**
 * A consumer's effects and its inbox (issue 14 §3, semantics.md P4). With `inbox` set, a consumer that writes a
 * database (`Billing --> BDB[(Billing DB)]`) applies each message it processes as an effect row there, in one local
 * transaction taken to be part of its processing time, and recognises a redelivery by the event's id:
 * - `inbox=table`: an inbox row with the event's id is written in the same transaction as the effect, so the effect
 *   and the record that it was applied commit or vanish together; a redelivery finds the id and is skipped
 *   (microservices.io, Idempotent Consumer: "recording the IDs of the messages that it has processed" in the
 *   database it updates). It survives the consumer's crash, as the table does.
 * - `inbox=memory`: a set of processed ids in the instance's memory, added after the effect commits: a crash forgets
 *   it, and a redelivery after the crash applies the effect again.
 * - `inbox=none`: no dedupe; every delivery applies the effect.
 * - `inbox=off` (the default): processing writes nothing (as before this setting).
 * An event's id is the id its publisher gave it: an outbox relay's event carries its outbox row's id (as Debezium's
 * outbox event router sends the row's `id` as the message id), so a relay's duplicate has the same id as the first.
 * A database that is down or cut off fails the message, which the consumer retries like any failure.
 */
import { CAUSED_BY_MESSAGE, causationOf, flagsOf, keyOf } from '../history/messages.ts';
import { record } from '../history/trace.ts';
import { reachable } from '../sim/network.ts';
import { commitNow } from '../stores/transactions.ts';
import type { World } from '../world.ts';
import type { InboxState } from './part.ts';
import { OT } from './trace.ts';
import { rowIds } from '../stores/rows.ts';

export const EFFECT_OFF = 0;
export const EFFECT_APPLIED = 1;
export const EFFECT_SKIPPED = 2;
export const EFFECT_FAILED = 3;

/** The id a consumer recognises an event by: a relay's event is its outbox row's. */
export function eventIdOf(w: World, id: number): number {
  const m = w.messages;
  if ((flagsOf(m, id) & CAUSED_BY_MESSAGE) === 0) return id;
  const cause = causationOf(m, id);
  return w.parts.outbox.outboxRows.has(cause) ? cause : id;
}

/** Whether `service` applies effects at all (its `inbox` is not `off`). */
export function hasEffects(w: World, service: number): boolean {
  return w.parts.outbox.inboxes[service] !== undefined;
}

/**
 * Message `id`, processed by instance `iid` of `service`: applies its effect (or skips it as a repeat), or fails
 * it when the database cannot be reached. Returns one of the EFFECT_ outcomes.
 */
export function applyEffect(w: World, service: number, iid: number, id: number): number {
  const ib = w.parts.outbox.inboxes[service];
  if (!ib) return EFFECT_OFF;
  const inst = w.parts.apps.instances[iid]!;
  const db = w.parts.stores.databases[ib.db]!;
  const event = eventIdOf(w, id);
  ib.processed.set(event, (ib.processed.get(event) ?? 0) + 1);
  if (ib.mode === 'memory') {
    const mem = memoryOf(ib, iid, inst.life);
    if (mem.has(event)) return skip(w, ib, inst.host, id, event);
  } else if (ib.mode === 'table' && inTable(w, ib, event)) return skip(w, ib, inst.host, id, event);
  if (!db.alive || !reachable(w.net, inst.host, db.host)) return EFFECT_FAILED;
  const key = keyOf(w.messages, id);
  const writes = [{ key, type: ib.effectType, cause: id }];
  if (ib.mode === 'table') writes.push({ key, type: ib.inboxType, cause: id });
  const rows = commitNow(w, db, writes, true);
  ib.effects.set(rows[0]!, event);
  if (ib.mode === 'table') ib.table.set(event, rows[1]!);
  if (ib.mode === 'memory') memoryOf(ib, iid, inst.life).add(event);
  return EFFECT_APPLIED;
}

function skip(w: World, ib: InboxState, host: number, id: number, event: number): number {
  ib.skipped++;
  record(w.trace, w.now, OT.inboxSkip, host, -1, id, event, ib.mode === 'table' ? 1 : 0);
  return EFFECT_SKIPPED;
}

/** The instance's in-memory set of processed ids, emptied when the instance has crashed since it was filled. */
function memoryOf(ib: InboxState, iid: number, life: number): Set<number> {
  let m = ib.memory.get(iid);
  if (!m || m.life !== life) ib.memory.set(iid, (m = { life, ids: new Set() }));
  return m.ids;
}

/** The inbox table has the event's row, committed and not lost since (a crash loses unflushed rows). */
function inTable(w: World, ib: InboxState, event: number): boolean {
  const row = ib.table.get(event);
  if (row === undefined) return false;
  const db = w.parts.stores.databases[ib.db]!;
  if (db.lost.length === 0) return true;
  if (ib.lostSeen !== db.lost.length) {
    ib.lost = new Set(db.lost.map((x) => x.id));
    ib.lostSeen = db.lost.length;
  }
  return !ib.lost.has(row);
}

export interface EffectReport {
  service: string;
  database: string;
  inbox: InboxState['mode'];
  /** Events (by id) the consumer processed, and those it processed more than once (a redelivery or a duplicate). */
  processed: number;
  processedTwice: number;
  /** Redeliveries its inbox recognised and skipped. */
  skipped: number;
  /** Effect rows committed, and events whose effect is committed more than once, with examples (the event and its rows). */
  applied: number;
  appliedTwice: number;
  examples: { event: number; rows: number[] }[];
}

/** What each consumer with effects did: processed twice is not applied twice when its inbox is a table. */
export function checkEffects(w: World, examples = 20): EffectReport[] {
  const out: EffectReport[] = [];
  w.parts.outbox.inboxes.forEach((ib, si) => {
    if (!ib) return;
    const db = w.parts.stores.databases[ib.db]!;
    const byEvent = new Map<number, number[]>();
    for (const list of [rowIds(db.rows), db.unflushed]) {
      for (const row of list) {
        const event = ib.effects.get(row);
        if (event === undefined) continue;
        const rows = byEvent.get(event);
        if (rows) rows.push(row);
        else byEvent.set(event, [row]);
      }
    }
    let applied = 0;
    let twice = 0;
    const ex: EffectReport['examples'] = [];
    for (const [event, rows] of byEvent) {
      applied += rows.length;
      if (rows.length < 2) continue;
      twice++;
      if (ex.length < examples) ex.push({ event, rows });
    }
    let processedTwice = 0;
    for (const n of ib.processed.values()) if (n > 1) processedTwice++;
    out.push({
      service: w.parts.apps.services[si]!.node, database: db.node, inbox: ib.mode, processed: ib.processed.size, processedTwice, skipped: ib.skipped,
      applied, appliedTwice: twice, examples: ex,
    });
  });
  return out;
}

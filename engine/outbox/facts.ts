/**
 * What lesson goals ask of the outbox family (engine/goals/outbox.ts): the consistency checker's verdict with the
 * commit time of each row it names, and one consumer's effects by event. Offered through the family's `inspect`
 * answers, since goals reach a family only through its contract.
 */
import type { ConsistencyFacts, EffectFacts } from '../goals/outbox.ts';
import type { World } from '../world.ts';
import { checkConsistency } from './consistency.ts';
import { waitingRows } from './relay.ts';
import { rowCommittedAt, rowId, rowIds } from '../stores/rows.ts';

/** When each of the rows asked about was committed in database `db` (µs); rows not there are left out. */
function commitTimes(w: World, db: number, rows: Iterable<number>): Map<number, number> {
  const d = w.parts.stores.databases[db]!;
  const wanted = new Set(rows);
  const out = new Map<number, number>();
  if (wanted.size === 0) return out;
  for (let i = 0; i < d.rows.count; i++) if (wanted.has(rowId(d.rows, i))) out.set(rowId(d.rows, i), rowCommittedAt(d.rows, i));
  d.unflushed.forEach((id, i) => wanted.has(id) && out.set(id, d.unflushedAt[i]!));
  return out;
}

/** The consistency checker's verdict now, each lost or waiting row with its commit time. */
export function consistencyFacts(w: World): ConsistencyFacts {
  const report = checkConsistency(w, 1_000);
  const dbIndex = (node: string) => w.parts.stores.databases.findIndex((d) => d.node === node);
  const lost: ConsistencyFacts['lost'] = [];
  const waiting: ConsistencyFacts['waiting'] = [];
  for (const f of report.flows) {
    const db = dbIndex(f.database);
    const mine = report.lost.examples.filter((x) => x.service === f.service);
    const at = commitTimes(w, db, mine.map((x) => x.row));
    for (const x of mine) lost.push({ service: f.service, row: x.row, committedAt: at.get(x.row) ?? -1 });
    const relay = w.parts.outbox.relays.find((r) => r.node === f.relay);
    if (!relay || f.waiting === 0) continue;
    const rows = waitingRows(w, relay);
    const when = commitTimes(w, db, rows);
    for (const row of rows) waiting.push({ service: f.service, row, committedAt: when.get(row) ?? -1 });
  }
  return {
    flows: report.flows.map((f) => ({ ...f })),
    lost,
    phantom: report.phantom.examples.map((x) => ({ service: x.service, event: x.event })),
    waiting,
  };
}

/** Service `service`'s effects in its database, by the event each applied; null when it applies none (`inbox` off). */
export function effectFacts(w: World, service: number): EffectFacts | null {
  const ib = w.parts.outbox.inboxes[service];
  if (!ib) return null;
  const db = w.parts.stores.databases[ib.db]!;
  const rowsOf = new Map<number, number[]>();
  for (const row of [...rowIds(db.rows), ...db.unflushed]) {
    const event = ib.effects.get(row);
    if (event === undefined) continue;
    const rows = rowsOf.get(event);
    if (rows) rows.push(row);
    else rowsOf.set(event, [row]);
  }
  return { database: db.node, mode: ib.mode, skipped: ib.skipped, rowsOf, outboxRows: w.parts.outbox.outboxRows };
}

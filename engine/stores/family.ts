/**
 * The stores as a component family: databases. It reads them from the topology, gives each a network host and a
 * place in the port (its rows are messages there, so the loss checker asks it what it holds like any broker), runs
 * the transactions applications send through the store side of the port, and answers faults: a crash rolls back
 * what was open, a restart recovers what was committed, `slow` makes every transaction longer.
 */
import type { Family } from '../family.ts';
import { keyText } from '../history/keys.ts';
import { ACKED, CAUSED_BY_MESSAGE, FAILED, causationOf, correlationOf, flagsOf, keyOf, partitionOf, producedAtOf, typeOf } from '../history/messages.ts';
import type { MessageLife } from '../live/types.ts';
import type { Store } from '../messaging/port.ts';
import { addPlace } from '../messaging/state.ts';
import { addHost } from '../sim/network.ts';
import { stream } from '../sim/random.ts';
import { kindsOf } from '../topology/kinds.ts';
import type { World } from '../world.ts';
import { storesLive } from './live.ts';
import { createStoresPart, type Database } from './part.ts';
import { resolveStores } from './resolve.ts';
import { appendRow, createRows, indexOfRow, rowCommittedAt, rowId, sharedRows } from './rows.ts';
import * as transactions from './transactions.ts';
import { crashDatabase, restartDatabase, startDatabase, transact } from './transactions.ts';

const find = (w: World, name: string) => w.parts.stores.databases.find((d) => d.node === name);

export const stores: Store = {
  name: 'stores',
  kinds: kindsOf('stores'),
  modules: [transactions],
  createPart: createStoresPart,
  resolve: resolveStores,

  build(w, spec) {
    const s = w.parts.stores;
    spec.databases.forEach((ds, i) => {
      const db: Database = {
        id: i, node: ds.node, label: ds.label, host: addHost(w.net, ds.node, 3000 + i), destination: ds.destination,
        place: addPlace(w.msg, 'stores', ds.destination, ds.node), config: ds.config, alive: true, life: 0,
        rows: createRows(), unflushed: [], unflushedAt: [], lost: [], open: 0, slowUs: 0,
        rng: stream(w.seed, `database:${ds.node}`), stats: { commits: 0, rolledBack: 0, refused: 0, lostUnflushed: 0 },
        second: 0, commitsThisSecond: 0, commitsLastSecond: 0,
      };
      s.databases.push(db);
      s.databaseOf[ds.destination] = i;
    });
  },

  start(w) {
    for (const db of w.parts.stores.databases) startDatabase(w, db);
  },

  transact,

  target(w, name) {
    const db = find(w, name);
    return db ? { family: 'stores', label: db.node, ref: { type: 'database', ids: [db.id] } } : undefined;
  },

  hosts(w, t) {
    return [w.parts.stores.databases[t.ref.ids[0]!]!.host];
  },

  act(w, t, f) {
    const db = w.parts.stores.databases[t.ref.ids[0]!]!;
    switch (f.action) {
      case 'crash':
        if (!db.alive) return `!${db.node} is already down`;
        crashDatabase(w, db);
        return `crashed ${db.node}`;
      case 'restart':
        if (db.alive) return `!${db.node} is running`;
        restartDatabase(w, db);
        return `restarted ${db.node}`;
      case 'slow':
        db.slowUs = f.byUs;
        return `${db.node} takes ${f.byUs / 1000} ms longer per transaction`;
      default:
        return `!${f.action} cannot be applied to a database (${db.node}): crash, restart and slow can`;
    }
  },

  live: (w, out) => storesLive(w, out),

  summary(w) {
    const dbs = w.parts.stores.databases;
    return dbs.length === 0 ? '' : `databases: ${dbs.map((d) => `${d.node} (${d.stats.commits} commits, ${d.rows.count + d.unflushed.length} rows)`).join(', ')}`;
  },

  inspect: {
    database: (w, id) => databaseDetail(w, id),
  },

  holds(w, mark) {
    // What is on disk, and what is committed but only in memory (a crash would lose it; until then it is held).
    for (const db of w.parts.stores.databases) {
      for (let i = 0; i < db.rows.count; i++) mark(rowId(db.rows, i));
      for (const id of db.unflushed) mark(id);
    }
  },

  lives(w, ids) {
    return ids.map((id) => rowLife(w, id));
  },

  reconfigure(w, _from, spec) {
    const s = w.parts.stores;
    if (spec.databases.length !== s.databases.length) return 'the databases changed';
    spec.databases.forEach((ds, i) => {
      const db = s.databases[i]!;
      const wasAsync = !db.config.synchronousCommit;
      db.config = ds.config;
      // Switching to synchronous commits flushes what waits; switching to asynchronous ones starts the WAL writer.
      if (wasAsync && db.config.synchronousCommit) {
        db.life++;
        db.unflushed.forEach((id, j) => appendRow(db.rows, id, db.unflushedAt[j]!));
        db.unflushed.length = 0;
        db.unflushedAt.length = 0;
      } else if (!wasAsync && !db.config.synchronousCommit && db.alive) startDatabase(w, db);
    });
    return null;
  },

  shared: sharedRows,

  hash(w, mix) {
    for (const db of w.parts.stores.databases) {
      mix(db.alive ? 1 : 0);
      mix(db.open);
      mix(db.rows.count);
      for (let i = 0; i < db.rows.count; i++) mix(rowId(db.rows, i));
      for (const id of db.unflushed) mix(id);
    }
  },
} satisfies Family & Store;

export interface DatabaseDetail {
  node: string;
  alive: boolean;
  rows: number;
  unflushed: number;
  open: { rows: number[]; sinceUs: number }[];
  /** The newest committed rows, newest first. */
  recent: { id: number; key: string | null; type: string; committedAt: number; flushed: boolean }[];
  stats: Database['stats'];
  config: { transaction: string; maxConnections: number; synchronousCommit: boolean; walWriterDelayMs: number };
}

const RECENT = 20;

function databaseDetail(w: World, id: number): DatabaseDetail | null {
  const db = w.parts.stores.databases[id];
  if (!db) return null;
  const m = w.messages;
  const row = (rid: number, at: number, flushed: boolean) => ({ id: rid, key: keyText(w.keys, keyOf(m, rid)), type: m.types[typeOf(m, rid)] ?? '', committedAt: at, flushed });
  const recent: DatabaseDetail['recent'] = [];
  for (let i = db.unflushed.length - 1; i >= 0 && recent.length < RECENT; i--) recent.push(row(db.unflushed[i]!, db.unflushedAt[i]!, false));
  for (let i = db.rows.count - 1; i >= 0 && recent.length < RECENT; i--) recent.push(row(rowId(db.rows, i), rowCommittedAt(db.rows, i), true));
  const open = [...w.parts.stores.transactions.values()].filter((tx) => tx.db === id && tx.open).map((tx) => ({ rows: tx.rows, sinceUs: tx.startedAt }));
  const t = db.config.transaction;
  return {
    node: db.node, alive: db.alive, rows: db.rows.count + db.unflushed.length, unflushed: db.unflushed.length, open, recent, stats: { ...db.stats },
    config: { transaction: t.type === 'constant' ? `${t.us / 1000} ms` : t.type, maxConnections: db.config.maxConnections, synchronousCommit: db.config.synchronousCommit, walWriterDelayMs: db.config.walWriterDelayUs / 1000 },
  };
}

/** A row's life: written by a request, committed (its position in the table), or rolled back, or lost in a crash. */
function rowLife(w: World, id: number): MessageLife {
  const m = w.messages;
  const flags = flagsOf(m, id);
  const db = w.parts.stores.databases.find((d) => d.place === partitionOf(m, id))!;
  const onDisk = indexOfRow(db.rows, id);
  const inMemory = onDisk < 0 ? db.unflushed.indexOf(id) : -1;
  const lost = db.lost.find((x) => x.id === id);
  const committedAt = onDisk >= 0 ? rowCommittedAt(db.rows, onDisk) : inMemory >= 0 ? db.unflushedAt[inMemory] : lost?.committedAt;
  return {
    id,
    key: keyText(w.keys, keyOf(m, id)),
    type: m.types[typeOf(m, id)] ?? '',
    partition: db.node,
    offset: onDisk >= 0 ? onDisk : null,
    correlation: correlationOf(m, id),
    causation: causationOf(m, id),
    causedByMessage: (flags & CAUSED_BY_MESSAGE) !== 0,
    producedAt: producedAtOf(m, id),
    ...(committedAt !== undefined ? { appendedAt: committedAt, acknowledgedAt: committedAt, leader: db.node } : {}),
    ...(lost ? { droppedAt: { broker: db.node, at: lost.at, offset: -1 } } : {}),
    replicatedAt: [],
    deliveredAt: [],
    processedAt: [],
    committedAt: [],
    lost: lost !== undefined && (flags & ACKED) !== 0,
    failed: (flags & FAILED) !== 0,
    traceIncomplete: false,
  };
}

/**
 * Transactions on a database. A transaction's statements travel to the database, take a connection (or are refused
 * when all `max_connections` are taken), do their work, and commit: with `synchronous_commit=on` (PostgreSQL's
 * default) the commit returns only once its WAL record is on disk, so a committed row survives any crash; with it
 * off the commit returns at once and the WAL writer flushes every `wal_writer_delay`, so a crash loses the rows
 * committed since the last flush (PostgreSQL docs, "Asynchronous Commit": up to three times wal_writer_delay; here
 * at most one, as the writer flushes on a fixed beat). A crash rolls back every transaction still open: its rows were
 * never promised, and they are gone. The answer travels back; if it cannot (a cut link, the caller gone), the rows
 * are committed all the same and the application, which never heard, decides by its own timeout: the ambiguity at
 * the heart of the dual-write problem.
 */
import { APPLICATION } from '../components.ts';
import { NONE, SERVICE_UNAVAILABLE } from '../history/errors.ts';
import { ACKED, CAUSED_BY_MESSAGE, FAILED, addFlags, addMessage } from '../history/messages.ts';
import { record } from '../history/trace.ts';
import type { Owner, RowWrite } from '../messaging/port.ts';
import { sample } from '../sim/distribution.ts';
import { after, at, on } from '../sim/loop.ts';
import { arrival, refusedAt } from '../sim/network.ts';
import { nextId, type World } from '../world.ts';
import { TOO_MANY_CONNECTIONS } from './errors.ts';
import { appendRow } from './rows.ts';
import { SE } from './events.ts';
import type { Database, Transaction } from './part.ts';
import { ST } from './trace.ts';

/** Starts a transaction writing `rows` to the database behind `destination`; returns its id. */
export function transact(w: World, owner: Owner, destination: number, writes: readonly RowWrite[], waiter: number): number {
  const s = w.parts.stores;
  const db = s.databases[s.databaseOf[destination]!]!;
  const rows = writes.map((r) => addMessage(w.messages, r.key, r.type, db.place, w.now, r.cause, 0));
  const tx: Transaction = { id: nextId(w), db: db.id, rows, waiter, host: owner.host, open: false, startedAt: w.now, code: NONE };
  const t = arrival(w.net, w.now, owner.host, db.host);
  if (t >= 0) {
    s.transactions.set(tx.id, tx);
    at(w, t, SE.txArrive, db.id, tx.id);
    return tx.id;
  }
  // A database that is down refuses the connection; one cut off never answers (the application's timeout decides).
  const refused = refusedAt(w.net, w.now, owner.host, db.host);
  for (const id of rows) addFlags(w.messages, id, FAILED);
  if (refused >= 0) {
    refuse(w, db, tx, SERVICE_UNAVAILABLE);
    s.transactions.set(tx.id, tx);
    at(w, refused, SE.txAnswer, db.id, tx.id);
  }
  return tx.id;
}

on<World>(SE.txArrive, 'transaction arrives', (w, dbi, txId) => {
  const s = w.parts.stores;
  const db = s.databases[dbi]!;
  const tx = s.transactions.get(txId);
  if (!tx) return;
  if (!db.alive) {
    // It crashed while the statements were on their way: nobody answers.
    s.transactions.delete(txId);
    for (const id of tx.rows) addFlags(w.messages, id, FAILED);
    return;
  }
  if (db.open >= db.config.maxConnections) {
    for (const id of tx.rows) addFlags(w.messages, id, FAILED);
    refuse(w, db, tx, TOO_MANY_CONNECTIONS);
    return answer(w, db, tx);
  }
  db.open++;
  tx.open = true;
  after(w, sample(db.config.transaction, db.rng) + db.slowUs, SE.txCommit, dbi, txId);
}, { hop: true });

on<World>(SE.txCommit, 'transaction commits', (w, dbi, txId) => {
  const s = w.parts.stores;
  const db = s.databases[dbi]!;
  const tx = s.transactions.get(txId);
  // Rolled back by a crash since it began (the crash forgot it).
  if (!tx || !tx.open) return;
  tx.open = false;
  db.open--;
  for (const id of tx.rows) {
    addFlags(w.messages, id, ACKED);
    keep(db, id, w.now);
  }
  countCommit(w, db);
  record(w.trace, w.now, ST.txCommit, db.host, db.place, tx.rows[0] ?? 0, tx.rows.length, w.now - tx.startedAt);
  answer(w, db, tx);
});

on<World>(SE.txAnswer, 'transaction answered', (w, _dbi, txId) => {
  const tx = w.parts.stores.transactions.get(txId);
  if (!tx) return;
  w.parts.stores.transactions.delete(txId);
  APPLICATION.written(w, tx.waiter, tx.id, tx.code);
}, { hop: true });

on<World>(SE.walFlush, 'WAL flushed', (w, dbi, life) => {
  const db = w.parts.stores.databases[dbi]!;
  if (db.life !== life) return;
  flush(db);
  after(w, db.config.walWriterDelayUs, SE.walFlush, dbi, life);
});

/**
 * Commits `writes` at once, atomically, for an application whose transaction is part of its own processing time (a
 * consumer's effect and its inbox row, engine/outbox/inbox.ts); returns the row ids. The caller has checked that the
 * database is up and reachable. With `synchronous_commit=off` the rows wait for the WAL writer like any commit.
 */
export function commitNow(w: World, db: Database, writes: readonly RowWrite[], causedByMessage: boolean): number[] {
  const rows = writes.map((r) => addMessage(w.messages, r.key, r.type, db.place, w.now, r.cause, (causedByMessage ? CAUSED_BY_MESSAGE : 0) | ACKED));
  for (const id of rows) keep(db, id, w.now);
  countCommit(w, db);
  record(w.trace, w.now, ST.txCommit, db.host, db.place, rows[0] ?? 0, rows.length, 0);
  return rows;
}

function refuse(w: World, db: Database, tx: Transaction, code: number): void {
  db.stats.refused++;
  tx.code = code;
  record(w.trace, w.now, ST.txRefused, db.host, db.place, tx.rows[0] ?? 0, code, 0);
}

/** Sends the answer back; if it cannot arrive, the transaction is forgotten (its caller times out). */
function answer(w: World, db: Database, tx: Transaction): void {
  const t = arrival(w.net, w.now, db.host, tx.host);
  if (t >= 0) at(w, t, SE.txAnswer, db.id, tx.id);
  else w.parts.stores.transactions.delete(tx.id);
}

function countCommit(w: World, db: Database): void {
  db.stats.commits++;
  const second = Math.floor(w.now / 1_000_000);
  if (second !== db.second) {
    db.commitsLastSecond = second === db.second + 1 ? db.commitsThisSecond : 0;
    db.commitsThisSecond = 0;
    db.second = second;
  }
  db.commitsThisSecond++;
}

/** A committed row: on disk with `synchronous_commit=on`, else in memory until the WAL writer flushes it. */
function keep(db: Database, id: number, at: number): void {
  if (db.config.synchronousCommit) appendRow(db.rows, id, at);
  else {
    db.unflushed.push(id);
    db.unflushedAt.push(at);
  }
}

function flush(db: Database): void {
  for (let i = 0; i < db.unflushed.length; i++) appendRow(db.rows, db.unflushed[i]!, db.unflushedAt[i]!);
  db.unflushed.length = 0;
  db.unflushedAt.length = 0;
}

/** Starts the WAL writer's beat when commits do not wait for it. */
export function startDatabase(w: World, db: Database): void {
  if (!db.config.synchronousCommit) after(w, db.config.walWriterDelayUs, SE.walFlush, db.id, db.life);
}

/**
 * The database crashes: every open transaction is rolled back (its rows were never committed), and with
 * `synchronous_commit=off` the commits not yet flushed are gone although their writers were told they succeeded.
 */
export function crashDatabase(w: World, db: Database): void {
  if (!db.alive) return;
  db.alive = false;
  w.net.up[db.host] = 0;
  const s = w.parts.stores;
  for (const tx of [...s.transactions.values()].sort((a, b) => a.id - b.id)) {
    if (tx.db !== db.id || !tx.open) continue;
    s.transactions.delete(tx.id);
    for (const id of tx.rows) addFlags(w.messages, id, FAILED);
    db.stats.rolledBack++;
    record(w.trace, w.now, ST.txRollback, db.host, db.place, tx.rows[0] ?? 0, tx.rows.length, 0);
  }
  if (db.unflushed.length > 0) {
    db.stats.lostUnflushed += db.unflushed.length;
    record(w.trace, w.now, ST.walLost, db.host, db.place, db.unflushed[0]!, db.unflushed.length, 0);
    db.unflushed.forEach((id, i) => db.lost.push({ id, committedAt: db.unflushedAt[i]!, at: w.now }));
    db.unflushed.length = 0;
    db.unflushedAt.length = 0;
  }
  db.open = 0;
  db.life++;
}

/** It comes back with what was on disk (crash recovery replays the WAL: every committed, flushed row). */
export function restartDatabase(w: World, db: Database): void {
  if (db.alive) return;
  db.alive = true;
  w.net.up[db.host] = 1;
  db.life++;
  startDatabase(w, db);
}

/**
 * The stores family's part of the world: databases, each with the rows it has committed (durable), the rows it has
 * committed but not yet flushed (with `synchronous_commit=off`), and its transactions in flight.
 */
import type { Distribution } from '../sim/distribution.ts';
import type { Stream } from '../sim/random.ts';
import type { Rows } from './rows.ts';

export interface DatabaseConfig {
  /** From a transaction's first statement to its commit, the WAL flush included. */
  transaction: Distribution;
  maxConnections: number;
  /** `synchronous_commit=on`: a commit returns once its WAL is on disk. Off: before, and the WAL writer flushes later. */
  synchronousCommit: boolean;
  walWriterDelayUs: number;
}

export interface Database {
  id: number;
  node: string;
  label: string;
  host: number;
  /** Its destination and place in the messaging port: its rows are messages on that place. */
  destination: number;
  place: number;
  config: DatabaseConfig;
  alive: boolean;
  /** Bumped by every crash and restart: timers of an earlier life find it changed and stop. */
  life: number;
  /** Committed rows on disk (message ids, in commit order) and when each committed; shared with snapshots. */
  rows: Rows;
  /** Rows committed but not yet on disk (only with `synchronous_commit=off`), in commit order. */
  unflushed: number[];
  unflushedAt: number[];
  /** Rows a crash lost before they were flushed: when each committed, and when it was lost. */
  lost: { id: number; committedAt: number; at: number }[];
  /** Transactions holding a connection now. */
  open: number;
  slowUs: number;
  rng: Stream;
  stats: { commits: number; rolledBack: number; refused: number; lostUnflushed: number };
  /** Commits per whole simulated second: the count of the second in progress and of the one before it. */
  second: number;
  commitsThisSecond: number;
  commitsLastSecond: number;
}

/** A transaction: sent, then open on the database, then committed (or rolled back when the database crashed). */
export interface Transaction {
  id: number;
  db: number;
  rows: number[];
  /** The application's waiter, and the host the answer goes back to. */
  waiter: number;
  host: number;
  /** It holds a connection: arrived, not yet committed (a crash rolls it back). */
  open: boolean;
  startedAt: number;
  /** What it answers: 0 committed, or why it was refused. */
  code: number;
}

export interface StoresPart {
  databases: Database[];
  /** The database behind each destination of the messaging port (-1: another family's). */
  databaseOf: number[];
  transactions: Map<number, Transaction>;
}

declare module '../world.ts' {
  interface Parts {
    stores: StoresPart;
  }
}

export function createStoresPart(): StoresPart {
  return { databases: [], databaseOf: [], transactions: new Map() };
}

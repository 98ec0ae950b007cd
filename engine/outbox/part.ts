/**
 * The outbox family's state: relays, which rows are outbox rows, what each database's outbox has marked sent, and
 * the services armed to crash between their two writes.
 */
import type { RelayMode } from './spec.ts';

export interface Relay {
  id: number;
  node: string;
  /** Its service and instance in the applications family (a relay runs one instance: the first). */
  service: number;
  instance: number;
  /** The database (index among the stores' databases) whose outbox it reads. */
  db: number;
  mode: RelayMode;
  pollUs: number;
  batch: number;
  flushUs: number;
  /** The instance life it last saw: a different one means it crashed since, and its memory is gone. */
  life: number;
  /** A read-publish-mark cycle is under way: its number, and when it began. */
  busy: boolean;
  cycle: number;
  cycleAt: number;
  /** The rows of the cycle being published, how many publishes are not yet settled, and whether one failed. */
  batchRows: number[];
  outstanding: number;
  failed: boolean;
  /** Armed by `crash-between-writes <relay>`: it crashes once its next batch is published, before marking it. */
  armed: boolean;
  /** The waiter id the broker answers this cycle's publishes to. */
  waiter: number;
  /** CDC: the next index of the database's log to read (in memory), the position a read returned, and the durable one. */
  offset: number;
  readTo: number;
  committedOffset: number;
  nextFlushAt: number;
  stats: { cycles: number; published: number; republished: number; marked: number; failedCycles: number; flushes: number };
}

/** A database's outbox table: the outbox rows committed to it, in commit order, and those marked sent (durable). */
export interface OutboxTable {
  db: number;
  sent: Set<number>;
  /** Rows of the table's log before this index are all sent or not outbox rows (where a poll starts looking). */
  scanFrom: number;
}

/** A consumer's effects and inbox (engine/outbox/inbox.ts). */
export interface InboxState {
  mode: 'none' | 'memory' | 'table';
  /** Its database (stores index), and the row types of its effects and of its inbox rows. */
  db: number;
  effectType: number;
  inboxType: number;
  /** Effect row id to the event it applied. */
  effects: Map<number, number>;
  /** `table`: event id to its inbox row (durable, as the table is). */
  table: Map<number, number>;
  /** `memory`: per instance, the ids it processed in its current life. */
  memory: Map<number, { life: number; ids: Set<number> }>;
  /** Per event id: times the consumer processed it (skipped repeats included). */
  processed: Map<number, number>;
  skipped: number;
  /** The database's lost rows, as last looked at. */
  lost: Set<number>;
  lostSeen: number;
}

export interface OutboxPart {
  relays: Relay[];
  /** Per database (stores index): its outbox table, if a relay reads it. */
  tables: Map<number, OutboxTable>;
  /** Per service, per database destination it writes: the event type id of the outbox row its transaction adds. */
  writers: Map<number, Map<number, number>>;
  /** Message ids of outbox rows. */
  outboxRows: Set<number>;
  /** Per outbox row: how many times a relay has published it. */
  publishedRows: Map<number, number>;
  /** Per service index: it publishes before it writes its database. */
  publishFirst: boolean[];
  /** Per service index: armed by `crash-between-writes` (the next request crashes between its two writes). */
  armed: boolean[];
  /** Relay waiters (ids the broker answers publishes to), to the relay. */
  waiters: Map<number, number>;
  stats: { crashesBetweenWrites: number };
  /** Per service index: its effects and inbox, when its `inbox` setting is not `off`. */
  inboxes: (InboxState | undefined)[];
}

declare module '../world.ts' {
  interface Parts {
    outbox: OutboxPart;
  }
}

export function createOutboxPart(): OutboxPart {
  return { relays: [], tables: new Map(), writers: new Map(), outboxRows: new Set(), publishedRows: new Map(), publishFirst: [], armed: [], waiters: new Map(), stats: { crashesBetweenWrites: 0 }, inboxes: [] };
}

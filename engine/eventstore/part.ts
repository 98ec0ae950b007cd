/**
 * The event store family's part of the world: event stores (an append-only log of events, one stream per aggregate
 * id, snapshots), the commands in flight against them, projection engines reading them with catch-up
 * subscriptions, the read models those maintain, and the clients that read a read model after writing.
 */
import type { Distribution } from '../sim/distribution.ts';
import type { Stream as Random } from '../sim/random.ts';

export interface EventStoreConfig {
  /** Take a snapshot of a stream every this many events (0: never). */
  snapshotEvery: number;
  /** Time to write an append durably. */
  append: Distribution;
  /** Time to read and apply one event when a command handler loads its aggregate (µs). */
  replayEventUs: number;
  /** The command handler's decision between its load and its append (µs). */
  decideUs: number;
  /** The aggregate ids commands with no key are spread over. */
  aggregates: number;
  /** How many times a command handler retries a command whose append met a wrong expected version. */
  retries: number;
}

/** An aggregate's state, as a replay folds it: its version and how many events of each type it has seen. */
export interface AggregateState {
  version: number;
  counts: Record<string, number>;
}

export interface EventStream {
  key: number;
  /** Positions in the store's log of its events, in version order (version = index + 1). */
  events: number[];
  snapshot: { version: number; state: AggregateState } | null;
}

export interface EventStore {
  id: number;
  node: string;
  host: number;
  destination: number;
  place: number;
  config: EventStoreConfig;
  alive: boolean;
  life: number;
  slowUs: number;
  /** Every event ever appended (message ids; the index is its position in `$all`), and when. Never shrinks. */
  log: number[];
  appendedAt: number[];
  /** The version each event was written in (events never change: an older one is upcast as it is read). */
  versions: number[];
  streams: Map<number, EventStream>;
  rng: Random;
  stats: { commands: number; appends: number; conflicts: number; retries: number; rejected: number; snapshots: number; loads: number; replayed: number; replayedWithout: number; upcast: number; unreadable: number };
}

/** A command a handler runs against a store: load, decide, append with the version it loaded. */
export interface Command {
  id: number;
  store: number;
  /** The handler's host and service, and the waiter it answers. */
  host: number;
  app: number;
  waiter: number;
  key: number;
  types: number[];
  /** The event version its handler writes and reads (its release at the moment it sent the command), and whether it upcasts. */
  version: number;
  upcast: boolean;
  cause: number;
  attempts: number;
  /** The version it loaded (its append's expected version), and the store's life then. */
  expected: number;
  life: number;
  /** The outcome on its way back: 0 appended, or why not. */
  code: number;
}

export interface ReadModel {
  id: number;
  node: string;
  engine: number;
  /** The host its queries reach (its node's application instance). */
  host: number;
  /** Rows: events applied per aggregate id (durable). */
  rows: Map<number, number>;
  /** The next log position it has not applied (durable, with its rows). */
  appliedTo: number;
  /** How many times each position was applied (more than once: counted twice). */
  times: Map<number, number>;
  staleReads: number;
  /** Reads of it after a write, those that missed the client's own write, and the first of them. */
  reads: number;
  rywViolations: number;
  firstViolation: StaleRead | null;
  /** The drawn edges its events arrive by: from the store to its projection, and from the projection to it ('' none). */
  edges: [string, string];
}

export interface ProjectionEngine {
  id: number;
  node: string;
  store: number;
  /** Its application instance (it runs as an application: crashes and restarts are the instance's). */
  instance: number;
  life: number;
  /** Next position to apply (memory) and the last one stored durably (its checkpoint). */
  position: number;
  checkpoint: number;
  handleUs: number;
  checkpointEvery: number;
  /** `dedupe=position`: a read model skips an event at a position it has already applied. */
  dedupe: boolean;
  /** `mode=inline`: applied within each append's transaction, never behind; no subscription. */
  inline: boolean;
  readModels: number[];
  busy: boolean;
  cycle: number;
  busySince: number;
  /** The page read, being applied. */
  page: number[];
  pageAt: number;
  stats: { applied: number; skipped: number; checkpoints: number; rewinds: number; reapplied: number; rebuilds: number };
}

/** A client that reads a read model after each write its commands make. */
export interface Reader {
  id: number;
  client: string;
  host: number;
  readModel: number;
  afterUs: number;
  edge: string;
  /** The writer services whose commits it reads back, each with the hops its answer takes back to the client. */
  writers: Map<number, number>;
}

export interface StaleRead {
  read: number;
  client: string;
  readModel: string;
  /** The client's own event it looked for (message id), its position, and the request that wrote it. */
  event: number;
  position: number;
  correlation: number;
  at: number;
  /** The read model missed the client's own write (read-your-writes violation), not only others'. */
  ownWrite: boolean;
  /** Events the store had that the read model had not applied, and how old the oldest of them was. */
  lagEvents: number;
  lagMs: number;
}

export interface EventStorePart {
  /** Command handlers' event versions, by application service (engine/eventstore/spec.ts HandlerSpec). */
  handlers: Map<number, { version: number; upgradeAtUs: number; upcast: boolean }>;
  stores: EventStore[];
  storeOf: number[];
  commands: Map<number, Command>;
  engines: ProjectionEngine[];
  readModels: ReadModel[];
  readers: Reader[];
  reads: Map<number, { reader: number; position: number; event: number; correlation: number }>;
  stats: { reads: number; failedReads: number };
  /** Reads that missed events the store had, and those that missed the client's own write; the first examples. */
  staleReads: number;
  rywViolations: number;
  stale: StaleRead[];
}

declare module '../world.ts' {
  interface Parts {
    eventstore: EventStorePart;
  }
}

export function createEventStorePart(): EventStorePart {
  return { handlers: new Map(), stores: [], storeOf: [], commands: new Map(), engines: [], readModels: [], readers: [], reads: new Map(), stats: { reads: 0, failedReads: 0 }, staleReads: 0, rywViolations: 0, stale: [] };
}

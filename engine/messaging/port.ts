/**
 * The broker-neutral messaging port. Applications publish to a destination and receive deliveries, never knowing
 * which broker carries them; a broker family (Kafka today) implements `Broker`, and the applications family
 * implements `Application`, which the broker calls back with outcomes and deliveries. Publishers and subscribers
 * are numbers the broker family hands out; a delivery is a batch of messages with their places and positions.
 * Applications also write to stores (a database) in transactions, through `Store`, the same way: the store hosts a
 * destination whose place holds its rows, and answers each transaction through `Application.written`.
 */
import type { Family } from '../family.ts';
import type { Window } from '../check/state.ts';
import type { World } from '../world.ts';

/** Who a publisher or subscriber works for: an application instance. */
export interface Owner {
  name: string;
  host: number;
  /** The application (service) and instance numbers, handed back in callbacks. */
  app: number;
  instance: number;
}

/** A batch of messages handed to an application, with where each sat: parallel arrays, `count` long. */
export interface Delivery {
  seq: number;
  count: number;
  places: Int32Array;
  ids: Uint32Array;
  offsets: Float64Array;
}

export interface Broker extends Family {
  /** The subscription (one per cluster a name spans) that `name` reads `destinations` in; created on first use. */
  subscription(w: World, name: string, destinations: number[], settings: unknown): number[];
  openPublisher(w: World, owner: Owner, destination: number, settings: unknown): number;
  openSubscriber(w: World, owner: Owner, reader: number, subscription: number, edges: Map<number, string>, settings: unknown): number;
  /** The place a message to `destination` with `key` goes to (Kafka: the partition its partitioner picks). */
  route(w: World, publisher: number, destination: number, key: number): number;
  /** Hands a message to the publisher; `waiter` (or -1) hears of its outcome through `Application.published`. */
  send(w: World, publisher: number, place: number, message: number, waiter: number): void;
  /** The application finished a delivery; the subscriber commits or polls as its settings say. */
  settle(w: World, subscriber: number): void;
  /** A message failed: deliver it (and what follows it on its place) again after `at`. */
  retryLater(w: World, subscriber: number, place: number, offset: number, at: number): void;
  /**
   * The application gives up on a message (its retries spent, no dead-letter destination of its own): a queue
   * dead-letters or drops it (RabbitMQ: basic.reject without requeue); a log just moves on past it.
   */
  giveUp?(w: World, subscriber: number, place: number, offset: number): void;
  startSubscriber(w: World, subscriber: number): void;
  /** The application instance crashed: its publishers and subscribers lose what they held in memory. */
  crashOwner(w: World, app: number, instance: number): void;
  /** It came back: new publisher sessions, subscribers join again. */
  restartOwner(w: World, app: number, instance: number): void;
  /** It starts later: its publishers start down. */
  holdOwner(w: World, app: number, instance: number): void;

  /** Where a subscription stands on each place it reads. */
  positions(w: World, subscription: number): PlacePosition[];
  /** The position (Kafka: offset) of message `id` on `place` now, or -1 when the place no longer holds it. */
  offsetOf(w: World, place: number, id: number): number;
  /** A subscriber's state: running, and the places it owns now. */
  subscriberState(w: World, subscriber: number): { alive: boolean; places: number[] };
  /** Windows of unavailability still open now (a partition offline, writes failing). */
  openWindows(w: World): Window[];
  /**
   * Messages a subscription will never process though the broker kept them (its position moved past them, or they
   * were deleted unread); `handled` says whether the subscription processed or dead-lettered a message.
   */
  missed?(w: World, handled: (subscription: number, id: number) => boolean, out: (m: MissedMessage) => void): void;
}

/** A message a subscription will never process: passed over by its committed position, or deleted before it read it. */
export interface MissedMessage {
  message: number;
  subscription: number;
  place: number;
  /** Its position on the place, -1 when the place no longer holds it. */
  offset: number;
  why: 'passed' | 'deleted' | 'added' | 'reset';
}

/** A row a transaction writes: it becomes a message on the store's place (its id is the row's). */
export interface RowWrite {
  key: number;
  /** Its type id in the message table (an entity, or an event for an outbox). */
  type: number;
  /** The request that wrote it (its correlation). */
  cause: number;
}

export interface Store extends Family {
  /**
   * Runs a transaction for `owner` writing `rows` to the store behind `destination`; returns its id. The store
   * answers through `Application.written(waiter, id, code)`, or never (it crashed, or the answer was cut off): then
   * the application's own timeout decides, and whether the rows were committed is the store's to know.
   */
  transact(w: World, owner: Owner, destination: number, rows: readonly RowWrite[], waiter: number): number;
}

/** Whether a family carries messages (it implements the broker side of the port). */
export const isBroker = (f: Family): f is Broker => 'openPublisher' in f;

/** Whether a family stores rows (it implements the store side of the port). */
export const isStore = (f: Family): f is Store => 'transact' in f;

/** Where a subscription stands on one place it reads. */
export interface PlacePosition {
  place: number;
  /** The next message the subscription will process, as committed (-1: nothing committed yet). */
  committed: number;
  /** How far it may read (Kafka: the high watermark). */
  end: number;
  lag: number;
}

/** An application (service) as checkers and goals see it. */
export interface ServiceView {
  id: number;
  node: string;
  /** The subscription it reads in (-1: it reads nothing), and the destinations it reads. */
  group: number;
  consumes: number[];
  /** Its dead-letter destination, -1 none. */
  dlq: number;
  /**
   * Its readers: each one's broker family (index in BROKERS) and subscriber there, the instance it belongs to
   * (`Worker/2`), and how many messages that instance has processed through it.
   */
  readers: { broker: number; subscriber: number; instance: string; processed: number }[];
  /** What it publishes: each edge's destination and the event type (message table type id) it sends there. */
  publishes: { destination: number; type: number; edge: string }[];
}

/**
 * Where checkouts enter the system, and how they ended: a client (`client`: its node), the users of a service that
 * has no drawn client (`users`: the service's node), or a service that only publishes (`events`: its node; each
 * acknowledged event is a checkout). Together they add up to the run's checkouts.
 */
export interface EntryPoint {
  node: string;
  /** The node a client sends to, when the client has edges to several (a command and a query). */
  to?: string;
  kind: 'client' | 'users' | 'events';
  ok: number;
  failed: number;
}

export interface Application extends Family {
  /** Every service, as checkers and goals see it. */
  services(w: World): ServiceView[];
  /** Every entry point, in a fixed order for the run. */
  entries(w: World): EntryPoint[];
  /** A message a waiter sent is acknowledged (code 0) or failed. */
  published(w: World, waiter: number, message: number, code: number): void;
  /** A subscriber hands a delivery to the reader that opened it; `rng` is the subscriber's random stream. */
  deliver(w: World, reader: number, delivery: Delivery, rng: Uint32Array): void;
  /** A store answers transaction `tx` of a waiter: committed (code 0) or refused. */
  written(w: World, waiter: number, tx: number, code: number): void;
}

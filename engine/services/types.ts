/**
 * Services, their instances, synchronous calls and clients, as plain data.
 */
import type { Distribution } from '../sim/distribution.ts';
import type { Stream } from '../sim/random.ts';
import type { Histogram } from '../metrics/histogram.ts';
import type { Delivery } from '../messaging/port.ts';

export interface ServiceConfig {
  threads: number;
  queue: number;
  latency: Distribution;
  timeoutUs: number;
  callRetries: number;
  availability: number;
}

/** Where a service publishes: a destination of the messaging port, and the broker family that hosts it. */
export interface PublishTarget {
  destination: number;
  /** Index of the destination's family among the brokers (components.ts). */
  broker: number;
  /** Event type id written on records. */
  type: number;
  /** Topology edge id, for per-edge metrics. */
  edge: string;
}

/** Where a service writes: a store's destination through the port, or a store that runs as a service. */
export interface WriteTarget {
  /** The store that runs as a service (-1 when a store family hosts it). */
  service: number;
  /** The store's destination, and the index of its family among the stores (components.ts); -1 for a service. */
  destination: number;
  store: number;
  /** Row type id written. */
  type: number;
  edge: string;
}

export interface Instance {
  id: number;
  service: number;
  number: number;
  host: number;
  alive: boolean;
  life: number;
  busy: number;
  /** Calls waiting for a thread, oldest first. */
  waiting: number[];
  /** Per publish target of its service (parallel to `publishes`): the publisher the broker opened for it. */
  publishers: number[];
  /** The publisher of its service's dead-letter destination, -1 none. */
  dlqPublisher: number;
  /** The publishers of its service's retry topics (parallel to `handling.retryTopics`). */
  retryPublishers: number[];
  /** Its readers (apps.readers), one per subscription its service reads. */
  readers: number[];
  /** Extra latency of this instance alone (a `slow Service/2` fault). */
  slowUs: number;
}

/** How a service handles messages it reads: processing time, failures, retries, dead letters, its inbox. */
export interface Handling {
  processing: Distribution;
  failure: number;
  /** Attempts at a failing message before giving up; -1 forever. */
  retry: number;
  /** Dead-letter destination, -1 none, and the broker family that hosts it. */
  dlq: number;
  dlqBroker: number;
  /** Retry topics in order (destinations), the delay a record waits in each, and the broker family of each. */
  retryTopics: number[];
  retryDelaysUs: number[];
  retryBrokers: number[];
  /** Keep an inbox of processed message ids and skip repeats. */
  idempotent: boolean;
  /** processing.threads: workers processing records (1: in the poll loop itself). */
  threads: number;
  /** With threads, the poll loop waits for a batch to finish before it settles (commit=after), else hands it off. */
  waitForBatch: boolean;
}

/**
 * One instance's reading of one subscription: the application's side of a subscriber (the broker's side is its
 * own, e.g. a Kafka consumer). The delivery it is processing, when each of its messages is done, and how each ends.
 */
export interface Reader {
  id: number;
  service: number;
  instance: number;
  host: number;
  broker: number;
  /** The subscriber's number in its broker family. */
  subscriber: number;
  subscription: number;
  delivery: Delivery | null;
  /** The subscriber's random stream (processing times and failures are drawn from it). */
  rng: Stream | null;
  /** Per message of the delivery: when it is done, and 0 processed or the failure (1 failed, 2 poison). */
  doneAt: Float64Array;
  outcome: Uint8Array;
  /** Next message to apply (those before it are done), and when the last one finishes. */
  next: number;
  endsAt: number;
  /** Places whose failed message stopped the rest of this delivery's messages of that place. */
  stopped: number[];
  /**
   * The processing time drawn for messages of stopped places, which are skipped and so take none: `doneAt` and
   * `endsAt` less this are when the rest really finish.
   */
  skippedUs: number;
  /** Failing-message attempts, by message id. */
  attempts: Map<number, number>;
  processed: number;
  /** A fault armed to crash this reader's instance at its worst moment. */
  crashTrigger: 'after-processing' | 'before-processing' | null;
  /** processing.threads above 1: records handed to the workers and not yet applied, in the order they finish. */
  pool: PoolRecord[];
  /** When each worker is next free, when the last record handed over reaches a worker, and the pool's life. */
  workerFree: Float64Array;
  queuedUntil: number;
  poolEpoch: number;
}

/** A record in a worker pool: where it sat, when a worker finishes it, and how it ends. */
export interface PoolRecord {
  id: number;
  place: number;
  offset: number;
  doneAt: number;
  outcome: number;
}

export interface ServiceFaults {
  rejecting: boolean;
  /** Extra latency added to every request and every processed record. */
  slowUs: number;
  /** Keys and event types that always fail processing (poison messages). */
  poisonKeys: number[];
  poisonTypes: number[];
}

export interface Service {
  id: number;
  /** Topology node id. */
  node: string;
  label: string;
  kind: 'service' | 'database' | 'client';
  config: ServiceConfig;
  instances: number[];
  /** Services called synchronously, in edge order (topology edge ids beside). */
  calls: number[];
  callEdges: string[];
  /** What it writes, in edge order. */
  writes: WriteTarget[];
  publishes: PublishTarget[];
  /** What it does with a message it reads. */
  handling: Handling;
  /** Destinations consumed and the subscription (consumer group). */
  consumes: number[];
  /** The topology edge each consumed topic arrives by (parallel to `consumes`). */
  consumeEdges: string[];
  group: number;
  /** Key space for records this service originates: base id and size (size 0 = null keys). */
  keyBase: number;
  keyCount: number;
  /** Share of originated records sent as tombstones. */
  tombstones: number;
  faults: ServiceFaults;
  rng: Stream;
  /** Round-robin pointer over instances for incoming calls. */
  nextInstance: number;
  stats: { requests: number; ok: number; failed: number; rejected: number; processed: number };
}

/** A synchronous request in flight: a checkout from a client, or one service calling another. */
export interface Call {
  id: number;
  /** Client id when `fromClient`, else the calling instance id. */
  from: number;
  fromClient: boolean;
  /** The caller's own call this one is a step of (-1 for a checkout from a client). */
  parent: number;
  service: number;
  instance: number;
  /** The checkout this call belongs to (correlation id). */
  root: number;
  key: number;
  startAt: number;
  /** Step of the handling: 0 queued/working, then 1..calls, then writes, then publishes. */
  step: number;
  /** Child call or batch this call waits for. */
  waitingFor: number;
  attempts: number;
  done: boolean;
  failed: boolean;
  code: number;
  /** The node whose refusal, error or silence failed this call ('' while it has not failed). */
  culprit: string;
  holdsThread: boolean;
  /** The caller stopped waiting (its timeout fired). */
  abandoned: boolean;
  /** The answer is on its way to the caller. */
  answering: boolean;
  /** Messages this request published (ids). */
  published: number[];
  outstandingAcks: number;
}

export interface Client {
  id: number;
  /** Topology edge id of the client's request edge (for per-edge metrics). */
  edge: string;
  /** Topology node id; implicit clients are named after the service they drive. */
  node: string;
  implicit: boolean;
  host: number;
  target: number;
  rate: number;
  poisson: boolean;
  keyBase: number;
  keyCount: number;
  alive: boolean;
  life: number;
  rng: Stream;
  ok: number;
  failed: number;
  latency: Histogram;
}

/** A service that only publishes generates its events in bulk (no per-event objects): the fast path. */
export interface Source {
  service: number;
  instance: number;
  rate: number;
  poisson: boolean;
  nextArrival: number;
  tickUs: number;
  life: number;
  rng: Stream;
}

/**
 * RabbitMQ (AMQP 0-9-1) as plain data: nodes, exchanges and their bindings, queues with their messages, and the
 * clients: publishers (channels that publish, with or without confirms) and consumers (channels consuming a queue
 * with a prefetch window, acking by hand or not at all).
 */
import type { Stream } from '../sim/random.ts';

export type ExchangeType = 'direct' | 'fanout' | 'topic' | 'headers';
export type Overflow = 'drop-head' | 'reject-publish' | 'reject-publish-dlx';
export type DeathReason = 'rejected' | 'expired' | 'maxlen' | 'delivery_limit';

export interface NodeConfig {
  /** Nodes in the cluster. */
  nodes: number;
  /** AMQP heartbeat: a peer silent this long is considered gone and its channels are closed. */
  heartbeatUs: number;
  /** A delivery not acked for this long closes the consumer's channel (its deliveries are requeued). */
  consumerTimeoutUs: number;
  /** How long a quorum queue takes to elect a new leader when its leader's node fails. */
  electionUs: number;
}

/** A RabbitMQ node: one network host. Several make a cluster (one topology node, `nodes=3`). */
export interface RabbitNode {
  id: number;
  cluster: number;
  /** 1-based within its cluster. */
  number: number;
  host: number;
  alive: boolean;
  life: number;
}

export interface Cluster {
  id: number;
  /** Topology node id (or `RabbitMQ` for the implicit one). */
  name: string;
  nodes: number[];
  config: NodeConfig;
}

export interface Binding {
  /** A queue, or an exchange (exchange-to-exchange binding). */
  to: { queue: number } | { exchange: number };
  key: string;
  /** Headers exchange: the headers to match and `x-match` (all, any; `-with-x` also matches headers starting x-). */
  headers: Record<string, string> | null;
  matchAll: boolean;
  withX: boolean;
  /** Topology edge id (for per-edge counts), '' for a binding the run made (the default exchange's). */
  edge: string;
}

export interface Exchange {
  id: number;
  cluster: number;
  /** '' is the default exchange. */
  name: string;
  type: ExchangeType;
  durable: boolean;
  /** The alternate exchange's id, -1 none. */
  alternate: number;
  bindings: Binding[];
  /** Topology node id drawn for it, '' none. */
  node: string;
  /** Where messages it could not route sit in the message table (they sit nowhere: the place names the exchange). */
  place: number;
  stats: { routed: number; unroutable: number; returned: number };
}

export interface QueueConfig {
  type: 'classic' | 'quorum';
  durable: boolean;
  /** Per-queue message TTL in µs, -1 none. */
  ttlUs: number;
  maxLength: number;
  maxBytes: number;
  overflow: Overflow;
  /** Dead-letter exchange name ('' is the default exchange), null none; routing key, '' keeps the message's own. */
  dlx: string | null;
  dlrk: string;
  /** Queue TTL: deleted after this long without consumers (µs), -1 never. Its messages are not dead-lettered (Q19). */
  expiresUs: number;
  /** Quorum queues: returns before the message is dead-lettered or dropped; -1 no limit. */
  deliveryLimit: number;
  singleActiveConsumer: boolean;
}

/** A message in a queue (each queue holds its own copy, with its own id in the message table). */
export interface QMsg {
  id: number;
  /** The order it entered the queue: a requeued message goes back to its original position (semantics Q13, Q34). */
  seq: number;
  /** When it expires (µs), Infinity for never; requeue keeps it (Q23). */
  expires: number;
  /** The routing key it was published (or dead-lettered) with. */
  key: string;
  persistent: boolean;
  bytes: number;
  headers: Record<string, string> | null;
  redelivered: boolean;
  /** Returns to the queue (a quorum queue counts them against its delivery limit). */
  returns: number;
  deaths: { queue: string; reason: DeathReason; count: number }[] | null;
  /** On disk (a persistent message in a durable queue, synced). */
  synced: boolean;
  /** When it was last delivered (consumer_timeout counts from it). */
  deliveredAt: number;
}

/** A queue: its ready messages in order (from `head` on), and who consumes it. */
export interface Queue {
  id: number;
  cluster: number;
  name: string;
  /** Topology node id drawn for it, '' none. */
  node: string;
  config: QueueConfig;
  /** Its destination and place in the messaging port, and its subscription (its consumers compete in it). */
  destination: number;
  place: number;
  subscription: number;
  /** Classic: its node. Quorum: its replicas' nodes. */
  replicas: number[];
  /** The node that serves it now (-1: unavailable: no majority, or an election runs). */
  leader: number;
  /** Unavailable before this time (a quorum queue electing a leader). */
  availableFrom: number;
  /** Since when it has been unavailable (-1: it is available), for the checkers' windows. */
  downSince: number;
  /** Deleted (its queue TTL ran out, or it was transient and its node restarted): it routes and holds nothing. */
  deleted: boolean;
  /** Last time it had consumers or was declared (queue TTL counts from it). */
  lastUsed: number;
  /** Messages that survived its node going down, waiting for it to serve again (they come back redelivered). */
  recovered: QMsg[];
  ready: QMsg[];
  head: number;
  nextSeq: number;
  bytes: number;
  /** A sync to disk is scheduled (persistent messages wait for it before their confirm). */
  syncing: boolean;
  /** Messages published and waiting for the sync: their publishers' confirms. */
  confirmsAfterSync: { publisher: number; message: number }[];
  consumers: number[];
  nextConsumer: number;
  /** The consumer that alone receives (single active consumer), -1 none. */
  active: number;
  /** The expiry timer is set for this time (Infinity none). */
  expiryAt: number;
  stats: { published: number; delivered: number; acked: number; requeued: number; deadLettered: number; expired: number; dropped: number; refused: number };
}

export interface PublisherConfig {
  confirm: boolean;
  mandatory: boolean;
  persistent: boolean;
  expirationUs: number;
  bytes: number;
}

/** A channel that publishes. */
export interface Publisher {
  id: number;
  name: string;
  host: number;
  app: number;
  instance: number;
  cluster: number;
  /** The destination it publishes to (one channel per destination). */
  destination: number;
  /** The node it is connected to (-1 while reconnecting). */
  node: number;
  alive: boolean;
  life: number;
  config: PublisherConfig;
  /** Messages sent and not yet confirmed, with who waits for them (confirm mode). */
  pending: Map<number, number>;
  /** Messages handed to it this instant, sent together (one network event per batch): ids and their waiters. */
  outbox: number[];
  outboxWaiters: number[];
  /** A flush is scheduled. */
  flushing: boolean;
  /** Batches on their way to the broker, and confirms on their way back, by number. */
  inFlight: Map<number, { ids: number[]; waiters: number[] }>;
  confirmsInFlight: Map<number, { ids: number[]; codes: number[] }>;
  nextBatch: number;
  /** Confirms of a queue's routes still missing, by message (a message routed to two queues needs both). */
  awaiting: Map<number, { left: number; code: number }>;
  /** Confirms ready to go back this instant. */
  confirmOut: { ids: number[]; codes: number[] };
  sent: number;
  acked: number;
  failed: number;
  /**
   * Scenario publishers (engine/amqp/driver.ts): each message's own exchange, key and properties, and what came back
   * (confirms, returns).
   */
  script: {
    props: Map<number, { exchange: number; key: string; headers: Record<string, string> | null; persistent: boolean; expirationUs: number; mandatory: boolean; bytes: number }>;
    confirms: [number, boolean][];
    returned: number[];
  } | null;
}

export interface ConsumerConfig {
  ack: 'auto' | 'manual';
  /** basic.qos: unacked deliveries at most, 0 unlimited. */
  prefetch: number;
}

/** A channel consuming one queue. */
export interface Consumer {
  id: number;
  name: string;
  host: number;
  app: number;
  instance: number;
  queue: number;
  /** The application's reader it hands deliveries to (-1 for a scenario consumer). */
  reader: number;
  subscription: number;
  config: ConsumerConfig;
  /** Registered with the queue (basic.consume done, not cancelled). */
  consuming: boolean;
  alive: boolean;
  life: number;
  /** Deliveries sent and not yet acked (manual ack), in delivery order. */
  unacked: QMsg[];
  /** Received, not yet handed to the application (or the script), in order. */
  buffer: QMsg[];
  /** The messages the application works on now (handed over as one delivery). */
  working: QMsg[];
  /** Of those, the ones the application failed: requeued when the delivery settles, or rejected (`dropping`). */
  failing: QMsg[];
  dropping: QMsg[];
  /** Messages on their way to the consumer, by push number; acks and requeues on their way to the broker. */
  inFlight: Map<number, QMsg[]>;
  acksInFlight: Map<number, { ack: QMsg[]; requeue: QMsg[]; drop: QMsg[] }>;
  /**
   * Pushes and ack batches written to a connection whose link is cut: TCP holds them and sends them once the link
   * is back, unless the connection dies first (heartbeat timeout).
   */
  stalled: number[];
  stalledAcks: number[];
  nextPush: number;
  deliverySeq: number;
  /** The node its channel is on (the queue's), -1 none. */
  node: number;
  /** Last time the broker heard from it (heartbeats, acks): a silent consumer is closed after the heartbeat timeout. */
  lastHeard: number;
  rng: Stream;
  edge: string;
  processed: number;
  /** Scenario consumers: what they saw, and how they work (ack after `workUs`, or reject). */
  script: { seen: { id: number; redelivered: boolean; key: string; deaths: QMsg['deaths'] }[]; workUs: number; reject: 'requeue' | 'drop' | null; closedWith: number } | null;
}

export interface AmqpSettings {
  publisher: PublisherConfig;
  consumer: ConsumerConfig;
}


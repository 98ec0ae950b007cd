/**
 * Kafka clients (producers, consumers) and consumer groups, as plain data.
 */
import type { Stream } from '../sim/random.ts';
import type { Delivery } from '../messaging/port.ts';
import type { StickyPartitionerState } from './stickyPartitioner.ts';

export interface ProducerConfig {
  /** 0, 1, or -1 for all. */
  acks: number;
  idempotent: boolean;
  lingerUs: number;
  batchBytes: number;
  maxInFlight: number;
  deliveryTimeoutUs: number;
  requestTimeoutUs: number;
  retries: number;
  backoffUs: number;
  backoffMaxUs: number;
  /** metadata.max.age.ms */
  metadataMaxAgeUs: number;
  recordBytes: number;
  /** partitioner.ignore.keys: choose partitions as for keyless records; the records still carry their keys. */
  ignoreKeys: boolean;
  /** transactional.id ('' when the producer is not transactional) and its transactions' bounds. */
  transactionalId: string;
  txnTimeoutUs: number;
  txnRecords: number;
  txnUs: number;
}

export interface Batch {
  id: number;
  partition: number;
  /** Message ids; `ids.length` is the record count (a view of `buffer` once the batch is closed). */
  ids: Uint32Array;
  count: number;
  bytes: number;
  createdAt: number;
  maxTimestamp: number;
  closed: boolean;
  attempts: number;
  /** Idempotence: sequence of the first record, assigned at the first send; -1 before, or without idempotence. */
  baseSeq: number;
  /**
   * The producer id (epoch) `baseSeq` belongs to. A sequence means nothing under another epoch: after an epoch bump
   * every batch still to be sent, in flight at the bump or not, gets a fresh sequence (KIP-360).
   */
  seqProducerId: number;
  inflight: boolean;
  /** Waiting out a retry backoff. */
  backoff: boolean;
  /** Calls waiting for this batch to be acknowledged, as [message id, call id] pairs. */
  waiters: number[] | null;
}

export interface ProduceEntry {
  /** The transaction coordinator's entry and the producer epoch, for a transactional batch; -1 otherwise. */
  txn?: number;
  epoch?: number;
  batch: number;
  partition: number;
  ids: Uint32Array;
  producerId: number;
  baseSeq: number;
  bytes: number;
  maxTimestamp: number;
}

export interface ProduceRequest {
  id: number;
  producer: number;
  producerLife: number;
  broker: number;
  brokerLife: number;
  acks: number;
  timeoutUs: number;
  entries: ProduceEntry[];
  /** Per entry: error code, -1 while pending. */
  codes: number[];
  offsets: number[];
  pending: number;
}

export interface Producer {
  id: number;
  name: string;
  host: number;
  cluster: number;
  /** The application and instance it works for. */
  app: number;
  instance: number;
  config: ProducerConfig;
  alive: boolean;
  life: number;
  /** Idempotent session id; a restart starts a new session (semantics K14). */
  producerId: number;
  metaVersion: number;
  metadataInflight: boolean;
  /** Metadata refreshes in a row that brought nothing new (they back off). */
  metadataFailures: number;
  /** Open batch per global partition id (null when none). */
  open: (Batch | null)[];
  batches: Map<number, Batch>;
  /** Closed batches waiting to be sent, per partition, oldest first. */
  ready: Map<number, number[]>;
  /** The producer-wide timer that retries sending while some batches have no known leader. */
  retryTimerArmed: boolean;
  /** Per global broker id: requests in flight on that connection. */
  inflight: Map<number, number>;
  requests: Map<number, ProduceRequest>;
  nextSeq: Map<number, number>;
  /** Per partition: the last sequence acknowledged in the current epoch (the client's lastAckedSequence). */
  ackedSeq: Map<number, number>;
  /** Per partition: batches waiting out a retry backoff (idempotent order holds later batches back). */
  retrying: Map<number, number>;
  /** Sticky partitioner state per topic, for records without a key (KIP-794). */
  sticky: Map<number, StickyPartitionerState>;
  /** Partitions with a leader per topic, as of a metadata version (the sticky partitioner picks among them). */
  stickyView: Map<number, { version: number; numPartitions: number; available: number[] }>;
  rng: Stream;
  sent: number;
  acked: number;
  failed: number;
  /** The transactional producer's side of its transactions (transactions.ts); absent when not transactional. */
  txn?: ProducerTxn;
}

/** A transactional producer's state: its epoch with the coordinator and the transaction it has open. */
export interface ProducerTxn {
  /** Index of its transactional.id in the coordinator's table (KafkaPart.txns). */
  coord: number;
  /** Epoch from initTransactions; -1 until it has run in this life. */
  epoch: number;
  /** Bumped by every transaction begun, so a stale commit timer is recognised. */
  seq: number;
  open: boolean;
  /** Commit (or abort) requested: sends wait for the transaction to end. */
  ending: boolean;
  /** A write of this transaction failed: it can only abort (an abortable error). */
  mustAbort: boolean;
  fenced: boolean;
  records: number;
  /** Records written in the open transaction, acknowledged only when it commits: [message, call] pairs. */
  written: number[];
  /** Records sent while the previous transaction was ending: [partition, message, call] triples. */
  queued: number[];
  /** The EndTxn request waiting for an answer, -1 none. */
  request: number;
  /** When the open transaction began. */
  beganAt: number;
  /**
   * Consume-transform-produce: the consumer of the same application instance whose offsets go into the transactions
   * (sendOffsetsToTransaction), -1 none. Its transactions then end only between polls (txnOffsets.ts).
   */
  consumer: number;
  /** Input offsets sent to the open transaction: [partition, offset] pairs, for `consumer`'s group. */
  offsets: number[];
}

export type CommitPolicy = 'auto' | 'before' | 'after';

export interface ConsumerConfig {
  groupId: string;
  /** metadata.max.age.ms: how long the group's leader takes to notice partitions added to its topics. */
  metadataMaxAgeUs: number;
  autoCommit: boolean;
  autoCommitUs: number;
  reset: 'latest' | 'earliest' | 'none';
  sessionUs: number;
  heartbeatUs: number;
  maxPollUs: number;
  maxPollRecords: number;
  fetchWaitUs: number;
  strategy: 'range' | 'roundrobin' | 'cooperative-sticky';
  instanceId: string;
  commit: CommitPolicy;
  /** Records one fetch returns per partition (max.partition.fetch.bytes / record size). */
  fetchRecords: number;
  /** isolation.level=read_committed. */
  readCommitted: boolean;
}

/** What a consumer is opened with: its settings, before the group names it. */
export type ConsumerSettings = Omit<ConsumerConfig, 'groupId'>;

export interface FetchedRecords {
  ids: Uint32Array;
  /** Offsets of the records, or null when they run on from `base` without gaps. */
  offsets: Float64Array | null;
  base: number;
  head: number;
}

export interface Consumer {
  id: number;
  name: string;
  host: number;
  cluster: number;
  group: number;
  /** The application and instance it works for, and the application's handle for it (messaging port). */
  app: number;
  instance: number;
  reader: number;
  /** The topology edge each topic it reads arrives by, for counting deliveries per edge. */
  edges: Map<number, string>;
  config: ConsumerConfig;
  alive: boolean;
  life: number;
  metaVersion: number;
  memberId: string;
  generation: number;
  joining: boolean;
  joinSeq: number;
  /** Partitions owned and consumed now. */
  assigned: number[];
  /** Next offset the application will see, per owned partition. */
  position: Map<number, number>;
  /** Next offset to fetch from the broker (ahead of position by what is buffered). */
  fetchPosition: Map<number, number>;
  buffer: Map<number, FetchedRecords>;
  /** Brokers with a fetch in flight. */
  fetching: Set<number>;
  /** Per broker: connection failures in a row, and when the reconnect backoff lets the consumer try it again. */
  connectFailures: Map<number, number>;
  reconnectAt: Map<number, number>;
  metadataInflight: boolean;
  /** Metadata refreshes in a row that brought nothing new (they back off). */
  metadataFailures: number;
  /** The records the application is processing now (pointing at `workBuffer`), or null while it waits in poll. */
  work: Delivery | null;
  workBuffer: Delivery;
  workSeq: number;
  lastPollAt: number;
  /** Partitions that wait for a committed offset from the coordinator. */
  needOffsets: Set<number>;
  /** Partitions whose next record keeps failing: not polled again until `blockedUntil`. */
  blockedUntil: Map<number, number>;
  /** An in-flight synchronous commit blocks the poll loop. */
  committing: boolean;
  commitId: number;
  /** Records waiting for their commit-before-processing to be answered. */
  pendingStart: Delivery | null;
  /** An auto-commit came due while the application was busy: it runs at the next poll. */
  autoCommitDue: boolean;
  rng: Stream;
  /** Consume-transform-produce: the transactional producer its offsets are committed through (txnOffsets.ts). */
  txnProducer?: number;
}

export interface GroupMember {
  memberId: string;
  consumer: number;
  instanceId: string;
  /** Bumped on every heartbeat so the session-expiry event can tell it is stale. */
  stamp: number;
  joined: boolean;
  owned: number[];
  sessionUs: number;
  rebalanceUs: number;
}

export interface Group {
  id: number;
  name: string;
  cluster: number;
  topics: number[];
  strategy: 'range' | 'roundrobin' | 'cooperative-sticky';
  /** Global broker id of the coordinator, -1 while none is available. */
  coordinator: number;
  state: 'empty' | 'preparing' | 'stable';
  generation: number;
  members: GroupMember[];
  committed: Map<number, number>;
  assignment: Map<string, number[]>;
  rebalanceSeq: number;
  rebalanceStartedAt: number;
  /** group.initial.rebalance.delay.ms for the rebalance in progress (only the first of an empty group waits). */
  initialDelayUs: number;
  nextMember: number;
  /** Rebalances that completed, for the UI and the checks (C4, C5). */
  rebalances: number;
  /** Time of the last explicit offset reset (kafka-consumer-groups.sh --reset-offsets), 0 if none. */
  resetAt: number;
  /**
   * Per partition: the offset the group first read from and when (auto.offset.reset resolved it): what was written
   * before was never the group's to read.
   */
  since: Map<number, { offset: number; at: number; added?: boolean }>;
  /**
   * Per partition: where auto.offset.reset put a member again after the group had read there, with no offset committed
   * (a consumer that died before its first commit and came back, with `latest`): what lies between was skipped.
   */
  resetTo: Map<number, number>;
}

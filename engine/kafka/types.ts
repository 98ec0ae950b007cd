/**
 * The state of simulated Kafka clusters, as plain data (snapshots copy it whole). Indices, not references, join
 * the pieces: a partition names its brokers by index in its cluster, replicas by slot (position in `replicas`).
 */
import type { Log } from './log.ts';
import type { Stream } from '../sim/random.ts';

export interface ClusterConfig {
  brokers: number;
  /** The session timeouts the group coordinator accepts (group.min/max.session.timeout.ms). */
  groupMinSessionUs: number;
  groupMaxSessionUs: number;
  replicaLagTimeMaxUs: number;
  brokerSessionTimeoutUs: number;
  brokerHeartbeatIntervalUs: number;
  autoLeaderRebalance: boolean;
  leaderImbalanceCheckUs: number;
  leaderImbalancePercent: number;
  retentionCheckUs: number;
  groupInitialRebalanceDelayUs: number;
  replicaFetchWaitUs: number;
  /** Voters of the KRaft controller quorum (`controllers`, 1, 3 or 5) and its timing (QuorumConfig). */
  controllers: number;
  quorumFetchTimeoutUs: number;
  quorumElectionTimeoutUs: number;
  quorumElectionBackoffMaxUs: number;
}

export interface TopicConfig {
  partitions: number;
  replicationFactor: number;
  minInsyncReplicas: number;
  uncleanLeaderElection: boolean;
  compact: boolean;
  deleteByRetention: boolean;
  retentionUs: number; // -1: forever
  retentionBytes: number; // -1: no limit
  segmentBytes: number;
  segmentUs: number;
  deleteRetentionUs: number;
  minCompactionLagUs: number;
  /** -1: no bound. */
  maxCompactionLagUs: number;
  minCleanableDirtyRatio: number;
  /** Average record size written to the topic, for byte accounting of re-appended records. */
  recordBytes: number;
}

export interface Broker {
  /** Global broker id (index in world.brokers). */
  id: number;
  cluster: number;
  /** 1-based number within its cluster, as named in faults: `Kafka/2`. */
  number: number;
  host: number;
  alive: boolean;
  /** Incarnation: bumped on every restart so stale timers of the previous life are ignored. */
  life: number;
  /** Newest metadata version this broker has seen from the controller. */
  metaVersion: number;
  /** Fenced by the controller (it stopped hearing heartbeats). */
  fenced: boolean;
  lastHeartbeatAt: number;
  /** The incarnation the controller last heard from (a new one means the broker restarted). */
  lastLife: number;
}

/** One entry of a partition's metadata history, as the controller decided it. */
export interface PartitionState {
  version: number;
  /** Slot of the leader, -1 when the partition is offline. */
  leader: number;
  leaderEpoch: number;
  /** Slots in sync. */
  isr: number[];
}

/** A produce request waiting for the high watermark (acks=all). */
export interface DelayedProduce {
  request: number;
  batch: number;
  requiredOffset: number;
  deadline: number;
}

/**
 * Idempotence state for one producer id on one partition: its recent batches as [firstSeq, lastSeq, baseOffset,
 * firstMessageId] quadruples, newest last. A leader trusts only the batches its own log really holds (the message
 * at baseOffset is firstMessageId), which is what Kafka's per-replica producer state amounts to.
 */
export interface ProducerEntry {
  /** Per batch, oldest first: first sequence, last sequence, base offset, first message id. */
  batches: number[];
  /** History length at which entries no replica needs are next dropped. */
  trimAt: number;
}

export interface Partition {
  /** The metadata version that created it when added at run time (kafka-topics.sh --alter); absent for the first ones. */
  sinceVersion?: number;
  id: number;
  cluster: number;
  topic: number;
  index: number;
  /** Global broker ids; replicas[0] is the preferred leader. A replica's slot is its position here. */
  replicas: number[];
  /** The log of the slot the controller last made leader ("owner"); other replicas are views of it. */
  log: Log;
  owner: number;
  /** Per slot: length of the prefix of `log` that this replica holds. */
  matched: number[];
  /** Per slot: records after that prefix that this replica holds and the owner does not (a divergent tail). */
  tail: (number[] | null)[];
  /** Per slot: the high watermark as that replica knows it. */
  hw: number[];
  /** Leader-side follower state, per slot (Replica.scala: LEO from the last fetch, caught-up times). */
  followerEnd: number[];
  lastCaughtUpAt: number[];
  lastFetchAt: number[];
  lastFetchLeaderEnd: number[];
  /** Metadata history; brokers read the newest entry with version <= their metaVersion. */
  states: PartitionState[];
  /** An ISR change the leader asked the controller for and has not seen applied yet. */
  pendingIsr: number[] | null;
  producers: Map<number, ProducerEntry>;
  delayed: DelayedProduce[];
  /** Consumer fetch requests parked until data arrives (long poll). */
  parkedFetches: number[];
  /** Highest high watermark ever exposed by any leader: committed data. */
  committed: number;
  /** Start of the current offline window, -1 when online. */
  offlineSince: number;
  /** Since when produce requests to this partition fail (leader gone, not enough replicas, timeouts), -1 if not. */
  writesFailingSince: number;
  /** When a produce to this partition last succeeded. */
  lastWriteOkAt: number;
  /** Compaction: offset up to which the log has been cleaned. */
  cleanedTo: number;
  /** Transactions on this partition; absent until a transactional producer writes to it (txnLog.ts). */
  txn?: PartitionTxns;
}

/**
 * A partition's transactions, as the leader's producer state and aborted-transaction index hold them: the first
 * offset of each open transaction (the oldest bounds the last stable offset), the offset ranges of aborted ones
 * (read_committed consumers skip them), and how many markers were written. A marker is a record with message id 0:
 * it takes an offset and is never delivered (semantics K20).
 */
export interface PartitionTxns {
  /** Coordinator entry -> first offset of its open transaction here. */
  open: Map<number, number>;
  /** Offset ranges written by transactions that aborted: [first, last] pairs, sorted by first. */
  aborted: number[];
  /** Coordinator entry -> batches of its open transaction here: [first offset, last offset, first message id]. */
  ranges: Map<number, number[]>;
  markers: number;
}

/** The transaction coordinator's entry for one transactional.id (the __transaction_state record, KIP-98). */
export interface TxnCoordinator {
  id: string;
  cluster: number;
  /** The producer that holds the newest epoch, and that epoch. */
  producer: number;
  epoch: number;
  /** A transaction is open (some partition has its records), since `startedAt`; `seq` tells its timeout apart. */
  open: boolean;
  startedAt: number;
  seq: number;
  timeoutUs: number;
  /** Partitions the open transaction wrote to (AddPartitionsToTxn), in the order it reached them. */
  partitions: number[];
  /** Markers still to write while the transaction ends (a partition without a leader is retried). */
  ending: number[];
  /** 1 commit, 0 abort, -1 not ending. */
  result: number;
  /** EndTxn request waiting for the markers, -1 none. */
  request: number;
  /** Transactions of this id that ended, committed or aborted (the run summary). */
  committed: number;
  aborted: number;
}

export interface Topic {
  name: string;
  cluster: number;
  /** Its destination in the messaging port. */
  destination: number;
  config: TopicConfig;
  partitions: number[];
}

export interface Fetcher {
  id: number;
  /** Follower broker and leader broker (global ids) of this replica fetcher. */
  follower: number;
  leader: number;
  cluster: number;
  inflight: boolean;
  parked: boolean;
  /** Follower's incarnation when the fetch was sent. */
  life: number;
  /** Bumped on every fetch sent, so stale answers and timeouts are recognised. */
  seq: number;
  /** Fetch offsets sent with the request in flight: [partition, offset] x n. */
  request: number[];
  /** The response in flight: [partition, end, hw, leaderEpoch] x n. */
  response: number[];
}

/** One voter of the KRaft controller quorum (`Kafka/controller-1` ...). */
export interface Voter {
  host: number;
  alive: boolean;
}

/**
 * The controller as brokers see it: the quorum's active voter. `host` is the active voter's host (the last active
 * one while there is none); `alive` is true only while that voter can commit metadata, that is, while it is up and
 * reaches a majority of the voters (engine/kafka/quorum.ts).
 */
export interface Controller {
  host: number;
  alive: boolean;
  version: number;
  /** Per broker: session generation, so a stale session-expiry event is recognised. */
  sessionGen: number[];
  voters: Voter[];
  /** Index of the active (leader) voter, -1 while there is none; `last` the latest one that was. */
  active: number;
  last: number;
  /** The Raft epoch, bumped by every election. */
  epoch: number;
  /** Bumped whenever a pending election is replaced or cancelled; the time it fires, -1 when none is pending. */
  electionGen: number;
  electionAt: number;
  /** The quorum's own random stream (election backoff, which candidate stands first). */
  rng: Stream;
}

export interface Cluster {
  id: number;
  /** The topology node id, e.g. `KafkaBroker`. */
  name: string;
  config: ClusterConfig;
  /** Global ids of its brokers, topics, partitions and replica fetchers. */
  brokers: number[];
  topics: number[];
  partitions: number[];
  fetchers: number[];
  controller: Controller;
}

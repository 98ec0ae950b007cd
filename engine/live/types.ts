/**
 * What the live simulation sends to the app: compact frames (at most 60 a second), and answers to the app's
 * questions (a partition's log, a group's assignment, a message's life, the event log). Plain data.
 */

export interface PartitionLive {
  /** Global partition id. */
  id: number;
  topic: string;
  index: number;
  /** Broker numbers (1-based) of the replicas, the leader (-1 offline) and the in-sync ones. */
  replicas: number[];
  leader: number;
  isr: number[];
  logStart: number;
  logEnd: number;
  highWatermark: number;
  offline: boolean;
  /** Per replica slot: how far that replica's log goes. */
  replicaEnds: number[];
}

export interface BrokerLive {
  number: number;
  alive: boolean;
  fenced: boolean;
  /** Partitions it leads and follows. */
  leads: number;
  follows: number;
}

export interface ClusterLive {
  node: string;
  brokers: BrokerLive[];
  controllerAlive: boolean;
  partitions: PartitionLive[];
}

export interface GroupLive {
  id: number;
  name: string;
  state: 'empty' | 'preparing' | 'stable';
  generation: number;
  members: number;
  lag: number;
  rebalances: number;
}

export interface ServiceLive {
  node: string;
  /** Instances up / total. */
  up: number;
  instances: number;
  busy: number;
  queued: number;
  requests: number;
  ok: number;
  failed: number;
  rejected: number;
  processed: number;
  rejecting: boolean;
  slowMs: number;
  /** Consumer group this service reads in, if any. */
  group: number;
  lag: number;
}

export interface ClientLive {
  node: string;
  /** Topology node the requests go to (an implicit client is named after it). */
  target: string;
  ok: number;
  failed: number;
}

export interface Frame {
  seq: number;
  timeUs: number;
  events: number;
  /** The end of the recorded history (you can scrub up to here). */
  headUs: number;
  clusters: ClusterLive[];
  services: ServiceLive[];
  groups: GroupLive[];
  clients: ClientLive[];
  /** Messages carried per topology edge id, since the start (the app derives rates from successive frames). */
  edges: Record<string, number>;
  counters: {
    produced: number;
    acknowledged: number;
    processed: number;
    lost: number;
    duplicated: number;
    reordered: number;
    checkoutsOk: number;
    checkoutsFailed: number;
  };
  /** Network: cut links as pairs of host names, and partition sides. */
  cuts: [string, string][];
  sides: string[][];
  /** Hosts that are down (brokers, instances). */
  down: string[];
  /** Per-second samples since the last frame (for charts). */
  samples: Sample[];
  /** The samples start from the beginning (first frame, or after a seek): the app replaces its series. */
  samplesFromStart: boolean;
  /** Faults applied so far. */
  faults: { atUs: number; text: string; note: string; ok: boolean }[];
}

export interface Sample {
  t: number;
  produced: number;
  processed: number;
  lag: number;
  p50: number;
  p95: number;
  p99: number;
  checkoutsOk: number;
  checkoutsFailed: number;
}

/** One entry of the event log, in words. */
export interface LogEntry {
  seq: number;
  timeUs: number;
  kind: string;
  /** Topology node (or broker like `Kafka/2`) it happened at, for linking to the canvas. */
  node: string;
  text: string;
  partition?: string;
  message?: number;
  group?: string;
}

/** The stages of one message's life, with times (µs) where the trace still holds them. */
export interface MessageLife {
  id: number;
  key: string | null;
  type: string;
  partition: string;
  offset: number | null;
  correlation: number;
  causation: number;
  causedByMessage: boolean;
  producedAt: number;
  sentAt?: number;
  /** Host whose producer sent it (`Orders`, `Orders/2`). */
  producer?: string;
  appendedAt?: number;
  /** Broker that appended it as leader (`Kafka/1`). */
  leader?: string;
  acknowledgedAt?: number;
  replicatedAt: { broker: string; at: number }[];
  deliveredAt: { group: string; at: number; node?: string }[];
  processedAt: { group: string; at: number; node: string }[];
  committedAt: { group: string; at: number; node?: string }[];
  /** The checkout whose handling produced it: the client, when it asked and when it was answered. */
  origin?: { node: string; request: number; startAt: number; endAt: number; ok: boolean };
  /** For a message no log holds any more: the offset it had on the leader that acknowledged it. */
  formerOffset?: number;
  /** When the last replica that held it truncated it away. */
  droppedAt?: { broker: string; at: number; offset: number };
  lost: boolean;
  failed: boolean;
  /** The trace ring no longer holds the oldest stages of this message. */
  traceIncomplete: boolean;
}

export interface PartitionDetail {
  partition: PartitionLive;
  /** The log as a strip: first and last offsets shown, segments, and each group's committed position. */
  segments: { baseOffset: number; nextOffset: number; records: number; bytes: number; active: boolean }[];
  recent: { offset: number; message: number; key: string | null }[];
  groups: { group: string; committed: number; lag: number }[];
  replicas: { broker: number; end: number; inSync: boolean; tail: number }[];
}

export interface GroupDetail {
  group: GroupLive;
  strategy: string;
  coordinator: string;
  members: { memberId: string; instance: string; partitions: string[] }[];
  committed: { partition: string; offset: number; lag: number }[];
}

/**
 * What the live simulation sends to the app: compact frames (at most 60 a second), and answers to the app's
 * questions (a partition's log, a group's assignment, a message's life, the event log). Plain data.
 */
import type { EntryPoint } from '../messaging/port.ts';

export type { EntryPoint };

/** What every node's live state says, whatever its family: how many of its hosts are up, of how many. */
export interface NodeLiveBase {
  /** Which live row draws it (the app's registry picks the component by this). */
  type: string;
  up: number;
  of: number;
}

/** One entry per kind of live state; each family adds its own (declaration merging, in its live.ts). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface NodeLives {}

/** The live state of a topology node, tagged by `type`. */
export type NodeLive = NodeLives[keyof NodeLives];

/** A subscription (consumer group) as a run's frame sees it. */
export interface SubscriptionLive {
  id: number;
  name: string;
  lag: number;
}

export interface Frame {
  seq: number;
  timeUs: number;
  events: number;
  /** The end of the recorded history (you can scrub up to here). */
  headUs: number;
  /** Live state per simulated topology node, by node id. */
  nodes: Record<string, NodeLive>;
  subscriptions: SubscriptionLive[];
  /** Fault target names the run adds to node ids (each broker, a controller, a partition's leader). */
  targets: string[];
  /** Messages carried per topology edge id, since the start (the app derives rates from successive frames). */
  edges: Record<string, number>;
  counters: {
    produced: number;
    acknowledged: number;
    processed: number;
    lost: number;
    /** Consumer-side loss: kept by the brokers, never to be processed by a group that reads them. */
    missed: number;
    /**
     * True when `lost` and `missed` were not counted for this moment (they are an earlier moment's): the nearest
     * snapshot's frame, shown while a long seek replays to the moment asked for, whose frame has them.
     */
    lossPending: boolean;
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
  /** Where checkouts enter (each client, each publish-only service) and how many ended ok or failed so far. */
  entries: EntryPoint[];
  /** Faults applied so far. */
  faults: { atUs: number; text: string; note: string; ok: boolean }[];
  /**
   * Faults this run still meets after this moment, as lines (`20s crash Kafka/2`): on its schedule, or recorded later
   * in its timeline (a replay meets them there, a fork keeps them).
   */
  pending: string[];
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
  /** The second's checkouts per entry point, in the order of `Frame.entries`. */
  entries: { ok: number; failed: number }[];
}

/** A message behind a counter; a reordered one names the later message of its key that was processed first. */
export interface Finding extends MessageLife {
  /** For a retried copy (retry topics), `retryOf` is the original it stands for. */
  overtakenBy?: { message: number; group: string; retryOf?: number };
}

/** What a step of the playback did (stepReport.ts). */
export interface StepReport {
  /** The moment it stopped at. */
  atUs: number;
  /** The events it ran, by name, in order (`checkout arrives`, `records processed`). */
  events: string[];
  /** What the trace recorded meanwhile, in words (the last few), and how many entries before those are left out. */
  entries: LogEntry[];
  more: number;
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

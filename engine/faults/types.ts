/**
 * Faults as data. A fault happens at a simulated time to a target named as in the topology: a node (`Kafka`,
 * `InventoryService`), one broker or instance (`Kafka/2`, `InventoryService/2`), the controller
 * (`Kafka/controller`), or whoever leads a partition when the fault fires (`leader:orders-topic/0`).
 */

export type Fault =
  | { at: number; action: 'crash' | 'restart'; target: string }
  | { at: number; action: 'partition'; sides: string[][] }
  | { at: number; action: 'heal' }
  | { at: number; action: 'slow'; target: string; byUs: number }
  | { at: number; action: 'latency'; between: [string, string]; latencyUs: number }
  | { at: number; action: 'loss'; between: [string, string]; probability: number }
  | { at: number; action: 'cut'; between: [string, string] }
  | { at: number; action: 'reject' | 'accept'; target: string }
  | { at: number; action: 'poison'; target: string; key?: string; type?: string }
  /** kafka-topics.sh --alter --partitions: the topic grows to `count` partitions (Kafka only adds partitions). */
  | { at: number; action: 'add-partitions'; topic: string; count: number }
  /** kafka-consumer-groups.sh --reset-offsets: to the earliest or latest offset, or shifted; the group must be empty. */
  | { at: number; action: 'reset-offsets'; group: string; to: 'earliest' | 'latest' | number }
  /** The consumer crashes at its worst moment: right after processing, before committing (or the reverse). */
  | { at: number; action: 'crash-after-processing' | 'crash-before-processing'; target: string }
  /** A service that writes its database and publishes crashes between the two, on its next request (engine/outbox/). */
  | { at: number; action: 'crash-between-writes'; target: string }
  /** A projection throws its read models away and replays its event store from the start (engine/eventstore/). */
  | { at: number; action: 'rebuild'; target: string }
  /**
   * A rolling upgrade of one service: from now on it writes with `schema` (registered on its next send) and reads
   * with `reader` (from its next record); each given as `Name:vN` (engine/schemas/).
   */
  | { at: number; action: 'upgrade'; target: string; schema?: string; reader?: string };

export type FaultAction = Fault['action'];

export interface AppliedFault {
  fault: Fault;
  at: number;
  /** What the fault did, in words (`crashed Kafka/2, the leader of orders-topic/0`), or why it could not. */
  note: string;
  ok: boolean;
}

export interface FaultState {
  schedule: Fault[];
  /** Per scheduled fault: it has fired, or it was taken off the schedule before it did. */
  fired: boolean[];
  cancelled: boolean[];
  applied: AppliedFault[];
}

export function createFaultState(): FaultState {
  return { schedule: [], fired: [], cancelled: [], applied: [] };
}

/**
 * The whole state of a simulation run, as plain data: typed arrays, arrays, Maps and plain objects, no closures
 * and no class instances. A snapshot is a structured clone of it, and two runs with the same topology, seed and
 * faults build and mutate it identically.
 */
import type { ChecksState } from './check/state.ts';
import type { FaultState } from './faults/types.ts';
import type { Messages } from './history/messages.ts';
import type { Keys } from './history/keys.ts';
import type { Trace } from './history/trace.ts';
import type { Consumer, Group, ProduceRequest, Producer } from './kafka/clientTypes.ts';
import type { FetchRequest } from './kafka/fetch.ts';
import type { GroupAnswer, GroupRequest } from './kafka/group.ts';
import type { Broker, Cluster, Fetcher, Partition, Topic } from './kafka/types.ts';
import type { Metrics } from './metrics/metrics.ts';
import type { Network } from './sim/network.ts';
import type { EventQueue } from './sim/queue.ts';
import type { Stream } from './sim/random.ts';
import type { Call, Client, Instance, Service, Source } from './services/types.ts';

export interface World {
  seed: number;
  now: number;
  events: number;
  queue: EventQueue;
  net: Network;
  messages: Messages;
  keys: Keys;
  trace: Trace;
  metrics: Metrics;
  checks: ChecksState;
  faults: FaultState;

  clusters: Cluster[];
  brokers: Broker[];
  topics: Topic[];
  partitions: Partition[];
  fetchers: Fetcher[];
  producers: Producer[];
  consumers: Consumer[];
  groups: Group[];
  produceRequests: Map<number, ProduceRequest>;
  fetchRequests: Map<number, FetchRequest>;
  /** Group coordinator requests in flight, and the coordinator's answers in flight. */
  groupInbox: Map<number, GroupRequest>;
  groupAnswers: Map<number, GroupAnswer>;

  services: Service[];
  instances: Instance[];
  clients: Client[];
  sources: Source[];
  calls: Map<number, Call>;

  /** Next ids for requests, batches, calls, fetches: one counter keeps them unique and deterministic. */
  nextId: number;
  /** Streams used by world-level decisions (placement, fault schedules). */
  rng: Stream;
}

export function nextId(w: World): number {
  return w.nextId++;
}

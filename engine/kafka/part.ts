/**
 * The Kafka family's part of the world: clusters and their brokers, topics, partitions and replica fetchers, the
 * clients (producers, consumers) and consumer groups, and the requests in flight between them.
 */
import type { Consumer, Group, ProduceRequest, Producer } from './clientTypes.ts';
import type { FetchRequest } from './fetch.ts';
import type { GroupAnswer, GroupRequest } from './group.ts';
import type { Broker, Cluster, Fetcher, Partition, Topic, TxnCoordinator } from './types.ts';

export interface KafkaPart {
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
  /** Groups by `cluster/name`. */
  groupIndex: Map<string, number>;
  /** The producers (by cluster, -1 none) and consumers each application instance opened, by `app/instance`. */
  owners: Map<string, { producers: number[]; consumers: number[] }>;
  /** The topic of each destination of the messaging port (-1: another family's). */
  topicOf: number[];
  /** Topics (index -1) and single partitions drawn as topology nodes, for the live frame. */
  drawn: { node: string; topic: number; index: number }[];
  /** The transaction coordinators' state, one entry per transactional.id and cluster (transactions.ts). */
  txns: TxnCoordinator[];
  txnIndex: Map<string, number>;
  /** EndTxn requests in flight: id -> [producer, coordinator entry, epoch, 1 commit / 0 abort]. */
  endTxnRequests: Map<number, number[]>;
}

declare module '../world.ts' {
  interface Parts {
    kafka: KafkaPart;
  }
}

export function createKafkaPart(): KafkaPart {
  return {
    clusters: [],
    brokers: [],
    topics: [],
    partitions: [],
    fetchers: [],
    producers: [],
    consumers: [],
    groups: [],
    produceRequests: new Map(),
    fetchRequests: new Map(),
    groupInbox: new Map(),
    groupAnswers: new Map(),
    groupIndex: new Map(),
    owners: new Map(),
    drawn: [],
    topicOf: [],
    txns: [],
    txnIndex: new Map(),
    endTxnRequests: new Map(),
  };
}

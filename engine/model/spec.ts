/**
 * A topology resolved for simulation: every component with its settings filled in (Kafka's defaults unless the
 * text says otherwise), every edge turned into a role (who calls, publishes to or consumes from what). Plain data,
 * produced by resolve.ts from the parsed text and turned into a running world by instantiate.ts.
 */
import type { Distribution } from '../sim/distribution.ts';
import type { ClusterConfig, TopicConfig } from '../kafka/types.ts';
import type { ConsumerConfig, ProducerConfig } from '../kafka/clientTypes.ts';
import type { ServiceConfig } from '../services/types.ts';

export interface ClusterSpec {
  /** Topology node id (or `Kafka` for the implicit cluster of topics drawn without a broker). */
  node: string;
  config: ClusterConfig;
}

export interface TopicSpec {
  name: string;
  cluster: number;
  /** Topology node id drawn for the topic, if any. */
  node?: string;
  /** Topology nodes drawn for single partitions (`Partition 0` under the topic). */
  partitionNodes?: { node: string; index: number }[];
  config: TopicConfig;
}

export interface PublishSpec {
  topic: number;
  type: string;
  edge: string;
}

export interface ServiceSpec {
  node: string;
  label: string;
  kind: 'service' | 'database';
  instances: number;
  config: ServiceConfig;
  producer: ProducerConfig;
  consumer: Omit<ConsumerConfig, 'dlq' | 'groupId'> & { dlq: number };
  group: string;
  calls: { service: string; edge: string }[];
  writes: { service: string; edge: string }[];
  publishes: PublishSpec[];
  consumes: number[];
  /** The edge each consumed topic arrives by (parallel to `consumes`), so the app can count deliveries per edge. */
  consumeEdges: string[];
  /** Requests or events that start here: from an implicit client, or generated (publish-only services). */
  origin: 'client' | 'source' | null;
  rate: number;
  poisson: boolean;
  key: { name: string; count: number } | null;
  /** When the service starts, in µs after the beginning. */
  startUs: number;
}

export interface ClientSpec {
  node: string;
  implicit: boolean;
  target: string;
  edge: string;
  rate: number;
  poisson: boolean;
  key: { name: string; count: number } | null;
  startUs: number;
}

export interface Spec {
  clusters: ClusterSpec[];
  topics: TopicSpec[];
  services: ServiceSpec[];
  clients: ClientSpec[];
}

export type { Distribution };

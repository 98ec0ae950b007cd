/**
 * Kafka's part of a resolved topology: clusters and their topics, with Kafka's settings filled in.
 */
import type { ConsumerSettings, ProducerConfig } from './clientTypes.ts';
import type { ClusterConfig, TopicConfig } from './types.ts';

export interface ClusterSpec {
  /** Topology node id (or `Kafka` for the implicit cluster of topics drawn without a broker). */
  node: string;
  config: ClusterConfig;
}

export interface TopicSpec {
  name: string;
  /** Its destination in the messaging port (an index into `spec.destinations`). */
  destination: number;
  cluster: number;
  /** Topology node id drawn for the topic, if any. */
  node?: string;
  /** Topology nodes drawn for single partitions (`Partition 0` under the topic). */
  partitionNodes?: { node: string; index: number }[];
  config: TopicConfig;
}

/** What a service's Kafka clients are opened with (`ServiceSpec.clients.kafka`). */
export interface KafkaClientSettings {
  producer: ProducerConfig;
  consumer: ConsumerSettings;
}

declare module '../model/spec.ts' {
  interface Spec {
    clusters: ClusterSpec[];
    topics: TopicSpec[];
  }
}

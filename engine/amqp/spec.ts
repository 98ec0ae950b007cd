/**
 * RabbitMQ's part of a resolved topology: clusters (RabbitMQ nodes), exchanges with their bindings, queues, and what
 * each destination of the messaging port stands for, with RabbitMQ's settings filled in.
 */
import type { AmqpSettings, ExchangeType, NodeConfig, QueueConfig } from './types.ts';

export interface AmqpClusterSpec {
  node: string;
  config: NodeConfig;
}

export interface ExchangeSpec {
  name: string;
  cluster: number;
  type: ExchangeType;
  /** The alternate exchange's name, '' none. */
  alternate: string;
  /** Topology node id, '' for one the topology names without drawing (a dead-letter exchange). */
  node: string;
}

export interface QueueSpec {
  name: string;
  cluster: number;
  node: string;
  destination: number;
  config: QueueConfig;
}

export interface BindingSpec {
  exchange: number;
  to: { queue: number } | { exchange: number };
  key: string;
  headers: Record<string, string> | null;
  matchAll: boolean;
  withX: boolean;
  edge: string;
}

/** A publish destination: an exchange (-1: the default exchange of `cluster`) and the edge's routing key. */
export interface RouteSpec {
  destination: number;
  cluster: number;
  exchange: number;
  key: string;
  headers: Record<string, string> | null;
}

export interface AmqpSpec {
  clusters: AmqpClusterSpec[];
  exchanges: ExchangeSpec[];
  queues: QueueSpec[];
  bindings: BindingSpec[];
  routes: RouteSpec[];
}

export type { AmqpSettings };

declare module '../model/spec.ts' {
  interface Spec {
    amqp: AmqpSpec;
  }
}

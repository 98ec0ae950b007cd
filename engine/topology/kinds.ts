/**
 * The node kinds, what each means, and the `:::class` names that set them.
 */
import type { EdgeKind, NodeKind } from './types.ts';

export interface NodeKindInfo {
  kind: NodeKind;
  /** A short description for menus and the inspector. */
  description: string;
  /** The class that sets this kind in the text (`A[Orders]:::topic`). */
  className: string;
}

/** Every node kind, in the order a palette would offer them. */
export const NODE_KINDS: readonly NodeKindInfo[] = [
  { kind: 'client', className: 'client', description: 'Sends user requests (checkouts) into the first service.' },
  { kind: 'service', className: 'service', description: 'A microservice: handles requests, produces and consumes events.' },
  { kind: 'kafka', className: 'kafka', description: 'A Kafka cluster of brokers hosting topics.' },
  { kind: 'topic', className: 'topic', description: 'A Kafka topic: a partitioned, replicated, append-only log.' },
  { kind: 'partition', className: 'partition', description: 'One partition of a topic: an ordered log with offsets.' },
  { kind: 'consumer', className: 'consumer', description: 'A consumer in a consumer group, reading assigned partitions.' },
  { kind: 'rabbitmq', className: 'rabbitmq', description: 'A RabbitMQ broker holding exchanges and queues.' },
  { kind: 'exchange', className: 'exchange', description: 'A RabbitMQ exchange routing messages to bound queues.' },
  { kind: 'queue', className: 'queue', description: 'A RabbitMQ queue: messages wait here until a consumer acks them.' },
  { kind: 'database', className: 'db', description: 'A database: committed rows survive crashes.' },
  { kind: 'outbox', className: 'outbox', description: 'An outbox relay: publishes rows committed to an outbox table.' },
  { kind: 'eventstore', className: 'eventstore', description: 'An append-only event store, the record of an event-sourced system.' },
  { kind: 'projection', className: 'projection', description: 'A read model built from events (CQRS).' },
  { kind: 'saga', className: 'saga', description: 'A saga orchestrator: drives steps and compensations.' },
  { kind: 'schema-registry', className: 'registry', description: 'A schema registry: versioned schemas and compatibility checks.' },
  { kind: 'event', className: 'event', description: 'An event or record drawn as a node: data, not a component.' },
  { kind: 'note', className: 'note', description: 'A remark or concept with no simulation meaning.' },
];

/** Every edge kind with what it means, for legends and the inspector. */
export const EDGE_KINDS: readonly { kind: EdgeKind; description: string }[] = [
  { kind: 'publish', description: 'A service sends messages to a broker, topic or exchange.' },
  { kind: 'subscribe', description: 'A broker, topic or queue delivers messages to a consumer.' },
  { kind: 'request', description: 'A synchronous call (HTTP): the caller waits for the answer.' },
  { kind: 'write', description: 'A service writes to a database or event store.' },
  { kind: 'read', description: 'A service reads from a database or a read model.' },
  { kind: 'route', description: 'An exchange routes messages to the queues bound to it.' },
  { kind: 'relay', description: 'Committed rows are relayed to the broker (transactional outbox).' },
  { kind: 'structure', description: 'Containment drawn as an edge: a topic and its partitions.' },
  { kind: 'link', description: 'Drawn only: relates events, notes or subgraphs.' },
];

/** Class names that set a kind, aliases included. */
const CLASS_KINDS: Record<string, NodeKind> = {
  database: 'database',
  'schema-registry': 'schema-registry',
  schemaregistry: 'schema-registry',
  'event-store': 'eventstore',
  rabbit: 'rabbitmq',
  broker: 'kafka',
};
for (const info of NODE_KINDS) {
  CLASS_KINDS[info.className] = info.kind;
  CLASS_KINDS[info.kind] = info.kind;
}

/**
 * The kind a `:::class` sets, if it is a kind class (case-insensitive).
 *
 * @example kindOfClass('db') === 'database'; kindOfClass('highlight') === undefined
 */
export function kindOfClass(name: string): NodeKind | undefined {
  return CLASS_KINDS[name.toLowerCase()];
}

/**
 * The class that sets `kind` in the text.
 *
 * @example kindClassName('database') === 'db'
 */
export function kindClassName(kind: NodeKind): string {
  return NODE_KINDS.find((k) => k.kind === kind)?.className ?? kind;
}

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
  /** How a learner reads the kind in captions (`schema registry`). */
  name: string;
  /** The component family that simulates it (engine/components.ts), or null when it is drawn only. */
  family: string | null;
  /** A process a fault can crash or cut by its node id (a service, a broker node), not a part of one (a topic). */
  host: boolean;
  /** Live rows it shows under its caption during a run. */
  liveRows: number;
  /** How the applications family runs it: a service, or a store it writes to (none for brokers and drawings). */
  role?: 'service' | 'store';
  /** For a component EventLab draws but does not simulate yet: what the run's notes say about it. */
  unsimulated?: string;
  /** The faults its node menu offers (the family answers them; engine/faults/types.ts names them). */
  faults: readonly string[];
}

/** What an application's node can suffer: crashes, slowness, refusing requests, a message it always fails on. */
const APP_FAULTS = ['crash', 'restart', 'slow', 'reject', 'accept', 'poison'];

const kind = (k: NodeKind, className: string, name: string, family: string | null, host: boolean, liveRows: number, description: string, role?: 'service' | 'store'): NodeKindInfo => ({
  kind: k,
  className,
  name,
  family,
  host,
  liveRows,
  description,
  ...(role ? { role } : {}),
  faults: family === 'apps' && k !== 'client' ? APP_FAULTS : host ? ['crash', 'restart'] : [],
});

/**
 * Every node kind, described once: every list of kinds in the engine and the app derives from this table (the
 * app adds how each is drawn, app/canvas/nodes/kindTable.ts). In the order a palette would offer them.
 */
export const NODE_KINDS: readonly NodeKindInfo[] = [
  kind('client', 'client', 'client', 'apps', true, 1, 'Sends user requests (checkouts) into the first service.'),
  kind('service', 'service', 'service', 'apps', true, 1, 'A microservice: handles requests, produces and consumes events.', 'service'),
  kind('kafka', 'kafka', 'kafka', 'kafka', true, 2, 'A Kafka cluster of brokers hosting topics.'),
  kind('topic', 'topic', 'topic', 'kafka', false, 1, 'A Kafka topic: a partitioned, replicated, append-only log.'),
  kind('partition', 'partition', 'partition', 'kafka', false, 1, 'One partition of a topic: an ordered log with offsets.'),
  kind('consumer', 'consumer', 'consumer', 'apps', true, 1, 'A consumer in a consumer group, reading assigned partitions.', 'service'),
  kind('rabbitmq', 'rabbitmq', 'rabbitmq', 'amqp', true, 1, 'A RabbitMQ node (or cluster, nodes=3) hosting exchanges and queues.'),
  kind('exchange', 'exchange', 'exchange', 'amqp', false, 1, 'A RabbitMQ exchange: routes each message to the queues bound to it (direct, fanout, topic, headers).'),
  kind('queue', 'queue', 'queue', 'amqp', false, 2, 'A RabbitMQ queue: messages wait here until a consumer acks them, then they are gone.'),
  { ...kind('database', 'db', 'database', 'stores', true, 1, 'A database: committed rows survive crashes; an open transaction does not.'), faults: ['crash', 'restart', 'slow'] },
  kind('outbox', 'outbox', 'outbox relay', 'apps', true, 1, 'An outbox relay: publishes rows committed to an outbox table.', 'service'),
  { ...kind('eventstore', 'eventstore', 'event store', 'eventstore', true, 1, 'An append-only event store: a stream per aggregate, appends with an expected version, events never deleted.'), faults: ['crash', 'restart', 'slow'] },
  kind('projection', 'projection', 'projection', 'apps', true, 1, 'A read model built from events (CQRS).', 'service'),
  kind('saga', 'saga', 'saga', 'apps', true, 1, 'A saga orchestrator: drives steps and compensations.', 'service'),
  kind('schema-registry', 'registry', 'schema registry', 'schemas', true, 1, 'A schema registry: subjects of versioned schemas, checked for compatibility before a producer may write with one.'),
  kind('event', 'event', 'event', null, false, 0, 'An event or record drawn as a node: data, not a component.'),
  kind('note', 'note', 'note', null, false, 0, 'A remark or concept with no simulation meaning.'),
];

const BY_KIND = new Map(NODE_KINDS.map((k) => [k.kind, k]));

/** The table's row for a kind. */
export function kindInfo(k: NodeKind): NodeKindInfo {
  return BY_KIND.get(k)!;
}

/**
 * The families that carry messages between applications (brokers in engine/components.ts: a test keeps the two the
 * same). A design with none of their kinds sends no broker messages, so the run's message counters do not apply.
 */
export const BROKER_FAMILIES: ReadonlySet<string> = new Set(['kafka', 'amqp']);

/** Whether a node of this kind belongs to a broker (a Kafka cluster, topic or partition; a RabbitMQ node, exchange or queue). */
export function isBrokerKind(k: NodeKind): boolean {
  return BROKER_FAMILIES.has(BY_KIND.get(k)?.family ?? '');
}

/** The kinds a family simulates. */
export function kindsOf(family: string): NodeKind[] {
  return NODE_KINDS.filter((k) => k.family === family).map((k) => k.kind);
}

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

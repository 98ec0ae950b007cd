/**
 * Every setting a learner can write in `%% @config <target> key=value`, with its real default and a one-line
 * explanation. Kafka's own names and defaults (Kafka 4.x, see shared/reference/semantics.md §1) wherever Kafka has
 * the setting; EventLab's own short names for what Kafka leaves to application code (`rate`, `processing`,
 * `commit`). The inspector lists these, and the model builder validates values against them.
 */

import type { NodeKind } from '../topology/types.ts';

export type Scope = 'cluster' | 'topic' | 'producer' | 'consumer' | 'service' | 'client' | 'database' | 'relay' | 'rabbitmq' | 'exchange' | 'queue' | 'amqp-publisher' | 'amqp-consumer' | 'registry' | 'eventstore' | 'projection' | 'saga';

export type ValueType =
  | { type: 'int'; min?: number; max?: number }
  | { type: 'number'; min?: number; max?: number }
  | { type: 'bool' }
  | { type: 'enum'; values: string[] }
  | { type: 'ms'; forever?: boolean } // a duration; a bare number means milliseconds; with forever, -1 means no limit
  | { type: 'bytes' } // 16384, 16kb, 1mb, 1gib
  | { type: 'rate' } // 50/s, 3000/min
  | { type: 'distribution' } // 5ms, exp(5ms), lognormal(20ms, 0.5)
  | { type: 'stages' } // orders-retry-1:5s,orders-retry-2:30s (topic:delay, in order)
  | { type: 'string' };

export interface Setting {
  key: string;
  scope: Scope;
  value: ValueType;
  default: string;
  doc: string;
  /** Where the default comes from. */
  source?: string;
}

const s = (key: string, scope: Scope, value: ValueType, def: string, doc: string, source?: string): Setting => ({
  key,
  scope,
  value,
  default: def,
  doc,
  source,
});

const int = (min?: number, max?: number): ValueType => ({ type: 'int', min, max });
const bool: ValueType = { type: 'bool' };
const ms: ValueType = { type: 'ms' };
const bytes: ValueType = { type: 'bytes' };
const oneOf = (...values: string[]): ValueType => ({ type: 'enum', values });

export const SETTINGS: Setting[] = [
  // A Kafka cluster node.
  s('brokers', 'cluster', int(1, 9), '3', 'Number of brokers in the cluster.'),
  s('replica.lag.time.max.ms', 'cluster', ms, '30000', 'A follower that has not caught up for this long leaves the ISR.', 'ReplicationConfigs'),
  s('broker.session.timeout.ms', 'cluster', ms, '9000', 'The controller fences a broker it has not heard from for this long.', 'KRaft broker config'),
  s('broker.heartbeat.interval.ms', 'cluster', ms, '2000', 'How often brokers heartbeat to the controller.', 'KRaft broker config'),
  s('auto.leader.rebalance.enable', 'cluster', bool, 'true', 'Move leadership back to preferred replicas.', 'ReplicationConfigs'),
  s('leader.imbalance.check.interval.seconds', 'cluster', int(1), '300', 'How often the controller checks leader balance.', 'ReplicationConfigs'),
  s('leader.imbalance.per.broker.percentage', 'cluster', int(0, 100), '10', 'Imbalance that triggers a preferred leader election.', 'ReplicationConfigs'),
  s('log.retention.check.interval.ms', 'cluster', ms, '300000', 'How often brokers look for segments to delete.', 'ServerLogConfigs'),
  s('group.initial.rebalance.delay.ms', 'cluster', ms, '3000', 'Wait for more members before the first rebalance of an empty group.', 'GroupCoordinatorConfig'),
  s('group.min.session.timeout.ms', 'cluster', ms, '6000', 'The shortest session.timeout.ms a consumer may ask for: the coordinator refuses a shorter one (INVALID_SESSION_TIMEOUT).', 'GroupCoordinatorConfig'),
  s('group.max.session.timeout.ms', 'cluster', ms, '1800000', 'The longest session.timeout.ms a consumer may ask for (30 min): the coordinator refuses a longer one.', 'GroupCoordinatorConfig'),
  s('replica.fetch.wait.max.ms', 'cluster', ms, '500', 'Longest a follower fetch waits at the leader for new data.'),
  s('controllers', 'cluster', oneOf('1', '3', '5'), '3', 'Voters of the KRaft controller quorum (controller.quorum.voters), hosts Kafka/controller-1..N. A majority elects the active controller; without a majority no metadata changes (no new leaders, no fencing).', 'KIP-595, KIP-631'),
  s('controller.quorum.fetch.timeout.ms', 'cluster', ms, '2000', 'A voter that has not fetched from the active controller for this long stands for election.', 'QuorumConfig'),
  s('controller.quorum.election.timeout.ms', 'cluster', ms, '1000', 'How long a candidate waits for votes before it tries again.', 'QuorumConfig'),
  s('controller.quorum.election.backoff.max.ms', 'cluster', ms, '1000', 'Longest random wait before a voter starts an election (keeps voters from splitting the vote).', 'QuorumConfig'),

  // A topic.
  s('partitions', 'topic', int(1, 1024), '1', 'Partitions of the topic (num.partitions).', 'ServerLogConfigs'),
  s('replication.factor', 'topic', int(1, 9), '1', 'Copies of each partition (default.replication.factor).', 'ReplicationConfigs'),
  s('min.insync.replicas', 'topic', int(1, 9), '1', 'Replicas that must have a write before an acks=all producer is told it succeeded.', 'ServerLogConfigs'),
  s('unclean.leader.election.enable', 'topic', bool, 'false', 'Let an out-of-sync replica lead when no in-sync one is alive (can lose committed data).', 'LogConfig'),
  s('cleanup.policy', 'topic', oneOf('delete', 'compact', 'compact,delete'), 'delete', 'Delete old segments, or compact to the latest value per key.', 'ServerLogConfigs'),
  s('retention.ms', 'topic', { type: 'ms', forever: true }, '604800000', 'Delete segments whose newest record is older than this (7 days). -1: keep forever.', 'LogConfig'),
  s('retention.bytes', 'topic', { type: 'int', min: -1 }, '-1', 'Delete the oldest segments when a partition grows past this. -1: no limit.', 'ServerLogConfigs'),
  s('segment.bytes', 'topic', bytes, '1073741824', 'Roll a new segment at this size (1 GiB).', 'LogConfig'),
  s('segment.ms', 'topic', ms, '604800000', 'Roll a new segment after this long (7 days).', 'LogConfig'),
  s('delete.retention.ms', 'topic', ms, '86400000', 'How long a tombstone survives compaction (24 h).', 'LogConfig'),
  s('min.compaction.lag.ms', 'topic', ms, '0', 'Minimum age before a record may be compacted away.', 'LogConfig'),
  s('max.compaction.lag.ms', 'topic', { type: 'ms', forever: true }, '-1', 'Longest a record may stay uncompacted: a log with dirty records older than this is cleaned whatever its dirty ratio (the active segment still is not). -1: no bound (Kafka\'s default is Long.MAX_VALUE).', 'LogConfig (KIP-354)'),
  s('min.cleanable.dirty.ratio', 'topic', { type: 'number', min: 0, max: 1 }, '0.5', 'Compact when this share of the log is dirty.', 'LogConfig'),

  // A producing service.
  s('rate', 'service', { type: 'rate' }, '10/s', 'Requests (or events) per second that start at this service.'),
  s('arrivals', 'service', oneOf('poisson', 'constant'), 'poisson', 'Random (Poisson) or evenly spaced arrivals.'),
  s('key', 'service', { type: 'string' }, 'none', 'Record key, e.g. customerId; none for null keys (sticky partitioning).'),
  s('keys', 'service', int(1, 10_000_000), '1000', 'How many distinct key values there are.'),
  s('tombstones', 'service', { type: 'number', min: 0, max: 1 }, '0', 'Share of the records it originates sent as tombstones: null values, deletes of their key under compaction (needs a key).'),
  s('event', 'service', { type: 'string' }, '', 'Event type this service publishes, e.g. OrderCreatedEvent.'),
  s('size', 'service', bytes, '1kb', 'Bytes per record (for batch.size and segment.bytes).'),
  s('topic', 'service', { type: 'string' }, '', 'Which hosted topic to publish to when the broker hosts several.'),
  s('acks', 'producer', oneOf('0', '1', 'all', '-1'), 'all', 'How many replicas must have a write before it counts as sent.', 'ProducerConfig (KIP-679)'),
  s('enable.idempotence', 'producer', bool, 'true', 'Broker drops retried duplicates by producer id and sequence; silently off if acks or max.in.flight conflict and it was not set.', 'ProducerConfig'),
  s('linger.ms', 'producer', ms, '5', 'Wait this long for more records before sending a batch.', 'ProducerConfig (KIP-1030)'),
  s('batch.size', 'producer', bytes, '16384', 'Bytes per partition batch.', 'ProducerConfig'),
  s('max.in.flight.requests.per.connection', 'producer', int(1, 100), '5', 'Unacknowledged requests per broker connection.', 'ProducerConfig'),
  s('delivery.timeout.ms', 'producer', ms, '120000', 'Give up on a record (and report an error) after this long.', 'ProducerConfig'),
  s('request.timeout.ms', 'producer', ms, '30000', 'Wait this long for a broker response before retrying.', 'CommonClientConfigs'),
  s('retries', 'producer', int(0), '2147483647', 'Retry a failed batch this many times (bounded by delivery.timeout.ms).', 'ProducerConfig'),
  s('retry.backoff.ms', 'producer', ms, '100', 'Wait before the first retry.', 'CommonClientConfigs'),
  s('retry.backoff.max.ms', 'producer', ms, '1000', 'Longest wait between retries (exponential backoff).', 'CommonClientConfigs (KIP-580)'),
  s('metadata.max.age.ms', 'producer', ms, '300000', 'Refresh metadata at least this often, even when nothing failed: how a producer learns of new partitions or leaders it could not hear about, and how long a consumer group takes to see partitions added to its topics.', 'CommonClientConfigs'),
  s('transactional.id', 'producer', { type: 'string' }, '', 'Makes the producer transactional (and idempotent): its records are written in transactions that commit or abort as a whole, with a COMMIT or ABORT marker in every partition a transaction touched. A second producer with the same id fences the first (ProducerFencedException). Every instance of a service shares it, so with instances > 1 the last to start fences the others.', 'ProducerConfig, KIP-98'),
  s('transaction.timeout.ms', 'producer', ms, '60000', 'The coordinator aborts a transaction left open this long (a producer that crashed mid-transaction).', 'ProducerConfig'),
  s('transaction.records', 'producer', int(1, 100_000), '10', 'EventLab: records a transactional producer writes per transaction before it commits (the application\'s commitTransaction).'),
  s('transaction.ms', 'producer', ms, '100', 'EventLab: longest a transactional producer keeps a transaction open before it commits, however few records it holds.'),
  s('partitioner.ignore.keys', 'producer', bool, 'false', 'Spread records as if they had no key (sticky), though they keep it: per-key order across partitions is gone.', 'ProducerConfig (KIP-794)'),

  // A consuming service.
  s('group.id', 'consumer', { type: 'string' }, '', 'Consumer group; defaults to the service id.'),
  s('instances', 'service', int(1, 64), '1', 'Instances of the service (each one a consumer in the group).'),
  s('start', 'service', ms, '0', 'The service (or client) starts this long after the simulation: a consumer group that joins later.'),
  s('isolation.level', 'consumer', oneOf('read_uncommitted', 'read_committed'), 'read_uncommitted', 'read_committed: read only up to the last stable offset (later records wait while a transaction is open, non-transactional ones too) and skip records of aborted transactions. read_uncommitted: read up to the high watermark, aborted records included.', 'ConsumerConfig, KIP-98'),
  s('enable.auto.commit', 'consumer', bool, 'true', 'Commit polled offsets in the background.', 'ConsumerConfig'),
  s('auto.commit.interval.ms', 'consumer', ms, '5000', 'How often auto-commit commits.', 'ConsumerConfig'),
  s('auto.offset.reset', 'consumer', oneOf('latest', 'earliest', 'none'), 'latest', 'Where a group with no committed offset starts.', 'ConsumerConfig'),
  s('session.timeout.ms', 'consumer', ms, '45000', 'The coordinator removes a member it has not heard from for this long.', 'ConsumerConfig (KIP-735)'),
  s('heartbeat.interval.ms', 'consumer', ms, '3000', 'How often a member heartbeats.', 'ConsumerConfig'),
  s('max.poll.interval.ms', 'consumer', ms, '300000', 'A member that does not poll for this long leaves the group.', 'ConsumerConfig'),
  s('max.poll.records', 'consumer', int(1, 100_000), '500', 'Records one poll returns at most.', 'ConsumerConfig'),
  s('fetch.max.wait.ms', 'consumer', ms, '500', 'Longest a fetch waits at the broker for data.', 'ConsumerConfig'),
  s('partition.assignment.strategy', 'consumer', oneOf('range', 'roundrobin', 'cooperative-sticky'), 'range', 'How partitions are shared; cooperative-sticky rebalances incrementally.', 'ConsumerConfig'),
  s('group.instance.id', 'consumer', { type: 'string' }, '', 'Static membership: a restart within session.timeout.ms keeps the assignment.', 'KIP-345'),
  s('processing', 'consumer', { type: 'distribution' }, '2ms', 'Time to process one record.'),
  s('failure', 'consumer', { type: 'number', min: 0, max: 1 }, '0', 'Probability that processing a record fails.'),
  s('processing.threads', 'consumer', int(0, 256), '1', 'Workers the application hands polled records to. 1: each poll\'s records are processed before the next poll. More: with auto-commit the poll loop hands records over and polls again at once, so a commit can pass records still queued or in progress, and a crash loses them (C9); with commit=after it waits for the batch, then commits. Records of one partition may finish out of order.'),
  s('commit', 'consumer', oneOf('auto', 'before', 'after'), 'auto', 'Commit offsets by auto-commit, before processing (at-most-once) or after (at-least-once).'),
  s('idempotent', 'consumer', bool, 'false', 'A perfect dedupe, not a real one: every message id the group ever processed is remembered, by every instance, through every crash, at no cost, and a repeat is skipped. For an inbox that lives in the consumer\'s database (and one that does not survive a crash), use `inbox`.'),
  s('inbox', 'consumer', oneOf('off', 'none', 'memory', 'table'), 'off', 'A consumer that writes a database applies each message as an effect row there. table: an inbox row with the event id in the same transaction, so a redelivery is skipped, even after a crash. memory: the ids kept in the instance\'s memory, lost on a crash. none: no dedupe. off: no effect rows.', 'microservices.io Idempotent Consumer'),
  s('retry', 'consumer', int(-1), '-1', 'Attempts at a failing record before giving up; -1 retries forever (the partition blocks).'),
  s('dlq', 'consumer', { type: 'string' }, '', 'Dead-letter topic for records that still fail after `retry` attempts (or after the last retry topic).'),
  s('retry.topics', 'consumer', { type: 'stages' }, '', 'Non-blocking retry: a failing record is published to the first of these topics (topic:delay, comma-separated) and its partition moves on; the same service reads each retry topic once the record\'s delay has passed, and a record that fails again goes to the next one, then to `dlq`. Per-key order is not kept.', 'Spring Kafka @RetryableTopic'),

  // Synchronous calls.
  s('threads', 'service', int(1, 10_000), '200', 'Worker threads serving requests (Tomcat default).'),
  s('queue', 'service', int(0, 100_000), '100', 'Requests that may wait for a thread before new ones are rejected.'),
  s('latency', 'service', { type: 'distribution' }, '5ms', 'Time a request spends in this service itself.'),
  s('timeout', 'service', ms, '2000', 'How long this service waits for each synchronous call.'),
  s('call.retries', 'service', int(0, 10), '0', 'Retries of a failed synchronous call.'),
  s('availability', 'service', { type: 'number', min: 0, max: 1 }, '1', 'Share of requests this service answers successfully when healthy.'),

  // A database (PostgreSQL's names and defaults).
  s('transaction', 'database', { type: 'distribution' }, '2ms', 'Time from a transaction\'s first statement to its commit, the WAL flush included.'),
  s('max_connections', 'database', int(1, 10_000), '100', 'Transactions open at once; one more is refused (too many clients already).', 'PostgreSQL max_connections'),
  s('synchronous_commit', 'database', oneOf('on', 'off'), 'on', 'on: a commit returns once it is on disk. off: at once, and a crash loses what the WAL writer had not flushed.', 'PostgreSQL synchronous_commit'),
  s('wal_writer_delay', 'database', ms, '200', 'How often the WAL writer flushes asynchronous commits to disk.', 'PostgreSQL wal_writer_delay'),

  // Writing a database and publishing (engine/outbox/): the dual write's order, and an outbox relay (Debezium's names).
  s('write.order', 'service', oneOf('db-first', 'publish-first'), 'db-first', 'A service that writes its database and publishes: commit first, then publish (a crash between loses the event), or publish first (a crash between leaves a phantom event).'),
  s('mode', 'relay', oneOf('poll', 'cdc'), 'poll', 'poll: query the outbox table for unsent rows, publish them, then mark them sent. cdc: tail the database log from a stored position, as Debezium does.'),
  s('poll.interval.ms', 'relay', ms, '500', 'How long the relay waits between reads of the outbox (or of the log).', 'Debezium poll.interval.ms'),
  s('max.batch.size', 'relay', int(1, 100_000), '2048', 'Rows one read returns at most.', 'Debezium max.batch.size'),
  s('offset.flush.interval.ms', 'relay', ms, '60000', 'cdc: how often the relay stores its log position durably; a crash re-reads (and publishes again) what came after it.', 'Kafka Connect offset.flush.interval.ms'),

  // RabbitMQ (AMQP 0-9-1): a node, its exchanges and queues (their x-arguments), and the clients' channels.
  s('nodes', 'rabbitmq', int(1, 7), '1', 'Nodes in the RabbitMQ cluster (quorum queues replicate over three of them).'),
  s('heartbeat', 'rabbitmq', ms, '60000', 'A client the broker has not heard from for this long is gone: its channels close, their unacked deliveries are requeued.', 'RabbitMQ heartbeat'),
  s('consumer_timeout', 'rabbitmq', ms, '1800000', 'A delivery not acked for this long closes its channel; its deliveries are requeued (30 min).', 'RabbitMQ consumer_timeout'),
  s('type', 'exchange', oneOf('direct', 'fanout', 'topic', 'headers'), 'direct', 'How the exchange routes: equal key, every queue, key pattern (* one word, # any), or headers. A label like "Exchange: orders (topic)" says it too.'),
  s('alternate-exchange', 'exchange', { type: 'string' }, '', 'Where messages this exchange cannot route go instead.', 'RabbitMQ alternate exchanges'),
  s('x-queue-type', 'queue', oneOf('classic', 'quorum'), 'classic', 'classic: on one node. quorum: replicated over three nodes (Raft), available while a majority lives.'),
  s('durable', 'queue', bool, 'true', 'A durable queue survives a node restart, with its persistent messages; a transient one does not.'),
  s('x-message-ttl', 'queue', { type: 'int', min: -1 }, '-1', 'Milliseconds a message may wait; an expired one is dropped (or dead-lettered) when it reaches the head. -1: no limit.'),
  s('x-max-length', 'queue', { type: 'int', min: -1 }, '-1', 'Ready messages the queue holds at most; x-overflow says what happens to one more. -1: no limit.'),
  s('x-max-length-bytes', 'queue', { type: 'int', min: -1 }, '-1', 'Bytes of ready messages the queue holds at most. -1: no limit.'),
  s('x-overflow', 'queue', oneOf('drop-head', 'reject-publish', 'reject-publish-dlx'), 'drop-head', 'A full queue drops its oldest message, or refuses the new one (basic.nack with confirms; silent without).'),
  s('x-dead-letter-exchange', 'queue', { type: 'string' }, '', 'Where rejected, expired and dropped messages go (with an x-death record).'),
  s('x-dead-letter-routing-key', 'queue', { type: 'string' }, '', 'The routing key dead-lettered messages get; empty keeps their own.'),
  s('x-delivery-limit', 'queue', { type: 'int', min: -1 }, '20', 'Quorum queues: returns before a message is dead-lettered or dropped (20 since RabbitMQ 4.0). -1: no limit.', 'RabbitMQ quorum queues'),
  s('x-single-active-consumer', 'queue', bool, 'false', 'Only one consumer receives at a time; the next takes over when it goes.'),
  s('confirm', 'amqp-publisher', bool, 'false', 'Publisher confirms: wait for basic.ack (on disk, or on a quorum) before counting a publish as sent.', 'RabbitMQ publisher confirms'),
  s('mandatory', 'amqp-publisher', bool, 'false', 'Return an unroutable message to the publisher (basic.return) instead of dropping it.'),
  s('persistent', 'amqp-publisher', bool, 'false', 'delivery_mode=2: the message is written to disk in a durable queue and survives a restart.'),
  s('expiration', 'amqp-publisher', { type: 'int', min: -1 }, '-1', 'Per-message TTL in milliseconds (the expiration property). -1: none.'),
  s('ack', 'amqp-consumer', oneOf('manual', 'auto'), 'manual', 'manual: ack after processing (unacked deliveries are requeued if the consumer dies). auto: done once sent.'),
  s('prefetch', 'amqp-consumer', int(0, 65535), '0', 'basic.qos: unacked deliveries a consumer holds at most; 0 is no limit (round-robin, blind to load).'),

  // Event sourcing and CQRS (engine/eventstore/): an event store, a command handler's load-decide-append, projections.
  s('snapshot.every', 'eventstore', int(0), '0', 'Snapshot a stream every this many events, so a load replays only the events after the snapshot. 0: never.', 'Axon EventCountSnapshotTriggerDefinition (threshold); EventStoreDB keeps no snapshots of its own'),
  s('append', 'eventstore', { type: 'distribution' }, '1ms', 'Time to write an append durably.'),
  s('replay.event.ms', 'eventstore', { type: 'number', min: 0 }, '0.01', 'Time to read and apply one event when a command handler loads its aggregate.'),
  s('decide.ms', 'eventstore', ms, '1', 'The command handler\'s decision, between its load and its append.'),
  s('aggregates', 'eventstore', int(1, 1_000_000), '100', 'The aggregate ids (streams) commands with no key are spread over; fewer means more concurrent commands on one stream.'),
  s('conflict.retries', 'eventstore', int(0, 100), '0', 'How often a command handler loads again and retries an append refused for a wrong expected version before the command fails.', 'EventStoreDB WrongExpectedVersion and Axon ConcurrencyException are not retried unless the application does'),
  s('event.version', 'service', int(1, 100), '1', 'A command handler of an event store: the version of the events it writes, and the one it reads when it loads an aggregate.'),
  s('upgrade.at', 'service', ms, '0', 'When the service\'s new release starts. A command handler: its event.version (before, it writes and reads version 1 events, as the old release did). A service with upgrade.to: the schema it writes and reads from then on.'),
  s('upcast', 'service', bool, 'true', 'A command handler: it upcasts older event versions to the one it reads as it loads them (events in the store never change). false: loading a stream that holds an older version fails the command.', 'Axon upcasters; Greg Young, Versioning in an Event Sourced System'),
  s('handle.ms', 'projection', ms, '1', 'Time a projection takes to apply one event to its read models.'),
  s('checkpoint.every', 'projection', int(1, 1_000_000), '10', 'Events a projection applies between two checkpoints; after a crash it resumes from the last one.', 'EventStoreDB persistent subscriptions minCheckPointCount'),
  s('mode', 'projection', oneOf('async', 'inline'), 'async', 'async: the projection reads the store behind the writes (its read models lag). inline: it updates its read models in the same transaction as each append, so they never lag, and every append waits for it.', 'Marten: inline and async projections'),
  s('dedupe', 'projection', oneOf('position', 'none'), 'position', 'position: a read model stores the last position it applied with its rows and skips an event it has seen (idempotent). none: an event that comes again is applied again.'),
  s('read.after.ms', 'projection', ms, '0', 'A client that wrote reads this read model this long after hearing its write succeeded.'),

  // Sagas (engine/sagas/): an orchestrator's steps, timeouts, retries and pivot; a step's business rejections.
  s('step.timeout.ms', 'saga', ms, '1000', 'How long the saga orchestrator waits for a step\'s (or a compensation\'s) reply before it treats the silence as a technical failure and sends the command again.'),
  s('step.retries', 'saga', int(-1, 1000), '-1', 'Technical failures (a timeout, a refusal) of one step retried before the orchestrator gives up on it and compensates; -1 retries forever. Business rejections are never retried before the pivot.', 'Microservices Patterns (Richardson): technical failures are retried, business failures compensate'),
  s('retry.backoff.ms', 'saga', ms, '100', 'The orchestrator\'s wait before retrying a step or a compensation that failed.'),
  s('pivot', 'saga', { type: 'string' }, '', 'The step (a node id) that is the saga\'s go/no-go: a rejection at or before it compensates the steps done; once it is done, later steps are retried forward and never compensated.', 'Microservices Patterns (Richardson): compensatable, pivot and retriable transactions'),
  s('saga.state', 'saga', oneOf('durable', 'memory'), 'durable', 'durable: the orchestrator stores each saga\'s progress before acting, so after a crash it resumes every saga where it was. memory: a crash forgets the sagas in flight, and their done steps stay done.', 'Temporal: workflow state is an event history replayed after a worker crash'),
  s('reject', 'service', { type: 'number', min: 0, max: 1 }, '0', 'As a saga step: share of its commands it refuses for a business reason (payment declined, out of stock). A rejection is an answer, not an error: the saga compensates (before its pivot) and does not retry it.'),
  s('compensate.fail', 'service', { type: 'number', min: 0, max: 1 }, '0', 'As a saga step: share of its compensation attempts that fail for a technical reason; compensations are idempotent and are retried until they succeed.'),

  // Schemas (engine/schemas/): what a service writes and reads, and a schema registry (Confluent's names).
  s('schema', 'service', { type: 'string' }, '', 'The schema this service writes, declared by a `%% @schema` directive: Name:vN (or Name for its latest version). A service that publishes nothing reads with it.'),
  s('reader.schema', 'service', { type: 'string' }, '', 'The schema this service reads with (Name:vN), when it is not the one it writes; an event its reader schema cannot resolve fails to deserialize.'),
  s('upgrade.to', 'service', { type: 'string' }, '', 'The schema (Name:vN) the service\'s new release writes, and reads with if it read with its old one, from upgrade.at on: a rolling upgrade, as the upgrade fault does.', 'Confluent, Schema Evolution and Compatibility: order of upgrading clients'),
  s('compatibility', 'registry', oneOf('NONE', 'BACKWARD', 'BACKWARD_TRANSITIVE', 'FORWARD', 'FORWARD_TRANSITIVE', 'FULL', 'FULL_TRANSITIVE'), 'BACKWARD', 'What a new schema version must be compatible with before the registry accepts it (every subject).', 'Confluent Schema Registry'),
];

const APPLICATION: readonly Scope[] = ['service', 'producer', 'consumer', 'amqp-publisher', 'amqp-consumer'];

/**
 * The scopes a `%% @config` line aimed at a node of each kind may set, checked as the text is parsed. A Kafka node
 * also takes topic settings, as defaults for the topics it hosts; a topic name takes topic settings. A simulated
 * kind missing here takes none (a partition's settings are its topic's); a kind no family simulates yet is not
 * checked. A new family adds its settings above and its kinds here.
 */
export const TARGET_SCOPES: Partial<Record<NodeKind, readonly Scope[]>> = {
  client: ['service'],
  service: APPLICATION,
  consumer: APPLICATION,
  outbox: [...APPLICATION, 'relay'],
  projection: [...APPLICATION, 'projection'],
  saga: [...APPLICATION, 'saga'],
  'schema-registry': ['registry'],
  database: ['database'],
  eventstore: ['eventstore'],
  kafka: ['cluster', 'topic'],
  rabbitmq: ['rabbitmq'],
  exchange: ['exchange'],
  queue: ['queue'],
  topic: ['topic'],
};

const byKey = new Map(SETTINGS.map((x) => [x.key, x]));

/** The setting named `key`, if EventLab knows it. */
export function setting(key: string): Setting | undefined {
  return byKey.get(key);
}

/** Settings that apply to a node of the given role. */
export function settingsFor(...scopes: Scope[]): Setting[] {
  return SETTINGS.filter((x) => scopes.includes(x.scope));
}

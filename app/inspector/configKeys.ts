/**
 * Setting names offered per node kind: the real systems' own names (DESIGN.md, "Configuration"), so what a learner
 * types here carries over to Kafka and RabbitMQ.
 */
import type { NodeKind } from '../../engine/index.ts';

const producer = ['rate', 'key', 'acks', 'enable.idempotence', 'retries', 'linger.ms', 'delivery.timeout.ms'];
const consumer = ['group.id', 'enable.auto.commit', 'auto.offset.reset', 'partition.assignment.strategy', 'max.poll.records', 'prefetch'];
const topic = ['partitions', 'replication.factor', 'min.insync.replicas', 'retention.ms', 'cleanup.policy'];

export const configKeys: Partial<Record<NodeKind, string[]>> = {
  client: ['rate'],
  service: [...producer, ...consumer, 'timeout.ms'],
  kafka: ['brokers', 'unclean.leader.election.enable', 'min.insync.replicas', 'default.replication.factor'],
  topic,
  consumer,
  rabbitmq: ['nodes'],
  exchange: ['type', 'durable'],
  queue: ['x-dead-letter-exchange', 'x-message-ttl', 'x-max-length', 'x-queue-type', 'durable', 'prefetch'],
  database: ['latency.ms'],
  outbox: ['poll.interval.ms', 'batch.size'],
};

/** Keys for hosted topics on a Kafka node. */
export const topicKeys = topic;

/**
 * RabbitMQ's parsed setting values as typed configs (microseconds, numbers, flags).
 */
import type { Value } from '../config/values.ts';
import type { AmqpSettings, ExchangeType, NodeConfig, Overflow, QueueConfig } from './types.ts';

type Values = Record<string, Value>;
const us = (v: Value) => Math.round((v as number) * 1000);

/** How long a quorum queue is without a leader after its leader's node fails (Raft elects within seconds). */
const ELECTION_US = 1_000_000;

export function nodeConfig(v: Values): NodeConfig {
  return { nodes: v['nodes'] as number, heartbeatUs: us(v['heartbeat']!), consumerTimeoutUs: us(v['consumer_timeout']!), electionUs: ELECTION_US };
}

export function exchangeType(v: Values): ExchangeType {
  return v['type'] as ExchangeType;
}

export function queueConfig(v: Values): QueueConfig {
  const ttl = v['x-message-ttl'] as number;
  return {
    type: v['x-queue-type'] as 'classic' | 'quorum',
    durable: v['durable'] as boolean,
    ttlUs: ttl < 0 ? -1 : ttl * 1000,
    maxLength: v['x-max-length'] as number,
    maxBytes: v['x-max-length-bytes'] as number,
    overflow: v['x-overflow'] as Overflow,
    dlx: (v['x-dead-letter-exchange'] as string) || null,
    dlrk: v['x-dead-letter-routing-key'] as string,
    deliveryLimit: v['x-delivery-limit'] as number,
    singleActiveConsumer: v['x-single-active-consumer'] as boolean,
    expiresUs: -1,
  };
}

/** What a service's channels are opened with (`ServiceSpec.clients.amqp`). */
export function clientSettings(v: Values): AmqpSettings {
  const expiration = v['expiration'] as number;
  return {
    publisher: { confirm: v['confirm'] as boolean, mandatory: v['mandatory'] as boolean, persistent: v['persistent'] as boolean, expirationUs: expiration < 0 ? -1 : expiration * 1000, bytes: v['size'] as number },
    consumer: { ack: v['ack'] as 'auto' | 'manual', prefetch: v['prefetch'] as number },
  };
}

import { describe, expect, it } from 'vitest';
import { LABEL_GUARD_COUNT, LABEL_RULE_COUNT, readNodeLabel } from './read-label.ts';

const read = (label: string) => {
  const r = readNodeLabel(label);
  return r && { kind: r.kind, topics: r.topics, consumerGroup: r.consumerGroup, partitionIndex: r.partitionIndex };
};

describe('readNodeLabel', () => {
  it('has a guard for every rule', () => {
    expect(LABEL_GUARD_COUNT).toBe(LABEL_RULE_COUNT);
  });

  it('reads brokers with the topics they host', () => {
    expect(read('Kafka Broker: orders-topic')).toEqual({ kind: 'kafka', topics: ['orders-topic'] });
    expect(read('Kafka: orders.v1, payments')).toEqual({ kind: 'kafka', topics: ['orders.v1', 'payments'] });
    expect(read('Event Bus - Kafka')).toMatchObject({ kind: 'kafka', topics: [] });
    expect(read('Message Broker')?.kind).toBe('kafka');
  });

  it('reads topics with their names', () => {
    expect(read('orders.v1 Topic')).toMatchObject({ kind: 'topic', topics: ['orders.v1'] });
    expect(read('Topic: order-events')).toMatchObject({ kind: 'topic', topics: ['order-events'] });
    expect(read('Kafka Topic: payments')).toMatchObject({ kind: 'topic', topics: ['payments'] });
    expect(read('Topic')).toMatchObject({ kind: 'topic', topics: undefined });
  });

  it('reads partitions and consumers with their numbers and groups', () => {
    expect(read('Partition 3')).toMatchObject({ kind: 'partition', partitionIndex: 3 });
    expect(read('Partition Tolerance\nSystem works despite network splits')?.kind).toBe('note');
    expect(read('Consumer - Group A')).toMatchObject({ kind: 'consumer', consumerGroup: 'A' });
    expect(read('Consumer Group: fulfillment')).toMatchObject({ kind: 'consumer', consumerGroup: 'fulfillment' });
    expect(read('Consumer 1')).toMatchObject({ kind: 'consumer', consumerGroup: undefined });
  });

  it('prefers specific phrases to the words inside them', () => {
    expect(read('Event Store')?.kind).toBe('eventstore');
    expect(read('Read Model A\n(SQL - List View)')?.kind).toBe('projection');
    expect(read('RabbitMQ Exchange')?.kind).toBe('exchange');
    expect(read('DLX')?.kind).toBe('exchange');
    expect(read('Dead Letter Queue')?.kind).toBe('queue');
    expect(read('Schema Registry')?.kind).toBe('schema-registry');
    expect(read('Outbox Relay')?.kind).toBe('outbox');
    expect(read('Saga Orchestrator')?.kind).toBe('saga');
    expect(read('User Service')?.kind).toBe('service');
    expect(read('Event Handler')?.kind).toBe('service');
  });

  it('reads databases, clients, events and notes', () => {
    expect(read('Orders DB')?.kind).toBe('database');
    expect(read('PostgreSQL')?.kind).toBe('database');
    expect(read('Client Application')?.kind).toBe('client');
    expect(read('Browser')?.kind).toBe('client');
    expect(read('OrderPlaced')?.kind).toBe('event');
    expect(read('Order Created')?.kind).toBe('event');
    expect(read('PaymentFailedEvent')?.kind).toBe('event');
    expect(read('CAP Theorem')?.kind).toBe('note');
    expect(read('CP Systems\netcd, ZooKeeper')?.kind).toBe('note');
  });

  it('says nothing about a label that names nothing', () => {
    expect(read('Write Side - Command Model')).toBeUndefined();
    expect(read('Order #12345\nStatus: Confirmed')).toBeUndefined();
  });

  it('gives a reason naming the words it read', () => {
    expect(readNodeLabel('Orders DB')?.reason).toBe("the label 'Orders DB' says 'DB', a database");
  });
});

describe('the last word names the thing', () => {
  it('reads "Ledger Service" as a service and "Ledger DB" as a database', () => {
    expect(readNodeLabel('Ledger Service')?.kind).toBe('service');
    expect(readNodeLabel('Ledger DB')?.kind).toBe('database');
    expect(readNodeLabel('Redis Cache Service')?.kind).toBe('service');
    expect(readNodeLabel('Orders Table')?.kind).toBe('database');
  });
});

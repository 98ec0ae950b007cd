import { describe, expect, it } from 'vitest';
import { resolve } from '../model/resolve.ts';
import { parseTopology } from '../topology/parse.ts';
import { checkStructure } from './structural.ts';
import type { StructuralCheck } from './types.ts';

const legacy = `graph TD
  OrderSync[Order Service] -->|1. Sync POST| InventorySync[Inventory Service]
  OrderSync -->|2. Sync POST| NotificationSync[Notification Service]
  OrderAsync[Order Service] -->|1. Async Publish| KafkaBroker[Kafka Broker: orders-topic]
  KafkaBroker -.-> InventoryAsync[Inventory Service]
  KafkaBroker -.-> NotificationAsync[Notification Service]
`;

function check(text: string, c: StructuralCheck) {
  const t = parseTopology(text).topology;
  return checkStructure(c, t, resolve(t).spec);
}

describe('hosts-topic', () => {
  it('passes when a broker hosts the topic, and lists the topics there are when none does', () => {
    expect(check(legacy, { kind: 'hosts-topic', topic: 'orders-topic' })).toMatchObject({ pass: true, explanation: 'KafkaBroker hosts orders-topic.' });
    const v = check(legacy, { kind: 'hosts-topic', topic: 'orders.v1' });
    expect(v.pass).toBe(false);
    expect(v.explanation).toContain('(the topics are orders-topic)');
    expect(v.explanation).toContain('KafkaBroker[Kafka Broker: orders.v1]');
  });
});

describe('publishes and subscribes', () => {
  it('passes when any matching service does it', () => {
    expect(check(legacy, { kind: 'subscribes', service: '{Inventory}', topic: 'orders-topic' })).toMatchObject({ pass: true, explanation: 'InventoryAsync subscribes to orders-topic.' });
    expect(check(legacy, { kind: 'publishes', service: '{Order}', topic: 'orders-topic' }).pass).toBe(true);
  });

  it('says, service by service, what is missing: the edge, or the event type', () => {
    const v = check(legacy, { kind: 'publishes', service: '{Order}', topic: 'orders-topic', event: 'OrderCreatedEvent' });
    expect(v.pass).toBe(false);
    expect(v.explanation).toBe('OrderSync publishes nothing and OrderAsync publishes OrderEvent to orders-topic, not OrderCreatedEvent: label its edge OrderCreatedEvent or add event=OrderCreatedEvent to its @config line.');
    expect(v.counterexample?.nodes).toEqual(['OrderSync', 'OrderAsync']);
    expect(v.counterexample?.edges).toHaveLength(1);
    const s = check(legacy, { kind: 'subscribes', service: 'OrderSync', topic: 'orders-topic' });
    expect(s.explanation).toBe('OrderSync subscribes to nothing: draw an arrow from the broker hosting orders-topic to the service.');
  });

  it('names the event from the edge label when it is one', () => {
    const text = legacy.replace('1. Async Publish', 'OrderCreatedEvent');
    expect(check(text, { kind: 'publishes', service: '{Order}', topic: 'orders-topic', event: 'OrderCreatedEvent' }).pass).toBe(true);
  });

  it('explains a matcher that names nothing', () => {
    expect(check(legacy, { kind: 'subscribes', service: '{Billing}', topic: 'orders-topic' }).explanation).toMatch(/^No service's id or label contains 'Billing'/);
  });
});

describe('no-sync-call', () => {
  it('points at every synchronous call left, with its line', () => {
    const v = check(legacy, { kind: 'no-sync-call' });
    expect(v.pass).toBe(false);
    expect(v.explanation).toBe("OrderSync still calls InventorySync (line 2) and NotificationSync (line 3) synchronously: while a callee is down or slow, the caller's request fails or waits with it.");
    expect(v.counterexample?.edges).toHaveLength(2);
  });

  it('can be limited to the calls between two services, either way round', () => {
    expect(check(legacy, { kind: 'no-sync-call', from: '{Notification}', to: '{Order}' }).counterexample?.nodes).toEqual(['OrderSync', 'NotificationSync']);
    expect(check(legacy, { kind: 'no-sync-call', from: '{Inventory}', to: '{Notification}' }).pass).toBe(true);
  });

  it('passes once the calls are gone; a user calling the first service is not one', () => {
    const t = `graph LR\n  Shop[Customer] -->|POST| Orders[Order Service]\n  Orders --> K[Kafka: orders]\n  %% @config Shop rate=5/s\n`;
    expect(check(t, { kind: 'no-sync-call' })).toMatchObject({ pass: true, explanation: 'No service calls another synchronously.' });
  });
});

describe('partitions and keys', () => {
  const keyed = (producer: string, partitions = 12) => `graph LR
  Orders[Order Service] --> K[Kafka: orders.v1]
  %% @config orders.v1 partitions=${partitions}
  %% @config Orders ${producer}
`;

  it('counts partitions against a minimum', () => {
    expect(check(keyed('key=customerId'), { kind: 'partitions', topic: 'orders.v1', min: 12 }).pass).toBe(true);
    expect(check(keyed('key=customerId', 3), { kind: 'partitions', topic: 'orders.v1', min: 12 }).explanation).toBe('orders.v1 has 3 partitions; it needs at least 12.');
    expect(check(keyed('key=customerId'), { kind: 'partitions', topic: 'orders', min: 12 }).explanation).toBe('There is no topic orders (the topics are orders.v1).');
  });

  it('needs the key named and used to choose the partition', () => {
    const c: StructuralCheck = { kind: 'key', service: '{Order}', key: 'customerId' };
    expect(check(keyed('key=customerId'), c).pass).toBe(true);
    expect(check(keyed('rate=5/s'), c).explanation).toMatch(/^Orders sends its events without a key/);
    expect(check(keyed('key=orderId'), c).explanation).toBe('Orders keys its events by orderId, not customerId.');
    expect(check(keyed('key=customerId partitioner.ignore.keys=true'), c).explanation).toMatch(/partitioner.ignore.keys=true, so the key does not choose the partition/);
  });
});

describe('config', () => {
  const t = `graph LR
  Orders[Order Service] --> K[Kafka: orders]
  K --> Billing[Billing Service]
  %% @config orders replication.factor=3
  %% @config Orders acks=1
`;

  it('compares with defaults counted, and says how to write the fix', () => {
    expect(check(t, { kind: 'config', target: 'orders', key: 'replication.factor', op: '>=', value: '3' })).toMatchObject({ pass: true, explanation: 'orders has replication.factor=3.' });
    expect(check(t, { kind: 'config', target: '{Order}', key: 'acks', value: 'all' })).toMatchObject({
      pass: false,
      explanation: 'Orders has acks=1; the goal needs acks=all: write `%% @config Orders acks=all`.',
      counterexample: { nodes: ['Orders'] },
    });
    expect(check(t, { kind: 'config', target: 'orders', key: 'min.insync.replicas', op: '>=', value: '2' }).explanation).toMatch(/^orders has min.insync.replicas=1 \(the default\); the goal needs min.insync.replicas >= 2/);
    expect(check(t, { kind: 'config', target: '{Billing}', key: 'dlq', op: 'set' }).explanation).toMatch(/^Billing has no dlq; the goal needs a dlq/);
  });
});

import { describe, expect, it } from 'vitest';
import { formatFault, parseFault, toFault } from './parse.ts';

describe('fault timeline lines', () => {
  const lines = [
    '10s crash Kafka/2',
    '10s crash leader:orders-topic/0',
    '25s restart Kafka/2',
    '10s crash InventoryService',
    '10s partition Kafka/1 | Kafka/2,Kafka/3',
    '30s heal',
    '10s slow InventoryService 500ms',
    '10s latency OrderService Kafka 200ms',
    '10s loss OrderService Kafka 5%',
    '10s cut OrderService Kafka',
    '10s reject NotificationService',
    '40s accept NotificationService',
    '10s poison InventoryService key=customer-7',
    '10s poison InventoryService type=OrderCreatedEvent',
    '12s crash-after-processing InventoryService',
    '12s crash-before-processing InventoryService',
    '90s reset-offsets Billing earliest',
    '90s reset-offsets Billing shift=-100',
    '20s upgrade InventoryService reader.schema=OrderPlacedEvent:v2',
    '30s upgrade OrderService schema=OrderPlacedEvent:v2',
    '30s upgrade Billing schema=OrderPlacedEvent:v3 reader.schema=OrderPlacedEvent:v2',
  ];

  it('read every documented form and write it back the same', () => {
    for (const line of lines) {
      const f = parseFault(line);
      expect(typeof f, line).toBe('object');
      expect(formatFault(f as Exclude<typeof f, string>)).toBe(line);
    }
  });

  it('read the object form of the API', () => {
    expect(toFault({ at: '10s', crash: 'Kafka/2' })).toEqual({ at: 10_000_000, action: 'crash', target: 'Kafka/2' });
    expect(toFault({ at: '12s', partition: [['Kafka/1'], ['Kafka/2', 'Kafka/3']] })).toEqual({ at: 12_000_000, action: 'partition', sides: [['Kafka/1'], ['Kafka/2', 'Kafka/3']] });
    expect(toFault({ at: 20_000_000, action: 'restart', target: 'Kafka/2' })).toEqual({ at: 20_000_000, action: 'restart', target: 'Kafka/2' });
  });

  it('say what is wrong with a bad line', () => {
    expect(parseFault('soon crash Kafka/2')).toMatch(/not a time/);
    expect(parseFault('10s explode Kafka/2')).toMatch(/unknown fault 'explode'/);
    expect(parseFault('10s crash')).toMatch(/crash needs <node>/);
    expect(parseFault('10s partition Kafka/1')).toMatch(/two sides/);
    expect(parseFault('10s poison Inventory customer-7')).toMatch(/key=<key> or type=/);
    expect(parseFault('10s upgrade Inventory')).toMatch(/upgrade needs <service> schema=<Name:vN>/);
    expect(parseFault('10s upgrade Inventory version=2')).toMatch(/upgrade takes schema=<Name:vN> or reader.schema=<Name:vN>, not 'version=2'/);
  });

  it('read an upgrade in the object form of the API', () => {
    expect(toFault({ at: '20s', upgrade: 'OrderService', schema: 'OrderPlacedEvent:v2' })).toEqual({ at: 20_000_000, action: 'upgrade', target: 'OrderService', schema: 'OrderPlacedEvent:v2' });
    expect(toFault({ at: '20s', upgrade: 'Inventory', 'reader.schema': 'OrderPlacedEvent:v2' })).toEqual({ at: 20_000_000, action: 'upgrade', target: 'Inventory', reader: 'OrderPlacedEvent:v2' });
  });
});

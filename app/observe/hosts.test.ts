import { describe, expect, it } from 'vitest';
import type { MessageLife } from '../../engine/index.ts';
import { hostsOfLife, nodeOfHost, nodesOfLives } from './hosts.ts';

const nodes = new Set(['Client', 'Orders', 'Kafka', 'Inventory', 'Shop/2']);

const life = (over: Partial<MessageLife>): MessageLife => ({
  id: 1, key: 'k', type: 'E', partition: 'p-0', offset: 0, correlation: 1, causation: 1, causedByMessage: false, producedAt: 0,
  replicatedAt: [], deliveredAt: [], processedAt: [], committedAt: [], lost: false, failed: false, traceIncomplete: false, ...over,
});

describe('hosts', () => {
  it('finds the drawing node behind a broker, an instance or an implicit client', () => {
    expect(nodeOfHost('Kafka/2', nodes)).toBe('Kafka');
    expect(nodeOfHost('Kafka/controller', nodes)).toBe('Kafka');
    expect(nodeOfHost('Orders/3', nodes)).toBe('Orders');
    expect(nodeOfHost('Orders·users', nodes)).toBe('Orders');
    expect(nodeOfHost('Shop/2', nodes)).toBe('Shop/2'); // a node whose id has a slash is itself
    expect(nodeOfHost('kafka/1', nodes)).toBeNull();
  });

  it('lists the hosts a life touched once each, and their nodes', () => {
    const l = life({
      origin: { node: 'Client', request: 1, startAt: 0, endAt: 1, ok: true },
      producer: 'Orders', leader: 'Kafka/1', replicatedAt: [{ broker: 'Kafka/2', at: 1 }],
      deliveredAt: [{ group: 'Inventory', at: 2, node: 'Inventory' }], processedAt: [{ group: 'Inventory', at: 3, node: 'Inventory' }],
    });
    expect(hostsOfLife(l)).toEqual(['Client', 'Orders', 'Kafka/1', 'Kafka/2', 'Inventory']);
    expect(nodesOfLives([l], nodes)).toEqual(['Client', 'Orders', 'Kafka', 'Inventory']);
  });
});

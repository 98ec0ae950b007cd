import { describe, expect, it } from 'vitest';
import { advance, createSession, frameOf, inject, type Session } from '../../engine/index.ts';
import { frameIndex, hostNode, isCut } from './frameIndex.ts';

const text = `graph LR
  Orders[Order Service] -->|publish| Kafka[Kafka: orders]
  Kafka --> Billing[Billing Service]
  Kafka --> Audit[Audit Service]
  %% @config orders partitions=3 replication.factor=3
  %% @config Billing instances=2
`;

function running(): Session {
  const s = createSession(text, { seed: 3 });
  if ('errors' in s) throw new Error('the fixture should parse');
  advance(s, 2_000_000);
  return s;
}

describe('frameIndex', () => {
  it('finds each node’s slice and the partitions of each topic in order', () => {
    const index = frameIndex(frameOf(running()));
    expect(index.nodes['Billing']).toMatchObject({ type: 'service', up: 2, of: 2 });
    expect(index.clusters.find((c) => c.node === 'Kafka')!.brokers).toHaveLength(3);
    expect(index.topics.get('orders')!.map((p) => p.index)).toEqual([0, 1, 2]);
  });

  it('is built once per frame', () => {
    const frame = frameOf(running());
    expect(frameIndex(frame)).toBe(frameIndex(frame));
  });

  it('tells a node with some hosts down from one with all down', () => {
    const s = running();
    inject(s, 'crash Kafka/2');
    inject(s, 'crash Billing/1');
    inject(s, 'crash Audit');
    const index = frameIndex(frameOf(s));
    expect([...index.partlyDown].sort()).toEqual(['Audit', 'Billing', 'Kafka']);
    expect([...index.down]).toEqual(['Audit']);
  });

  it('marks links severed by a cut both ways, and across the sides of a split', () => {
    const s = running();
    inject(s, 'cut Orders Kafka');
    const frame = frameOf(s);
    expect(isCut(frame, 'Orders', 'Kafka')).toBe(true);
    expect(isCut(frame, 'Kafka', 'Orders')).toBe(true);
    expect(isCut(frame, 'Kafka', 'Billing')).toBe(false);
    inject(s, 'heal');
    inject(s, 'partition Billing | Kafka/1,Kafka/2,Kafka/3');
    const split = frameOf(s);
    expect(isCut(split, 'Kafka', 'Billing')).toBe(true);
    expect(isCut(split, 'Orders', 'Kafka')).toBe(false); // on no side: reaches everyone
  });
});

describe('hostNode', () => {
  it('strips the broker or instance from a host name', () => {
    expect(hostNode('Kafka/2')).toBe('Kafka');
    expect(hostNode('Kafka/controller')).toBe('Kafka');
    expect(hostNode('Billing')).toBe('Billing');
  });
});

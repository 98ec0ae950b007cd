import { describe, expect, it } from 'vitest';
import { advance, createSession, frameOf, parseTopology, type Topology } from '../../engine/index.ts';
import { faultTargets, linkEnd } from './targets.ts';

const text = `graph LR
  Orders[Order Service] -->|publish| Kafka[Kafka: orders]
  Kafka --> Billing
  Note[Remember the outbox]:::note
  %% @config Kafka brokers=2
  %% @config orders partitions=2
`;

describe('faultTargets', () => {
  const topology = (parseTopology(text) as { topology: Topology }).topology;

  it('names simulated nodes, every broker, the active controller and each controller voter (three by default), skipping notes', () => {
    expect(faultTargets(topology, null)).toEqual(['Orders', 'Kafka', 'Kafka/1', 'Kafka/2', 'Kafka/controller', 'Kafka/controller-1', 'Kafka/controller-2', 'Kafka/controller-3', 'Billing']);
  });

  it('names as many controller voters as controllers= asks, before and during a run', () => {
    const five = text.replace('brokers=2', 'brokers=2 controllers=5');
    const t = (parseTopology(five) as { topology: Topology }).topology;
    expect(faultTargets(t, null).filter((n) => n.startsWith('Kafka/controller-'))).toHaveLength(5);
    const s = createSession(five, { seed: 1 });
    if ('errors' in s) throw new Error('fixture should parse');
    advance(s, 1_000_000);
    expect(faultTargets(t, frameOf(s))).toContain('Kafka/controller-5');
  });

  it('adds the leader of each partition while a run is on', () => {
    const s = createSession(text, { seed: 1 });
    if ('errors' in s) throw new Error('fixture should parse');
    advance(s, 1_000_000);
    expect(faultTargets(topology, frameOf(s))).toContain('leader:orders/1');
  });
});

describe('linkEnd', () => {
  it('stands a topic node for the Kafka node that hosts it', () => {
    const drawn = `graph LR
  Orders -->|publish| T[orders]:::topic
  T --- Kafka[Kafka]
  T --> Billing
  Note[x]:::note
`;
    const topology = (parseTopology(drawn) as { topology: Topology }).topology;
    const s = createSession(drawn, { seed: 1 });
    if ('errors' in s) throw new Error('fixture should parse');
    const frame = frameOf(s);
    expect(linkEnd(topology, frame, 'Orders')).toBe('Orders');
    expect(linkEnd(topology, frame, 'T')).toBe('Kafka');
    expect(linkEnd(topology, null, 'T')).toBeNull();
    expect(linkEnd(topology, frame, 'Note')).toBeNull();
  });
});

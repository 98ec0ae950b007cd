import { describe, expect, it } from 'vitest';
import { parseTopology, type Topology } from '../../engine/index.ts';
import { structureOf } from './structure.ts';

const parse = (text: string): Topology => {
  const r = parseTopology(text);
  if (!r.ok) throw new Error('fixture should parse');
  return r.topology;
};

const base = `graph LR
  Orders[Order Service] -->|publish| Kafka[Kafka: orders]
  Kafka --> Billing
  %% @config Orders acks=1
`;

describe('structureOf', () => {
  it('ignores settings, labels and styles', () => {
    const changed = base.replace('acks=1', 'acks=all').replace('Order Service', 'Orders API') + '  style Billing fill:#faa\n';
    expect(structureOf(parse(changed))).toBe(structureOf(parse(base)));
  });

  it('sees a new node, a new edge, a changed kind or a new topic', () => {
    const sig = structureOf(parse(base));
    expect(structureOf(parse(base + '  Kafka --> Audit\n'))).not.toBe(sig);
    expect(structureOf(parse(base.replace('Kafka --> Billing', 'Orders --> Billing')))).not.toBe(sig);
    expect(structureOf(parse(base.replace('Kafka: orders', 'Kafka: orders, payments')))).not.toBe(sig);
    expect(structureOf(parse(base + '  class Billing database\n'))).not.toBe(sig);
  });
});

import { describe, expect, it } from 'vitest';
import { parseTopology } from '../../../engine/index.ts';
import { momentsOf } from './moments.ts';

const moments = (text: string, id: string) => {
  const t = parseTopology(text).topology;
  return momentsOf(t, t.nodes.find((n) => n.id === id)!);
};

describe('the unlucky moments a node offers to crash in', () => {
  const dual = `graph LR
  Orders[Order Service] -->|INSERT order| DB[(Orders DB)]
  Orders -->|OrderCreated| Kafka[Kafka Broker: orders]
  Kafka -->|subscribe| Billing[Billing Service]
  Billing -->|INSERT payment| BDB[(Billing DB)]
`;

  it('a service that writes its database and publishes has a dual write, and consumes nothing', () => {
    expect(moments(dual, 'Orders')).toEqual({ consumes: false, dualWrite: true, relay: false, rebuild: false });
  });

  it('a consumer that writes its database only consumes: one write, no publish', () => {
    expect(moments(dual, 'Billing')).toEqual({ consumes: true, dualWrite: false, relay: false, rebuild: false });
  });

  it('with an outbox the service writes once, and the relay has the moment between publish and mark', () => {
    const outbox = `graph LR
  Orders[Order Service] -->|INSERT order| DB[(Orders DB)]
  DB -->|outbox| Relay[Outbox Relay]
  Relay -->|OrderCreatedEvent| Kafka[Kafka Broker: orders]
`;
    expect(moments(outbox, 'Orders').dualWrite).toBe(false);
    expect(moments(outbox, 'Relay').relay).toBe(true);
  });

  it("an event store's projection and its read models can be rebuilt; a topic's consumer cannot", () => {
    const cqrs = `graph LR
  CMD[Command Handler] -->|OrderPlaced| ES[(Event Store)]
  ES -->|Publish| PROJ[Projection Engine]
  PROJ --> RM[Read Model]
  K[Kafka: orders] -->|subscribe| RS[Read Side - Query Model]
`;
    expect(moments(cqrs, 'PROJ').rebuild).toBe(true);
    expect(moments(cqrs, 'RM').rebuild).toBe(true);
    expect(moments(cqrs, 'RS').rebuild).toBe(false);
    expect(moments(cqrs, 'CMD').rebuild).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { FAMILIES } from '../components.ts';
import { NODE_KINDS } from '../topology/kinds.ts';
import { parseTopology } from '../topology/parse.ts';
import { TARGET_SCOPES } from './schema.ts';
import { readTarget } from './targets.ts';

const t = parseTopology(
  [
    'graph LR',
    '  Orders[Order Service] --> Kafka[Kafka Broker: orders-topic]',
    '  Kafka --> Billing[Billing Service]',
    '  Client[Checkout Client]:::client --> Orders',
    '  subgraph T [Topic: payments]',
    '    P0[Partition 0]',
    '  end',
    '  %% @config Billing dlq=billing-dlq',
  ].join('\n'),
).topology;

describe('readTarget', () => {
  it('reads nodes by id and topics by any name the resolver knows them by', () => {
    expect(readTarget('Orders', t)).toEqual({ what: 'Orders (a service)', scopes: TARGET_SCOPES.service });
    expect(readTarget('Client', t)).toEqual({ what: 'Client (a client)', scopes: ['service'] });
    expect(readTarget('Kafka', t)).toEqual({ what: 'Kafka (a kafka)', scopes: ['cluster', 'topic'] });
    expect(readTarget('orders-topic', t)).toEqual({ what: 'topic orders-topic', scopes: ['topic'] });
    expect(readTarget('payments', t)).toEqual({ what: 'topic payments', scopes: ['topic'] });
    expect(readTarget('T', t)).toEqual({ what: 'topic T', scopes: ['topic'] });
    expect(readTarget('billing-dlq', t)).toEqual({ what: 'topic billing-dlq', scopes: ['topic'] });
    expect(readTarget('Nobody', t)).toBeUndefined();
  });

  it('gives a service the scopes every family opens clients with, so the parser and the resolver agree', () => {
    const clientScopes = FAMILIES.flatMap((f) => f.clientScopes ?? []);
    // A kind may read settings of its own besides (an outbox relay: engine/outbox/; a projection: engine/eventstore/; a saga orchestrator: engine/sagas/).
    const own: Partial<Record<string, string[]>> = { outbox: ['relay'], projection: ['projection'], saga: ['saga'] };
    for (const k of NODE_KINDS.filter((k) => k.role === 'service')) expect(TARGET_SCOPES[k.kind], k.kind).toEqual(['service', ...clientScopes, ...(own[k.kind] ?? [])]);
  });

  it('has an entry for every simulated kind that takes settings, and none for a drawn-only kind', () => {
    for (const k of NODE_KINDS) {
      if (k.family === null) expect(TARGET_SCOPES[k.kind], k.kind).toBeUndefined();
      else if (k.kind !== 'partition') expect(TARGET_SCOPES[k.kind], k.kind).toBeDefined();
    }
  });
});

import { describe, expect, it } from 'vitest';
import { parseTopology } from '../../engine/index.ts';
import { entryRows, startedRows } from './entries.ts';

const t = parseTopology(`graph LR
  subgraph Legacy
    OrderSync[Order Service] -->|POST| Notify[Notification Service]
  end
  subgraph Target
    OrderAsync[Order Service] -->|OrderCreatedEvent| K[Kafka: orders]
  end
  Client[Checkout Client] --> Shop[Shop]
`).topology;

describe('entryRows', () => {
  it('names each entry after its node, by id where two share a label, and says how checkouts enter', () => {
    const rows = entryRows(
      [
        { node: 'Client', kind: 'client', ok: 5, failed: 0 },
        { node: 'OrderSync', kind: 'users', ok: 94, failed: 309 },
        { node: 'OrderAsync', kind: 'events', ok: 435, failed: 0 },
      ],
      t,
    );
    expect(rows.map((r) => [r.name, r.long])).toEqual([
      ['Checkout Client', 'Checkout Client'],
      ['OrderSync', 'users of OrderSync'],
      ['OrderAsync', 'events of OrderAsync'],
    ]);
  });

  it('falls back to the id without a topology; the started ones are those with a checkout', () => {
    const rows = entryRows([{ node: 'OrderSync', kind: 'users', ok: 0, failed: 0 }, { node: 'OrderAsync', kind: 'events', ok: 1, failed: 0 }], null);
    expect(rows.map((r) => r.long)).toEqual(['users of OrderSync', 'events of OrderAsync']);
    expect(startedRows(rows).map((r) => r.long)).toEqual(['events of OrderAsync']);
  });

  it('uses the label when it is the only entry with it', () => {
    expect(entryRows([{ node: 'OrderSync', kind: 'users', ok: 1, failed: 1 }], t)[0]!.long).toBe('users of Order Service');
  });

  it('names a client with a command and a query edge once per edge, by where it sends', () => {
    const cqrs = parseTopology(`graph LR
  Client -->|Command| WS[Write Side]
  WS --> EB[Event Bus - Kafka]
  EB --> RS[Read Side]
  Client -->|Query| RS
`).topology;
    const rows = entryRows([
      { node: 'Client', to: 'WS', kind: 'client', ok: 3, failed: 0 },
      { node: 'Client', to: 'RS', kind: 'client', ok: 2, failed: 1 },
    ], cqrs);
    expect(rows.map((r) => [r.name, r.long])).toEqual([
      ['Client → Write Side', 'Client → Write Side'],
      ['Client → Read Side', 'Client → Read Side'],
    ]);
  });
});

/**
 * Seed 003's CQRS diagram, exactly as the seed draws it (also app/examples/cqrs-read-models.mmd), runs as the
 * pattern: the client's commands go through the command handler and the aggregate into the event store, the
 * projection engine reads the store and keeps three read models, and the client reads them back.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { typeOf } from '../history/messages.ts';
import { parseTopology } from '../topology/parse.ts';
import { TestSim } from '../testing/testSim.ts';
import { eventSourcingFacts } from './facts.ts';

const SEED = `flowchart TD
CLIENT["Client Application"]
subgraph WRITE["Write Side (Commands)"]
CMD["Command Handler"]
AGG["Domain Aggregate"]
ES["Event Store"]
end
subgraph READ["Read Side (Queries)"]
PROJ["Projection Engine"]
RM1["Read Model A
(SQL - List View)"]
RM2["Read Model B
(Elasticsearch - Search)"]
RM3["Read Model C
(Redis - Dashboard)"]
end
CLIENT -->|"PlaceOrder"| CMD
CMD --> AGG
AGG -->|"OrderPlaced"| ES
ES -->|"Publish"| PROJ
PROJ --> RM1
PROJ --> RM2
PROJ --> RM3
CLIENT -->|"GetOrders"| RM1
CLIENT -->|"SearchOrders"| RM2
CLIENT -->|"GetMetrics"| RM3
style CMD fill:#e8f4f4,stroke:#3B9797,color:#132440
style AGG fill:#e8f4f4,stroke:#3B9797,color:#132440
style ES fill:#e8f4f4,stroke:#3B9797,color:#132440
style PROJ fill:#f0f4f8,stroke:#16476A,color:#132440
style RM1 fill:#f0f4f8,stroke:#16476A,color:#132440
style RM2 fill:#f0f4f8,stroke:#16476A,color:#132440
style RM3 fill:#f0f4f8,stroke:#16476A,color:#132440
`;

describe("seed 003's CQRS diagram", () => {
  it('is the example the app offers, unchanged', () => {
    expect(readFileSync('app/examples/cqrs-read-models.mmd', 'utf8').trim()).toBe(SEED.trim());
  });

  it('reads as an event store, a projection engine and three read models', () => {
    const t = parseTopology(SEED).topology;
    const kind = (id: string) => t.nodes.find((n) => n.id === id)!.kind;
    expect(kind('ES')).toBe('eventstore');
    expect(['PROJ', 'RM1', 'RM2', 'RM3'].map(kind)).toEqual(['projection', 'projection', 'projection', 'projection']);
  });

  it('runs as the pattern: every node takes part', () => {
    const s = TestSim.of(SEED, { seed: 1 }).until('10s');
    const apps = s.w.parts.apps;
    const p = s.w.parts.eventstore;
    // CLIENT's PlaceOrder commands pass CMD and AGG, which appends OrderPlaced to ES.
    const svc = (node: string) => apps.services.find((x) => x.node === node)!;
    expect(apps.clients.find((c) => c.node === 'CLIENT')!.ok).toBeGreaterThan(50);
    expect(svc('CMD').stats.ok).toBeGreaterThan(50);
    expect(svc('AGG').stats.ok).toBeGreaterThan(50);
    const es = p.stores[0]!;
    expect(es.node).toBe('ES');
    expect(es.log.length).toBe(svc('AGG').stats.ok);
    expect(new Set(es.log.map((id) => s.w.messages.types[typeOf(s.w.messages, id)]))).toEqual(new Set(['OrderPlaced']));
    // PROJ reads ES and keeps RM1, RM2 and RM3, which hold every event once.
    expect(p.engines.map((e) => e.node)).toEqual(['PROJ']);
    expect(p.engines[0]!.stats.applied).toBeGreaterThan(50);
    expect(p.readModels.map((m) => m.node)).toEqual(['RM1', 'RM2', 'RM3']);
    for (const rm of p.readModels) expect([...rm.rows.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(50);
    // CLIENT reads each read model back after its writes (GetOrders, SearchOrders, GetMetrics).
    expect(p.readers.map((r) => `${r.client}>${p.readModels[r.readModel]!.node}`)).toEqual(['CLIENT>RM1', 'CLIENT>RM2', 'CLIENT>RM3']);
    expect(eventSourcingFacts(s.w).reads).toBeGreaterThan(150);
    // Nothing in the run says a node is not simulated.
    expect(s.sim.diagnostics.filter((d) => /not simulated|nothing to simulate/i.test(d.message))).toEqual([]);
  });
});

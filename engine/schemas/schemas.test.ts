/**
 * Schemas in a run: the registry refusing an incompatible registration (the producer's sends fail, traced and
 * counted), accepting a compatible one, consumers failing on events they cannot deserialize when no registry (or
 * NONE) stands between, and a registry that is down (cached ids keep working, registrations fail).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { describeEntry } from '../live/queries.ts';
import { entries } from '../history/trace.ts';
import { createSimulation } from '../simulation.ts';
import { parseTopology } from '../topology/parse.ts';
import type { World } from '../world.ts';
import { loadSchemaSupport } from './avro.ts';
import { schemaFailures } from './family.ts';

beforeAll(() => loadSchemaSupport());

/** The seed's OrderPlacedEvent (seed 000 §7), pasted as written, one `%%` per line. */
const V1 = `%% @schema OrderPlacedEvent v1 avro
%% {
%% "type": "record",
%% "name": "OrderPlacedEvent",
%% "namespace": "com.mpc.commerce.orders",
%% "fields": [
%% { "name": "eventId", "type": "string" },
%% { "name": "orderId", "type": "string" },
%% { "name": "customerId", "type": "string" },
%% { "name": "amount", "type": "double" },
%% { "name": "timestamp", "type": "long" }
%% ]
%% }`;

const fields = (...extra: string[]) =>
  ['{ "name": "eventId", "type": "string" }', '{ "name": "orderId", "type": "string" }', '{ "name": "customerId", "type": "string" }', '{ "name": "timestamp", "type": "long" }', ...extra].join(', ');
const v2 = (...extra: string[]) => `%% @schema OrderPlacedEvent v2 avro { "type": "record", "name": "OrderPlacedEvent", "namespace": "com.mpc.commerce.orders", "fields": [ ${fields(...extra)} ] }`;
const AMOUNT = '{ "name": "amount", "type": "double" }';

const topology = (schemas: string, settings: string, registry = true) => `graph TD
OrderService[Order Service] -->|Publish| KafkaTopic[orders.v1 Topic]
KafkaTopic -->|Subscribe| InventoryService[Inventory Service]
KafkaTopic -->|Subscribe| NotificationService[Notification Service]
${registry ? 'OrderService --> SR[Schema Registry]' : ''}
${V1}
${schemas}
%% @config OrderService schema=OrderPlacedEvent:v2 rate=20/s
%% @config InventoryService schema=OrderPlacedEvent:v1
${settings}
`;

function run(text: string, seconds = 5, faults: string[] = []) {
  const parsed = parseTopology(text);
  expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const sim = createSimulation(parsed.topology, { seed: 3, faults });
  expect(sim.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  sim.run(seconds * 1_000_000);
  return sim;
}

const log = (w: World, kind: string) =>
  entries(w.trace)
    .map((e) => describeEntry(w, e))
    .filter((d) => d.kind === kind)
    .map((d) => d.text);

describe('a schema registry', () => {
  it('refuses an incompatible registration: v2 adds a field without a default under BACKWARD, and every send fails', () => {
    const sim = run(topology(v2(AMOUNT, '{ "name": "currency", "type": "string" }'), ''));
    const w = sim.world;
    const f = schemaFailures(w);
    expect(f.refusedIncompatible).toBeGreaterThan(50);
    expect(f.refusedIds.length).toBe(f.refusedIncompatible);
    const m = sim.metrics();
    expect(m.sendFailed).toBe(f.refusedIncompatible);
    expect(m.produced).toBe(0);
    expect(m.processed).toBe(0);
    expect(w.parts.schemas.registry!.subjects.get('orders.v1-value')!.map((v) => v.version)).toEqual([1]);
    expect(log(w, 'schemaRefused')[0]).toMatch(/^OrderService: sending message #\d+ failed: the registry refused OrderPlacedEvent v2 as incompatible$/);
  });

  it('registers a compatible version (the field has a default) and its events are read by v1 and v2 readers alike', () => {
    const sim = run(topology(v2(AMOUNT, '{ "name": "currency", "type": "string", "default": "EUR" }'), ''));
    const w = sim.world;
    expect(schemaFailures(w)).toMatchObject({ refusedIncompatible: 0, refusedUnavailable: 0, unreadable: [] });
    expect(w.parts.schemas.registry!.subjects.get('orders.v1-value')!.map((v) => [v.version, v.id])).toEqual([[1, 1], [2, 2]]);
    expect(log(w, 'schemaRegistered')).toEqual(['SR registered OrderPlacedEvent v2 as version 2 (id 2)']);
    expect(sim.metrics().processed).toBeGreaterThan(60);
  });

  it('under FORWARD, refuses a version that removes a field old readers need', () => {
    const sim = run(topology(v2(), '%% @config SR compatibility=FORWARD'));
    expect(schemaFailures(sim.world).refusedIncompatible).toBeGreaterThan(0);
    const back = run(topology(v2(), '%% @config SR compatibility=BACKWARD'));
    expect(schemaFailures(back.world).refusedIncompatible).toBe(0);
  });

  it('down: a producer with the id cached keeps sending; one that restarted cannot register and its sends fail', () => {
    const sim = run(topology(v2(AMOUNT, '{ "name": "currency", "type": "string", "default": "EUR" }'), ''), 8, ['2s crash SR', '3s crash OrderService', '4s restart OrderService', '6s restart SR']);
    const f = schemaFailures(sim.world);
    expect(f.refusedIncompatible).toBe(0);
    expect(f.refusedUnavailable).toBeGreaterThan(20);
    const refused = log(sim.world, 'schemaRefused');
    expect(refused[0]).toMatch(/schema registry unavailable, and OrderPlacedEvent v2 has no cached id/);
    // Before the producer's crash its cached id carried it through the registry's outage; after 6s it registers again.
    const byTime = entries(sim.world.trace).filter((e) => describeEntry(sim.world, e).kind === 'schemaRefused').map((e) => e.time);
    expect(Math.min(...byTime)).toBeGreaterThanOrEqual(4_000_000);
    expect(Math.max(...byTime)).toBeLessThan(6_000_000);
    expect(log(sim.world, 'schemaRegistered').length).toBe(2);
  });
});

describe('without a registry', () => {
  const removed = (settings = '', registry = false) => run(topology(v2(), settings, registry), 5);

  it('an event the consumer cannot deserialize fails as poison, is counted with its id, and does not reach processing', () => {
    const sim = removed('%% @config InventoryService retry=1 dlq=orders-dlq');
    const w = sim.world;
    const f = schemaFailures(w);
    expect(f.refusedIncompatible + f.refusedUnavailable).toBe(0);
    expect(f.unreadable.length).toBeGreaterThan(30);
    // The v1 reader needs `amount`, which v2 removed and v1 gives no default: every event goes to the DLQ.
    expect(sim.metrics().deadLettered).toBe(f.unreadable.length);
    expect(log(w, 'schemaUnreadable')[0]).toMatch(/^InventoryService could not deserialize message #\d+: written with OrderPlacedEvent v2, read with OrderPlacedEvent v1$/);
    // NotificationService declares no reader schema: it reads with the writer's and processes every event.
    const processed = (node: string) => w.parts.apps.readers.filter((r) => w.parts.apps.services[r.service]!.node === node).reduce((n, r) => n + r.processed, 0);
    expect(processed('NotificationService')).toBe(f.unreadable.length);
    expect(processed('InventoryService')).toBe(0);
  });

  it('with retry=-1 (the default) the first unreadable event blocks its partition, failing again and again', () => {
    const sim = removed();
    const f = schemaFailures(sim.world);
    expect(f.unreadable.length).toBe(1);
    expect(log(sim.world, 'schemaUnreadable').length).toBeGreaterThan(10);
  });

  it('a registry in NONE mode lets the same change through, and consumers fail the same way', () => {
    const sim = removed('%% @config SR compatibility=NONE\n%% @config InventoryService retry=1 dlq=orders-dlq', true);
    const f = schemaFailures(sim.world);
    expect(f.refusedIncompatible).toBe(0);
    expect(f.unreadable.length).toBeGreaterThan(30);
  });
});

describe('schemas as Avro', () => {
  it('a schema that is JSON but not Avro is an error at its directive, and a service naming an undeclared one a warning', () => {
    const text = `graph LR
  Orders --> K[Kafka: orders]
  %% @schema Bad v1 avro { "type": "record", "name": "Bad", "fields": [{ "name": "n", "type": "integer" }] }
  %% @config Orders schema=Missing:v4
`;
    const sim = createSimulation(parseTopology(text).topology, { seed: 1 });
    expect(sim.diagnostics.map((d) => [d.severity, d.line, d.column, d.message])).toEqual([
      ['error', 3, 3, "schema 'Bad' v1 is not a valid Avro schema: undefined type name: integer"],
      ['warning', 4, 3, "Orders schema=Missing:v4: no schema declared by that name and version (write '%% @schema Missing v4 avro { ... }')"],
    ]);
  });
});

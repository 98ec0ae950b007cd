/**
 * Rolling upgrades in a run (`upgrade <service> schema=...`), on the order of upgrading clients in Confluent's Schema
 * Evolution and Compatibility: under BACKWARD upgrade consumers first, under FORWARD producers first, under FULL
 * either. Each mode is run in its safe order (no unreadable event, no refused send) and its unsafe one (the old
 * reader meets events it cannot read, each counted with its id; or the registry refuses the producer).
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

const F = {
  eventId: '{ "name": "eventId", "type": "string" }',
  orderId: '{ "name": "orderId", "type": "string" }',
  amount: '{ "name": "amount", "type": "double" }',
  currency: '{ "name": "currency", "type": "string" }',
  currencyEUR: '{ "name": "currency", "type": "string", "default": "EUR" }',
};
const schema = (version: number, ...fields: string[]) =>
  `%% @schema OrderPlacedEvent v${version} avro { "type": "record", "name": "OrderPlacedEvent", "namespace": "com.mpc.commerce.orders", "fields": [ ${fields.join(', ')} ] }`;
const V1 = schema(1, F.eventId, F.orderId, F.amount);
/** BACKWARD only: a field removed that had no default (new readers ignore it, old readers need it). */
const REMOVED = schema(2, F.eventId, F.orderId);
/** FORWARD only: a field added without a default (old readers skip it, new readers have nothing to fill it with). */
const ADDED = schema(2, F.eventId, F.orderId, F.amount, F.currency);
/** FULL: a field added with a default. */
const ADDED_DEFAULT = schema(2, F.eventId, F.orderId, F.amount, F.currencyEUR);

const topology = (mode: string, v2: string) => `graph TD
OrderService[Order Service] -->|Publish| KafkaTopic[orders.v1 Topic]
KafkaTopic -->|Subscribe| InventoryService[Inventory Service]
OrderService --> SR[Schema Registry]
${V1}
${v2}
%% @config SR compatibility=${mode}
%% @config OrderService schema=OrderPlacedEvent:v1 rate=20/s
%% @config InventoryService schema=OrderPlacedEvent:v1 retry=1 dlq=orders-dlq
`;
const CONSUMERS_FIRST = ['5s upgrade InventoryService schema=OrderPlacedEvent:v2', '9s upgrade OrderService schema=OrderPlacedEvent:v2'];
const PRODUCERS_FIRST = ['5s upgrade OrderService schema=OrderPlacedEvent:v2', '9s upgrade InventoryService schema=OrderPlacedEvent:v2'];

function run(text: string, faults: string[], seconds = 14) {
  const parsed = parseTopology(text);
  expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const sim = createSimulation(parsed.topology, { seed: 5, faults });
  expect(sim.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  sim.run(seconds * 1_000_000);
  return sim;
}
/** The trace entries of one kind, as the event log words them, with their times. */
const log = (w: World, kind: string) =>
  entries(w.trace)
    .map((e) => ({ time: e.time, d: describeEntry(w, e) }))
    .filter((x) => x.d.kind === kind)
    .map((x) => ({ time: x.time, text: x.d.text }));
const processedBy = (w: World, node: string) =>
  w.parts.apps.readers.filter((r) => w.parts.apps.services[r.service]!.node === node).reduce((n, r) => n + r.processed, 0);
/** The index of OrderPlacedEvent vN among the declared schemas. */
const defOf = (w: World, version: number) => w.parts.schemas.defs.findIndex((d) => d.version === version);

/** A safe order: nothing refused, nothing unreadable, v2 registered, and every order sent is processed. */
function expectSafe(text: string, faults: string[]) {
  const sim = run(text, faults);
  const w = sim.world;
  expect(schemaFailures(w)).toMatchObject({ refusedIncompatible: 0, refusedUnavailable: 0, unreadable: [] });
  expect(w.parts.schemas.registry!.subjects.get('orders.v1-value')!.map((v) => v.version)).toEqual([1, 2]);
  expect(sim.metrics().deadLettered).toBe(0);
  // Every order is processed: as many as in the same run with no upgrade at all.
  const unchanged = run(text, []);
  expect(processedBy(w, 'InventoryService')).toBeGreaterThan(200);
  expect(processedBy(w, 'InventoryService')).toBe(processedBy(unchanged.world, 'InventoryService'));
  expect(w.faults.applied.map((a) => a.ok)).toEqual([true, true]);
}

describe('upgrade, the fault', () => {
  it('says what it did, and the producer registers the new version on its next send after it', () => {
    const sim = run(topology('BACKWARD', REMOVED), CONSUMERS_FIRST);
    const w = sim.world;
    expect(w.faults.applied.map((a) => a.note)).toEqual([
      'upgraded InventoryService: it reads with OrderPlacedEvent v2',
      'upgraded OrderService: it writes OrderPlacedEvent v2 (registered on its next send)',
    ]);
    const registered = log(w, 'schemaRegistered').filter((x) => x.text.includes('v2'));
    expect(registered.map((x) => x.text)).toEqual(['SR registered OrderPlacedEvent v2 as version 2 (id 2)']);
    expect(registered[0]!.time).toBeGreaterThanOrEqual(9_000_000);
    expect(registered[0]!.time).toBeLessThan(9_200_000);
  });

  it('refuses what it cannot do, saying why', () => {
    const sim = run(topology('BACKWARD', REMOVED), ['1s upgrade OrderService schema=OrderPlacedEvent:v7', '1s upgrade Nobody schema=OrderPlacedEvent:v2', '1s upgrade OrderService reader.schema=OrderPlacedEvent:v2'], 2);
    expect(sim.world.faults.applied.map((a) => [a.ok, a.note])).toEqual([
      [false, "no schema OrderPlacedEvent:v7 is declared: write it as Name:vN, declared with '%% @schema Name vN avro { ... }'"],
      [false, "nothing is named 'Nobody' that writes or reads events: upgrade a service"],
      [false, 'OrderService reads no events: its reader schema does not matter'],
    ]);
  });
});

describe('BACKWARD: upgrade consumers first', () => {
  it('consumers then producer (a field without a default removed): no unreadable event, no refused send', () => {
    expectSafe(topology('BACKWARD', REMOVED), CONSUMERS_FIRST);
  });

  it('producer first: the registry accepts v2, and the v1 reader fails every v2 event until it is upgraded', () => {
    const sim = run(topology('BACKWARD', REMOVED), PRODUCERS_FIRST);
    const w = sim.world;
    const f = schemaFailures(w);
    expect(f.refusedIncompatible).toBe(0);
    expect(f.unreadable.length).toBeGreaterThan(20);
    // Every unreadable id was written with v2; each went to the dead-letter topic; none failed after 9s.
    expect(f.unreadable.every((id) => w.parts.schemas.written.get(id) === defOf(w, 2))).toBe(true);
    expect(sim.metrics().deadLettered).toBe(f.unreadable.length);
    const failed = log(w, 'schemaUnreadable');
    expect(failed[0]!.text).toMatch(/^InventoryService could not deserialize message #\d+: written with OrderPlacedEvent v2, read with OrderPlacedEvent v1$/);
    expect(Math.min(...failed.map((x) => x.time))).toBeGreaterThanOrEqual(5_000_000);
    expect(Math.max(...failed.map((x) => x.time))).toBeLessThan(9_100_000);
  });
});

describe('FORWARD: upgrade producers first', () => {
  it('producer then consumers (a field without a default added): no unreadable event, no refused send', () => {
    expectSafe(topology('FORWARD', ADDED), PRODUCERS_FIRST);
  });

  it('consumers first: the v2 reader fails every v1 event (no default for the new field) until the producer is upgraded', () => {
    const sim = run(topology('FORWARD', ADDED), CONSUMERS_FIRST);
    const w = sim.world;
    const f = schemaFailures(w);
    expect(f.refusedIncompatible).toBe(0);
    expect(f.unreadable.length).toBeGreaterThan(20);
    expect(f.unreadable.every((id) => w.parts.schemas.written.get(id) === defOf(w, 1))).toBe(true);
    expect(sim.metrics().deadLettered).toBe(f.unreadable.length);
    const failed = log(w, 'schemaUnreadable');
    expect(failed[0]!.text).toMatch(/written with OrderPlacedEvent v1, read with OrderPlacedEvent v2$/);
    expect(Math.max(...failed.map((x) => x.time))).toBeLessThan(9_100_000);
  });

  it('the same change under BACKWARD is refused: the upgraded producer fails every send', () => {
    const sim = run(topology('BACKWARD', ADDED), PRODUCERS_FIRST);
    const f = schemaFailures(sim.world);
    expect(f.refusedIncompatible).toBeGreaterThan(50);
    expect(f.refusedIds.every((id) => id > 0)).toBe(true);
    expect(sim.world.parts.schemas.registry!.subjects.get('orders.v1-value')!.map((v) => v.version)).toEqual([1]);
    const refused = log(sim.world, 'schemaRefused');
    expect(Math.min(...refused.map((x) => x.time))).toBeGreaterThanOrEqual(5_000_000);
  });
});

describe('FULL: either order', () => {
  it('consumers first (a field with a default added): no unreadable event, no refused send', () => {
    expectSafe(topology('FULL', ADDED_DEFAULT), CONSUMERS_FIRST);
  });

  it('producer first: the same', () => {
    expectSafe(topology('FULL', ADDED_DEFAULT), PRODUCERS_FIRST);
  });

  it('a change that is only BACKWARD (a field removed) is refused in either order: no event is unreadable, the sends fail', () => {
    for (const order of [CONSUMERS_FIRST, PRODUCERS_FIRST]) {
      const sim = run(topology('FULL', REMOVED), order);
      const f = schemaFailures(sim.world);
      expect(f.refusedIncompatible).toBeGreaterThan(50);
      expect(f.unreadable).toEqual([]);
      expect(sim.metrics().sendFailed).toBe(f.refusedIncompatible);
    }
  });
});

describe('a release scheduled in the text (upgrade.to, upgrade.at)', () => {
  /** The two upgrades of `order` written as settings instead of faults. */
  const scheduled = (text: string, order: string[]) =>
    order.reduce((t, line) => {
      const [at, , node, setting] = line.split(' ') as [string, string, string, string];
      return t.replace(new RegExp(`(%% @config ${node} schema=OrderPlacedEvent:v1)`), `$1 upgrade.to=${setting.split('=')[1]} upgrade.at=${at}`);
    }, text);

  it('runs as the same upgrades given as faults, and the event log names each release', () => {
    for (const [mode, v2, order] of [['BACKWARD', REMOVED, PRODUCERS_FIRST], ['FORWARD', ADDED, CONSUMERS_FIRST]] as const) {
      const asFaults = run(topology(mode, v2), [...order]);
      const asText = run(scheduled(topology(mode, v2), [...order]), []);
      expect(asText.world.faults.applied).toEqual([]);
      expect(schemaFailures(asText.world), mode).toEqual(schemaFailures(asFaults.world));
      expect(schemaFailures(asText.world).unreadable.length, mode).toBeGreaterThan(20);
      expect(processedBy(asText.world, 'InventoryService')).toBe(processedBy(asFaults.world, 'InventoryService'));
      const releases = log(asText.world, 'schemaRelease');
      expect(releases.map((x) => [x.time, x.text])).toEqual(
        order.map((line) => {
          const node = line.split(' ')[2]!;
          return [Number.parseInt(line, 10) * 1_000_000, `${node}'s new release ${node === 'OrderService' ? 'writes' : 'reads with'} OrderPlacedEvent v2`];
        }),
      );
    }
  });

  it('names an undeclared schema at its line', () => {
    const parsed = parseTopology(topology('BACKWARD', REMOVED).replace('%% @config OrderService schema=OrderPlacedEvent:v1', '%% @config OrderService schema=OrderPlacedEvent:v1 upgrade.to=OrderPlacedEvent:v9 upgrade.at=5s'));
    const sim = createSimulation(parsed.topology, { seed: 5 });
    expect(sim.diagnostics.map((d) => [d.line, d.message])).toContainEqual([8, "OrderService upgrade.to=OrderPlacedEvent:v9: no schema declared by that name and version (write '%% @schema OrderPlacedEvent v9 avro { ... }')"]);
  });
});

describe('a world with schemas', () => {
  it('survives structuredClone, as the player snapshots it for time travel (no Avro type in the world)', () => {
    const sim = run(topology('BACKWARD', REMOVED), PRODUCERS_FIRST, 7);
    const copy = sim.snapshot();
    expect(copy.parts.schemas.schemas).toEqual(sim.world.parts.schemas.schemas);
    expect(copy.parts.schemas.unreadable).toEqual(sim.world.parts.schemas.unreadable);
  });
});

/**
 * AsyncAPI out and in (issue 16 §4): every example topology, the docs' topologies, the seed diagrams and the lessons'
 * starter and solution topologies export as documents the official AsyncAPI 3.1.0 JSON Schema accepts; importing
 * one draws the same nodes and edges; and export, import, export gives the same document.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toAsyncApi } from '../../engine/asyncapi/export.ts';
import { fromAsyncApi } from '../../engine/asyncapi/import.ts';
import { parseTopology } from '../../engine/index.ts';
import type { Topology } from '../../engine/index.ts';
import { validateAsyncApi } from './validate.ts';

const root = join(import.meta.dirname, '../..');
const dir = (d: string) => readdirSync(join(root, d)).filter((f) => f.endsWith('.mmd')).map((f) => join(d, f));
const lessons = readdirSync(join(root, 'lessons'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) => dir(`lessons/${d.name}`));
const corpus = [...dir('app/examples'), ...dir('docs/topologies'), ...dir('engine/topology/fixtures/seeds'), ...lessons];

/** The seed's orders.v1 topology with its Avro OrderPlacedEvent (seed 000 §7), a v2 beside it and a registry. */
const ORDERS_WITH_SCHEMA = `graph TD
OrderService[Order Service] -->|Publish| KafkaTopic[orders.v1 Topic]
KafkaTopic -->|Subscribe| InventoryService[Inventory Service]
KafkaTopic -->|Subscribe| NotificationService[Notification Service]
OrderService --> SR[Schema Registry]
%% @config orders.v1 partitions=6 replication.factor=3 min.insync.replicas=2
%% @config OrderService schema=OrderPlacedEvent:v2 rate=20/s
%% @config InventoryService schema=OrderPlacedEvent:v1
%% @schema OrderPlacedEvent v1 avro
%% { "type": "record", "name": "OrderPlacedEvent", "namespace": "com.mpc.commerce.orders",
%%   "fields": [ { "name": "eventId", "type": "string" }, { "name": "orderId", "type": "string" },
%%     { "name": "customerId", "type": "string" }, { "name": "amount", "type": "double" }, { "name": "timestamp", "type": "long" } ] }
%% @schema OrderPlacedEvent v2 avro { "type": "record", "name": "OrderPlacedEvent", "namespace": "com.mpc.commerce.orders", "fields": [ { "name": "eventId", "type": "string" }, { "name": "currency", "type": "string", "default": "EUR" } ] }
`;

const texts: [string, string][] = [...corpus.map((f): [string, string] => [f, readFileSync(join(root, f), 'utf8')]), ['orders.v1 with schemas', ORDERS_WITH_SCHEMA]];

/** The value at a path of keys in a document, for assertions. */
const dig = (v: unknown, ...keys: string[]): unknown => keys.reduce((o: unknown, k) => (o as Record<string, unknown> | undefined)?.[k], v);

const shape = (t: Topology) => ({
  nodes: t.nodes.map((n) => ({ id: n.id, label: n.label, kind: n.kind, group: n.group })),
  edges: t.edges.map((e) => ({ from: e.from, to: e.to, kind: e.kind, label: e.label, stroke: e.stroke, arrowEnd: e.arrowEnd })),
  groups: t.groups.map((g) => ({ id: g.id, title: g.title, parent: g.parent })),
  schemas: (t.schemas ?? []).map((s) => ({ name: s.name, version: s.version, json: s.json })),
});

describe('AsyncAPI export', () => {
  it.each(texts)('%s validates against the AsyncAPI 3.1.0 schema', async (_, text) => {
    const { doc } = toAsyncApi(parseTopology(text).topology, { title: 'Orders' });
    expect(await validateAsyncApi(doc, '3.1.0')).toEqual([]);
  });

  it('describes the Kafka cluster, the topic with its binding, each service operation and the Avro schemas', () => {
    const { doc } = toAsyncApi(parseTopology(ORDERS_WITH_SCHEMA).topology);
    expect(dig(doc, 'servers', 'Kafka')).toMatchObject({ protocol: 'kafka', bindings: { kafka: { schemaRegistryVendor: 'confluent' } } });
    expect(dig(doc, 'channels', 'orders.v1')).toMatchObject({ address: 'orders.v1', bindings: { kafka: { partitions: 6, replicas: 3, topicConfiguration: { 'min.insync.replicas': 2, 'cleanup.policy': ['delete'] } } } });
    expect(dig(doc, 'operations', 'OrderService.send.orders.v1')).toMatchObject({ action: 'send', messages: [{ $ref: '#/channels/orders.v1/messages/OrderPlacedEvent_v2' }] });
    // Inventory reads with v1, Notification (no schema of its own) with whatever is sent.
    expect(dig(doc, 'operations', 'InventoryService.receive.orders.v1', 'messages')).toEqual([{ $ref: '#/channels/orders.v1/messages/OrderPlacedEvent_v1' }]);
    expect(dig(doc, 'operations', 'NotificationService.receive.orders.v1', 'messages')).toEqual([{ $ref: '#/channels/orders.v1/messages/OrderPlacedEvent_v2' }]);
    expect(dig(doc, 'components', 'messages', 'OrderPlacedEvent_v1', 'payload')).toMatchObject({ schemaFormat: 'application/vnd.apache.avro;version=1.9.0', schema: { name: 'OrderPlacedEvent' } });
  });

  it('routes RabbitMQ messages from the exchange to the queues bound to it and their dead-letter exchange', () => {
    const text = readFileSync(join(root, 'docs/topologies/orders-rabbitmq.mmd'), 'utf8');
    const { doc } = toAsyncApi(parseTopology(text).topology);
    expect(dig(doc, 'servers', 'Rabbit')).toMatchObject({ protocol: 'amqp', protocolVersion: '0.9.1' });
    expect(dig(doc, 'channels', 'exchange.orders', 'bindings', 'amqp')).toMatchObject({ is: 'routingKey', exchange: { name: 'orders', type: 'topic' } });
    expect(dig(doc, 'operations', 'Orders.send.exchange.orders', 'bindings', 'amqp', 'cc')).toEqual(['order.eu.created']);
    for (const q of ['queue.billing', 'queue.audit', 'queue.billing-parked']) expect(Object.keys(dig(doc, 'channels', q, 'messages') as object)).toEqual(['OrderCreated']);
  });
});

describe('AsyncAPI import of an exported document', () => {
  it.each(texts)('%s: draws the same nodes and edges, and exports the same document again', (_, text) => {
    const before = parseTopology(text).topology;
    const first = toAsyncApi(before, { title: 'T' }).doc;
    // Through JSON, as a file would carry it.
    const back = fromAsyncApi(JSON.parse(JSON.stringify(first)));
    if (!back.ok) throw new Error(back.problem.message);
    expect(back.notes).toEqual([]);
    const after = parseTopology(back.text);
    expect(after.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(shape(after.topology)).toEqual(shape(before));
    expect(toAsyncApi(after.topology, { title: 'T' }).doc).toEqual(first);
  });
});

describe('AsyncAPI import of another tool\'s document', () => {
  it('gives a topology whose own export validates and comes back the same', async () => {
    const foreign = {
      asyncapi: '3.0.0',
      info: { title: 'Account Service', version: '1.0.0' },
      servers: { production: { host: 'broker.example.com:9092', protocol: 'kafka' } },
      channels: {
        'user/signedup': { address: 'user.signedup', messages: { UserSignedUp: { $ref: '#/components/messages/UserSignedUp' } }, bindings: { kafka: { partitions: 3 } } },
      },
      operations: {
        onUserSignedUp: { action: 'receive', channel: { $ref: '#/channels/user~1signedup' }, messages: [{ $ref: '#/channels/user~1signedup/messages/UserSignedUp' }] },
      },
      components: {
        messages: { UserSignedUp: { name: 'UserSignedUp', payload: { schemaFormat: 'application/vnd.apache.avro;version=1.9.0', schema: { type: 'record', name: 'UserSignedUp', fields: [{ name: 'id', type: 'string' }] } } } },
      },
    };
    expect(await validateAsyncApi(foreign, '3.0.0')).toEqual([]);
    const r = fromAsyncApi(foreign);
    if (!r.ok) throw new Error(r.problem.message);
    const first = toAsyncApi(parseTopology(r.text).topology, { title: r.title }).doc;
    expect(await validateAsyncApi(first, '3.1.0')).toEqual([]);
    expect(dig(first, 'channels', 'user.signedup', 'bindings', 'kafka', 'partitions')).toBe(3);
    const again = fromAsyncApi(first);
    if (!again.ok) throw new Error(again.problem.message);
    expect(again.text).toBe(r.text);
  });
});

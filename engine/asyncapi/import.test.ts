/**
 * Importing AsyncAPI documents EventLab did not write: the application becomes a service, servers brokers, channels
 * topics, exchanges and queues, operations publish and subscribe edges, Avro messages @schema directives; what
 * cannot be mapped is a note at its JSON pointer, and a document that is not AsyncAPI 3.x says why.
 */
import { describe, expect, it } from 'vitest';
import { resolve } from '../model/resolve.ts';
import { parseTopology } from '../topology/parse.ts';
import { fromAsyncApi } from './import.ts';

const AVRO = { type: 'record', name: 'UserSignedUp', fields: [{ name: 'userId', type: 'string' }] };

/** A Kafka application as the AsyncAPI 3.0 documentation writes one, with an MQTT server EventLab cannot map. */
const foreign = {
  asyncapi: '3.0.0',
  info: { title: 'Account Service', version: '1.0.0' },
  servers: {
    production: { host: 'broker.example.com:9092', protocol: 'kafka' },
    iot: { host: 'mqtt.example.com', protocol: 'mqtt' },
  },
  channels: {
    userSignedUp: {
      address: 'user.signedup',
      servers: [{ $ref: '#/servers/production' }],
      messages: { UserSignedUp: { $ref: '#/components/messages/UserSignedUp' } },
      bindings: { kafka: { partitions: 12, replicas: 3, topicConfiguration: { 'retention.ms': 86400000, 'max.message.bytes': 1048588 } } },
    },
    telemetry: { address: 'devices/telemetry', servers: [{ $ref: '#/servers/iot' }] },
    billing: { address: 'billing', bindings: { amqp: { is: 'queue', queue: { name: 'billing' } } } },
  },
  operations: {
    publishUserSignedUp: { action: 'send', channel: { $ref: '#/channels/userSignedUp' }, messages: [{ $ref: '#/channels/userSignedUp/messages/UserSignedUp' }] },
    readTelemetry: { action: 'receive', channel: { $ref: '#/channels/telemetry' } },
    consumeBilling: { action: 'receive', channel: { $ref: '#/channels/billing' } },
  },
  components: { messages: { UserSignedUp: { name: 'UserSignedUp', payload: { schemaFormat: 'application/vnd.apache.avro;version=1.9.0', schema: AVRO } } } },
};

describe('AsyncAPI import of another tool\'s document', () => {
  it('draws the application, its Kafka server and topic with its binding settings, its queue, and the Avro schema it sends', () => {
    const r = fromAsyncApi(foreign);
    if (!r.ok) throw new Error(r.problem.message);
    expect(r.title).toBe('Account Service');
    const parsed = parseTopology(r.text);
    expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const t = parsed.topology;
    expect(t.nodes.map((n) => [n.id, n.kind, n.label])).toEqual([
      ['Account_Service', 'service', 'Account Service'],
      ['production', 'kafka', 'Kafka production'],
      ['userSignedUp', 'topic', 'user.signedup'],
      ['billing', 'queue', 'Queue: billing'],
    ]);
    expect(t.edges.map((e) => `${e.from} ${e.kind} ${e.to} ${e.label ?? ''}`.trim())).toEqual([
      'production structure userSignedUp',
      'Account_Service publish userSignedUp UserSignedUp',
      'billing subscribe Account_Service',
    ]);
    expect(t.schemas?.map((s) => [s.name, s.version, s.json])).toEqual([['UserSignedUp', 1, AVRO]]);
    const { spec } = resolve(t);
    expect(spec.topics.map((x) => [x.name, x.config.partitions, x.config.replicationFactor, x.config.retentionUs])).toEqual([['user.signedup', 12, 3, 86_400_000_000]]);
    expect(t.nodes.find((n) => n.id === 'Account_Service')?.config['schema']).toBe('UserSignedUp:v1');
    expect(r.notes).toEqual([
      { pointer: '/servers/iot/protocol', message: expect.stringMatching(/^server 'iot' speaks mqtt; EventLab simulates Kafka and RabbitMQ/) },
      { pointer: '/channels/telemetry/servers', message: "channel 'telemetry' is only on servers EventLab left out, so it is left out too" },
      { pointer: '/operations/readTelemetry/channel', message: "operation 'readTelemetry' is on a channel EventLab did not draw, so it is left out" },
      { pointer: '/channels/userSignedUp/bindings/kafka/topicConfiguration/max.message.bytes', message: "EventLab does not simulate the topic setting 'max.message.bytes'" },
    ]);
  });

  it('maps a RabbitMQ application: an exchange it publishes to with a routing key, a queue it consumes, a consumer group and a reader schema', () => {
    const r = fromAsyncApi({
      asyncapi: '3.1.0',
      info: { title: 'Billing', version: '2.0.0' },
      servers: { rabbit: { host: 'rabbit:5672', protocol: 'amqp' }, kafka: { host: 'k:9092', protocol: 'kafka' } },
      channels: {
        'orders/exchange': { address: 'orders', servers: [{ $ref: '#/servers/rabbit' }], bindings: { amqp: { is: 'routingKey', exchange: { name: 'orders', type: 'topic' } } } },
        invoices: { address: 'invoices', servers: [{ $ref: '#/servers/rabbit' }], bindings: { amqp: { is: 'queue', queue: { name: 'invoices' } } } },
        payments: { address: 'payments', servers: [{ $ref: '#/servers/kafka' }], messages: { Paid: { $ref: '#/components/messages/Paid_v3' } } },
      },
      operations: {
        publish: { action: 'send', channel: { $ref: '#/channels/orders~1exchange' }, bindings: { amqp: { cc: ['order.eu.created'] } } },
        consume: { action: 'receive', channel: { $ref: '#/channels/invoices' } },
        paid: { action: 'receive', channel: { $ref: '#/channels/payments' }, messages: [{ $ref: '#/channels/payments/messages/Paid' }], bindings: { kafka: { groupId: { type: 'string', enum: ['billing-payments'] } } } },
      },
      components: { messages: { Paid_v3: { name: 'Paid', payload: { schemaFormat: 'application/vnd.apache.avro+json;version=1.9.0', schema: { type: 'record', name: 'Paid', fields: [] } } } } },
    });
    if (!r.ok) throw new Error(r.problem.message);
    expect(r.notes).toEqual([]);
    const { topology: t, diagnostics } = parseTopology(r.text);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(t.nodes.map((n) => `${n.id}:${n.kind}:${n.label}`)).toEqual([
      'Billing:service:Billing',
      'rabbit:rabbitmq:RabbitMQ rabbit',
      'kafka:kafka:Kafka kafka',
      'orders_exchange:exchange:Exchange: orders (topic)',
      'invoices:queue:Queue: invoices',
      'payments:topic:payments',
    ]);
    expect(t.edges.map((e) => `${e.from} ${e.kind} ${e.to} ${e.label ?? ''}`.trim())).toEqual([
      'kafka structure payments',
      'Billing publish orders_exchange order.eu.created',
      'invoices subscribe Billing',
      'payments subscribe Billing',
    ]);
    expect(t.nodes[0]!.config).toEqual({ 'group.id': 'billing-payments', 'reader.schema': 'Paid:v3' });
    const { spec } = resolve(t);
    expect(spec.amqp.routes.map((x) => [spec.amqp.exchanges[x.exchange]!.name, x.key])).toEqual([['orders', 'order.eu.created']]);
  });

  it('refuses what is not an AsyncAPI 3 document, saying where', () => {
    expect(fromAsyncApi([1, 2])).toEqual({ ok: false, problem: { pointer: '/', message: 'the document is not an object of AsyncAPI fields' } });
    expect(fromAsyncApi({ openapi: '3.1.0' })).toMatchObject({ ok: false, problem: { pointer: '/asyncapi' } });
    const two = fromAsyncApi({ asyncapi: '2.6.0', info: { title: 'x', version: '1' } });
    expect(two).toMatchObject({ ok: false, problem: { pointer: '/asyncapi', message: expect.stringContaining('this is AsyncAPI 2.6.0; EventLab reads 3.x documents') } });
  });

  it('notes a reference it cannot follow instead of failing', () => {
    const r = fromAsyncApi({ ...foreign, components: { messages: { UserSignedUp: { $ref: 'https://example.com/messages.yaml#/UserSignedUp' } } } });
    expect(r.ok && r.notes).toContainEqual({ pointer: '/components/messages/UserSignedUp', message: "the reference 'https://example.com/messages.yaml#/UserSignedUp' points outside the document, which EventLab cannot follow" });
  });
});

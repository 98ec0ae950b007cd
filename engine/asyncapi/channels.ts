/**
 * The channels of an exported document (a Kafka topic, a RabbitMQ exchange or queue, each on its server with its
 * binding) and its messages (each declared `@schema` version, and each event type published without one).
 */
import type { ExchangeSpec, QueueSpec } from '../amqp/spec.ts';
import type { TopicSpec } from '../kafka/spec.ts';
import type { Spec } from '../model/spec.ts';
import type { Topology, TopologyNode } from '../topology/types.ts';
import { keyFor, nodeHint } from './hints.ts';
import { topicBinding } from './keys.ts';
import { AMQP_BINDING, AVRO_FORMAT, KAFKA_BINDING, type JsonObject } from './types.ts';

export interface ChannelRef {
  key: string;
  name: string;
  family: 'kafka' | 'amqp';
  /** A publish's routing key (AMQP), '' none. */
  routingKey?: string;
}

export interface Channels {
  out: JsonObject;
  taken: Set<string>;
  byTopic: Map<number, ChannelRef>;
  byExchange: Map<number, ChannelRef>;
  byQueue: Map<number, ChannelRef>;
  messages: Map<string, string>;
}

function add(c: Channels, raw: string, channel: JsonObject, node: TopologyNode | undefined, drawn: Set<string>): string {
  const key = keyFor(raw, c.taken);
  if (node) {
    channel['x-eventlab-node'] = nodeHint(node) as unknown as JsonObject;
    drawn.add(node.id);
  }
  c.out[key] = channel;
  return key;
}

export function kafkaChannel(c: Channels, topic: TopicSpec, i: number, server: string, nodes: Map<string, TopologyNode>, drawn: Set<string>): void {
  const node = topic.node ? nodes.get(topic.node) : undefined;
  const channel: JsonObject = { address: topic.name, title: topic.name, servers: [{ $ref: `#/servers/${server}` }] };
  channel['bindings'] = { kafka: { ...topicBinding(topic.name, topic.config), bindingVersion: KAFKA_BINDING } };
  c.byTopic.set(i, { key: add(c, topic.name, channel, node, drawn), name: topic.name, family: 'kafka' });
}

export function exchangeChannel(c: Channels, x: ExchangeSpec, i: number, server: string, nodes: Map<string, TopologyNode>, drawn: Set<string>): void {
  // An exchange only named in a setting (a dead-letter exchange) is the setting's, which the document keeps.
  if (!x.node) return;
  const channel: JsonObject = { address: x.name, title: `Exchange ${x.name}`, servers: [{ $ref: `#/servers/${server}` }] };
  channel['bindings'] = { amqp: { is: 'routingKey', exchange: { name: x.name, type: x.type, durable: true, autoDelete: false, vhost: '/' }, bindingVersion: AMQP_BINDING } };
  c.byExchange.set(i, { key: add(c, `exchange.${x.name}`, channel, nodes.get(x.node), drawn), name: `exchange ${x.name}`, family: 'amqp' });
}

export function queueChannel(c: Channels, q: QueueSpec, i: number, server: string, nodes: Map<string, TopologyNode>, drawn: Set<string>): void {
  const channel: JsonObject = { address: q.name, title: `Queue ${q.name}`, servers: [{ $ref: `#/servers/${server}` }] };
  channel['bindings'] = { amqp: { is: 'queue', queue: { name: q.name, durable: q.config.durable, exclusive: false, autoDelete: false, vhost: '/' }, bindingVersion: AMQP_BINDING } };
  c.byQueue.set(i, { key: add(c, `queue.${q.name}`, channel, q.node ? nodes.get(q.node) : undefined, drawn), name: `queue ${q.name}`, family: 'amqp' });
}

/** The channel a service's publish or subscription goes through, if its destination has one. */
export function channelFor(c: Channels, spec: Spec, destination: number, action: 'send' | 'receive'): ChannelRef | undefined {
  const topic = spec.topics.findIndex((x) => x.destination === destination);
  if (topic >= 0) return c.byTopic.get(topic);
  const queue = spec.amqp.queues.findIndex((q) => q.destination === destination);
  if (queue >= 0) return c.byQueue.get(queue);
  if (action === 'receive') return undefined;
  const route = spec.amqp.routes.find((r) => r.destination === destination);
  if (!route) return undefined;
  if (route.exchange >= 0) {
    const ch = c.byExchange.get(route.exchange);
    return ch && { ...ch, routingKey: route.key };
  }
  // The default exchange routes by queue name.
  const q = spec.amqp.queues.findIndex((x) => x.cluster === route.cluster && x.name === route.key);
  return q >= 0 ? c.byQueue.get(q) : undefined;
}

const SCHEMA_REF = /^([A-Za-z_][A-Za-z0-9_.]*)(?::v?(\d+))?$/;

/**
 * The document's messages: one per declared schema version (`OrderPlacedEvent_v2`, its Avro schema as the payload)
 * and one per event type published without a schema, made as asked for; and which one each service writes or reads.
 */
export function messagesOf(t: Topology, spec: Spec) {
  const components: JsonObject = {};
  const taken = new Set<string>();
  const registry = t.nodes.some((n) => n.kind === 'schema-registry');
  const schemaKeys = new Map<string, string>();
  for (const s of t.schemas ?? []) {
    if (s.json === undefined) continue;
    const key = keyFor(`${s.name}_v${s.version}`, taken);
    schemaKeys.set(`${s.name}:${s.version}`, key);
    const message: JsonObject = {
      name: s.name,
      title: `${s.name} v${s.version}`,
      payload: { schemaFormat: AVRO_FORMAT, schema: s.json as JsonObject },
      'x-eventlab-schema': { name: s.name, version: s.version },
    };
    // With a registry, producers write Confluent's wire format: a magic byte and the schema id before the payload.
    if (registry) message['bindings'] = { kafka: { schemaIdLocation: 'payload', schemaIdPayloadEncoding: 'confluent', bindingVersion: KAFKA_BINDING } };
    components[key] = message;
  }
  const lookup = (value: string | undefined): string | undefined => {
    const m = value ? SCHEMA_REF.exec(value) : null;
    if (!m) return undefined;
    const versions = (t.schemas ?? []).filter((s) => s.name === m[1] && s.json !== undefined).map((s) => s.version);
    const version = m[2] ? Number(m[2]) : Math.max(-1, ...versions);
    return schemaKeys.get(`${m[1]}:${version}`);
  };
  const services = new Map(spec.services.map((s) => [s.node, s]));
  const config = (id: string) => t.nodes.find((n) => n.id === id)?.config ?? {};
  const typed = new Map<string, string>();
  return {
    components,
    sendOf: (id: string) => lookup(config(id)['schema']),
    readOf(id: string): string | undefined {
      const c = config(id);
      if (c['reader.schema']) return lookup(c['reader.schema']);
      const s = services.get(id);
      return s && (s.publishes.length === 0 || s.consumes.length > 0) ? lookup(c['schema']) : undefined;
    },
    messageFor(type: string): string {
      const known = typed.get(type);
      if (known) return known;
      const key = keyFor(type, taken);
      typed.set(type, key);
      components[key] = { name: type, title: type, summary: `Events of type ${type}; the topology declares no schema for them.` };
      return key;
    },
  };
}

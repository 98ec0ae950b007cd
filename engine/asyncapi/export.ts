/**
 * `toAsyncApi(topology)`: the topology as an AsyncAPI 3.1.0 document (a plain object; the app writes it as YAML or
 * JSON). Servers are the Kafka clusters and RabbitMQ brokers, channels the topics, exchanges and queues (with their
 * Kafka or AMQP bindings), operations each service's publish (`send`) and subscribe (`receive`) edges, and
 * messages the declared `@schema`s (Avro, as a multi-format schema) or, without one, the event type an edge carries.
 * What AsyncAPI has no field for rides in `x-eventlab` extensions, so importing the document draws the same nodes
 * and edges again (see import.ts). Pure: the same topology gives the same document.
 *
 * Spec: https://www.asyncapi.com/docs/reference/specification/v3.1.0; bindings: github.com/asyncapi/bindings
 * (kafka 0.5.0, amqp 0.3.0).
 */
import { resolve } from '../model/resolve.ts';
import type { Spec } from '../model/spec.ts';
import type { Diagnostic, Topology, TopologyNode } from '../topology/types.ts';
import { channelFor, exchangeChannel, kafkaChannel, messagesOf, queueChannel, type Channels } from './channels.ts';
import { edgeHint, keyFor, nodeHint } from './hints.ts';
import { TOPIC_BINDING_KEYS } from './keys.ts';
import { ASYNCAPI_VERSION, KAFKA_BINDING, AMQP_BINDING, type JsonObject, type RootHint } from './types.ts';

export interface ExportOptions {
  /** `info.title`; the workspace's name. */
  title?: string;
}

const hostName = (id: string) => id.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'broker';

function servers(t: Topology, spec: Spec, nodes: Map<string, TopologyNode>, drawn: Set<string>) {
  const out: JsonObject = {};
  const taken = new Set<string>();
  const registry = t.nodes.find((n) => n.kind === 'schema-registry');
  const kafka = spec.clusters.map((c) => {
    const key = keyFor(c.node, taken);
    const node = nodes.get(c.node);
    const server: JsonObject = { host: `${hostName(c.node)}:9092`, protocol: 'kafka', description: `A Kafka cluster of ${c.config.brokers} broker${c.config.brokers === 1 ? '' : 's'}.` };
    if (node) server['title'] = node.label;
    // The registry producers register with (Confluent's, as EventLab simulates it).
    if (registry) server['bindings'] = { kafka: { schemaRegistryUrl: `http://${hostName(registry.id)}:8081`, schemaRegistryVendor: 'confluent', bindingVersion: KAFKA_BINDING } };
    if (node) {
      server['x-eventlab-node'] = nodeHint(node) as unknown as JsonObject;
      drawn.add(node.id);
    }
    out[key] = server;
    return key;
  });
  const amqp = spec.amqp.clusters.map((c) => {
    const key = keyFor(c.node, taken);
    const node = nodes.get(c.node);
    const server: JsonObject = { host: `${hostName(c.node)}:5672`, protocol: 'amqp', protocolVersion: '0.9.1', description: `A RabbitMQ cluster of ${c.config.nodes} node${c.config.nodes === 1 ? '' : 's'}.` };
    if (node) {
      server['title'] = node.label;
      server['x-eventlab-node'] = nodeHint(node) as unknown as JsonObject;
      drawn.add(node.id);
    }
    out[key] = server;
    return key;
  });
  return { out, kafka, amqp };
}

/**
 * RabbitMQ hands what reaches an exchange to the queues and exchanges bound to it, and a queue's dead letters to its
 * dead-letter exchange: those channels carry the same messages (to a fixed point, bounded by the bindings).
 */
function routeMessages(spec: Spec, channels: Channels, sends: Map<string, Set<string>>): void {
  const ex = (i: number) => channels.byExchange.get(i)?.key;
  const flows: [string | undefined, string | undefined][] = spec.amqp.bindings.map((b) => [ex(b.exchange), 'queue' in b.to ? channels.byQueue.get(b.to.queue)?.key : ex(b.to.exchange)]);
  spec.amqp.queues.forEach((q, i) => {
    if (q.config.dlx) flows.push([channels.byQueue.get(i)?.key, ex(spec.amqp.exchanges.findIndex((x) => x.cluster === q.cluster && x.name === q.config.dlx))]);
  });
  for (let pass = 0; pass <= flows.length; pass++) {
    let changed = false;
    for (const [from, to] of flows) {
      if (!from || !to) continue;
      const into = sends.get(to) ?? sends.set(to, new Set()).get(to)!;
      for (const m of sends.get(from) ?? []) {
        if (into.has(m)) continue;
        into.add(m);
        changed = true;
      }
    }
    if (!changed) return;
  }
}

/** The `%% @config` directives, less what the channels' Kafka bindings say (import writes that back). */
function configHint(t: Topology, spec: Spec): RootHint['config'] {
  const topicTargets = new Set(spec.topics.flatMap((x) => (x.node ? [x.name, x.node] : [x.name])));
  const out: RootHint['config'] = [];
  for (const d of t.directives) {
    const values: Record<string, string> = {};
    for (const e of d.entries) if (!(topicTargets.has(d.target) && TOPIC_BINDING_KEYS.has(e.key))) values[e.key] = e.value;
    if (Object.keys(values).length > 0) out.push({ target: d.target, values });
  }
  return out;
}

/**
 * The topology as an AsyncAPI 3.1.0 document, and the resolver's diagnostics (the document describes what
 * resolves; an error there means part of the text is missing from it).
 *
 * @example toAsyncApi(parseTopology('graph LR\n A --> T[orders Topic]').topology).doc.channels.orders.address === 'orders'
 */
export function toAsyncApi(t: Topology, options: ExportOptions = {}): { doc: JsonObject; diagnostics: Diagnostic[] } {
  const { spec, diagnostics } = resolve(t);
  const nodes = new Map(t.nodes.map((n) => [n.id, n]));
  const drawn = new Set<string>();
  const srv = servers(t, spec, nodes, drawn);
  const channels: Channels = { out: {}, taken: new Set(), byTopic: new Map(), byExchange: new Map(), byQueue: new Map(), messages: new Map() };
  spec.topics.forEach((topic, i) => kafkaChannel(channels, topic, i, srv.kafka[topic.cluster]!, nodes, drawn));
  spec.amqp.exchanges.forEach((x, i) => exchangeChannel(channels, x, i, srv.amqp[x.cluster]!, nodes, drawn));
  spec.amqp.queues.forEach((q, i) => queueChannel(channels, q, i, srv.amqp[q.cluster]!, nodes, drawn));

  const { components, sendOf, readOf, messageFor } = messagesOf(t, spec);
  const edgeAt = new Map(t.edges.map((e, i) => [e.id, i]));
  const used = new Set<string>();
  const operations: JsonObject = {};
  const opKeys = new Set<string>();
  const sends = new Map<string, Set<string>>();
  const receives: { key: string; channel: string; messages: string[] }[] = [];
  const ref = (channel: string, message: string) => ({ $ref: `#/channels/${channel}/messages/${message}` });
  for (const s of spec.services) {
    const label = nodes.get(s.node)?.label ?? s.node;
    for (const p of s.publishes) {
      const ch = channelFor(channels, spec, p.destination, 'send');
      const e = t.edges[edgeAt.get(p.edge) ?? -1];
      if (!ch || !e) continue;
      const message = sendOf(s.node) ?? messageFor(p.type);
      (sends.get(ch.key) ?? sends.set(ch.key, new Set()).get(ch.key)!).add(message);
      const key = keyFor(`${s.node}.send.${ch.key}`, opKeys);
      const op: JsonObject = { action: 'send', channel: { $ref: `#/channels/${ch.key}` }, title: `${label} publishes to ${ch.name}`, messages: [ref(ch.key, message)] };
      if (ch.routingKey) op['bindings'] = { amqp: { cc: [ch.routingKey], bindingVersion: AMQP_BINDING } };
      op['x-eventlab-edge'] = edgeHint(e, edgeAt.get(p.edge)!) as unknown as JsonObject;
      operations[key] = op;
      used.add(e.id);
    }
    s.consumes.forEach((d, i) => {
      const ch = channelFor(channels, spec, d, 'receive');
      const e = t.edges[edgeAt.get(s.consumeEdges[i]!) ?? -1];
      if (!ch || !e) return;
      const key = keyFor(`${s.node}.receive.${ch.key}`, opKeys);
      const op: JsonObject = { action: 'receive', channel: { $ref: `#/channels/${ch.key}` }, title: `${label} consumes from ${ch.name}` };
      if (ch.family === 'kafka') op['bindings'] = { kafka: { groupId: { type: 'string', enum: [s.group] }, bindingVersion: KAFKA_BINDING } };
      op['x-eventlab-edge'] = edgeHint(e, edgeAt.get(e.id)!) as unknown as JsonObject;
      operations[key] = op;
      receives.push({ key, channel: ch.key, messages: readOf(s.node) ? [readOf(s.node)!] : [] });
      used.add(e.id);
    });
  }
  routeMessages(spec, channels, sends);
  // A receiver without a reader schema reads whatever the channel's senders send.
  const read = receives.map((r) => (r.messages.length > 0 ? r.messages : [...(sends.get(r.channel) ?? [])]));
  receives.forEach((r, i) => {
    for (const m of read[i]!) (sends.get(r.channel) ?? sends.set(r.channel, new Set()).get(r.channel)!).add(m);
    if (read[i]!.length > 0) (operations[r.key] as JsonObject)['messages'] = read[i]!.map((m) => ref(r.channel, m));
  });
  for (const [channel, messages] of sends) {
    const c = channels.out[channel] as JsonObject;
    c['messages'] = Object.fromEntries([...messages].sort().map((m) => [m, { $ref: `#/components/messages/${m}` }]));
  }

  const root: RootHint = {
    direction: t.direction,
    order: t.nodes.map((n) => n.id),
    nodes: t.nodes.filter((n) => !drawn.has(n.id)).map(nodeHint),
    edges: t.edges.flatMap((e, i) => (used.has(e.id) ? [] : [edgeHint(e, i)])),
    groups: t.groups.map((g) => (g.parent ? { id: g.id, title: g.title, parent: g.parent } : { id: g.id, title: g.title })),
    config: configHint(t, spec),
  };
  const doc: JsonObject = {
    asyncapi: ASYNCAPI_VERSION,
    info: {
      title: options.title || 'EventLab topology',
      version: '1.0.0',
      description: 'Exported from EventLab: the brokers, topics, queues and exchanges of a topology, what each service publishes and consumes, and the event schemas declared with it.',
    },
  };
  if (Object.keys(srv.out).length > 0) doc['servers'] = srv.out;
  if (Object.keys(channels.out).length > 0) doc['channels'] = channels.out;
  if (Object.keys(operations).length > 0) doc['operations'] = operations;
  if (Object.keys(components).length > 0) doc['components'] = { messages: components };
  doc['x-eventlab'] = root as unknown as JsonObject;
  return { doc, diagnostics };
}

/**
 * An AsyncAPI document some other tool wrote. AsyncAPI 3 describes one application, so the document becomes that
 * application as a service (its `info.title`), a Kafka cluster or RabbitMQ broker per server, a topic, exchange or
 * queue per channel (from its binding, or its server's protocol), and an edge per operation: `send` publishes to the
 * channel, `receive` consumes from it. Avro message schemas become `@schema` directives.
 */
import { avroSchemas, idFor, isObject, pointer, type Doc } from './document.ts';
import type { Draft } from './draft.ts';
import { topicSettings } from './keys.ts';
import type { NodeHint } from './types.ts';

const KAFKA = new Set(['kafka', 'kafka-secure']);
const AMQP = new Set(['amqp', 'amqps']);
const EXCHANGE_TYPES = new Set(['topic', 'direct', 'fanout', 'headers']);

const name = (v: unknown, fallback: string) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : fallback);

/** The first value of a schema object that pins one (`const`, or a one-value `enum`), as a Kafka groupId does. */
function pinned(v: unknown): string | undefined {
  if (!isObject(v)) return undefined;
  if (typeof v['const'] === 'string') return v['const'];
  return Array.isArray(v['enum']) && typeof v['enum'][0] === 'string' ? v['enum'][0] : undefined;
}

export function fromForeign(doc: Doc, title: string): Draft {
  const taken = new Set<string>();
  const nodes: NodeHint[] = [];
  const edges: Draft['edges'] = [];
  const edge = (from: string, to: string, label?: string) => edges.push({ from, to, at: edges.length, ...(label ? { label } : {}) });
  const service = idFor(title, taken);
  nodes.push({ id: service, label: title, kind: 'service', shape: 'square' });

  const servers = new Map<string, { id: string; family: 'kafka' | 'amqp' }>();
  for (const [key, s] of doc.entries(doc.root['servers'])) {
    const protocol = name(s['protocol'], '').toLowerCase();
    const family = KAFKA.has(protocol) ? 'kafka' : AMQP.has(protocol) ? 'amqp' : null;
    if (!family) {
      doc.notes.push({ pointer: pointer('servers', key, 'protocol'), message: `server '${key}' speaks ${protocol || 'no protocol'}; EventLab simulates Kafka and RabbitMQ (AMQP 0-9-1), so it is left out with its channels` });
      continue;
    }
    const id = idFor(key, taken);
    nodes.push({ id, label: name(s['title'], `${family === 'kafka' ? 'Kafka' : 'RabbitMQ'} ${key}`), kind: family === 'kafka' ? 'kafka' : 'rabbitmq', shape: 'square' });
    servers.set(key, { id, family });
  }

  const channels = new Map<string, string>();
  for (const [key, c] of doc.entries(doc.root['channels'])) {
    const at = pointer('channels', key);
    const refs = Array.isArray(c['servers']) ? c['servers'] : [];
    const named = refs.map((r) => (isObject(r) && typeof r['$ref'] === 'string' ? r['$ref'].replace(/^#\/servers\//, '') : ''));
    const server = named.map((k) => servers.get(k)).find((s) => s) ?? (named.length === 0 && servers.size === 1 ? [...servers.values()][0] : undefined);
    if (named.length > 0 && !server) {
      doc.notes.push({ pointer: `${at}/servers`, message: `channel '${key}' is only on servers EventLab left out, so it is left out too` });
      continue;
    }
    const bindings = isObject(c['bindings']) ? c['bindings'] : {};
    const amqp = doc.deref(bindings['amqp'], `${at}/bindings/amqp`);
    const address = name(c['address'], key);
    if (/[{}]/.test(address)) doc.notes.push({ pointer: `${at}/address`, message: `channel '${key}' has parameters in its address (${address}); EventLab draws it as one ${server?.family === 'amqp' ? 'queue' : 'topic'} of that name` });
    const id = idFor(key, taken);
    if (server?.family === 'amqp' || isObject(amqp)) {
      const b = isObject(amqp) ? amqp : {};
      if (b['is'] === 'queue') {
        const q = isObject(b['queue']) ? b['queue'] : {};
        nodes.push({ id, label: `Queue: ${name(q['name'], address)}`, kind: 'queue', shape: 'cylinder' });
      } else {
        const x = isObject(b['exchange']) ? b['exchange'] : {};
        const type = EXCHANGE_TYPES.has(String(x['type'])) ? String(x['type']) : 'direct';
        if (x['type'] !== undefined && type !== x['type']) doc.notes.push({ pointer: `${at}/bindings/amqp/exchange/type`, message: `the '${String(x['type'])}' exchange is drawn as a direct exchange` });
        nodes.push({ id, label: `Exchange: ${name(x['name'], address)} (${type})`, kind: 'exchange', shape: 'square' });
      }
    } else {
      const kafka = doc.deref(bindings['kafka'], `${at}/bindings/kafka`);
      nodes.push({ id, label: name(isObject(kafka) ? kafka['topic'] : undefined, address), kind: 'topic', shape: 'square' });
      if (server) edge(server.id, id);
    }
    channels.set(key, id);
  }

  const schemas = avroSchemas(doc);
  const schemaOf = new Map(schemas.map((s) => [s.key, `${s.name}:v${s.version}`]));
  const config: Draft['config'] = [];
  const values: Record<string, string> = {};
  for (const [key, op] of doc.entries(doc.root['operations'])) {
    const at = pointer('operations', key);
    const ref = isObject(op['channel']) && typeof op['channel']['$ref'] === 'string' ? op['channel']['$ref'] : '';
    const channel = channels.get(ref.replace(/^#\/channels\//, '').replace(/~1/g, '/').replace(/~0/g, '~'));
    if (!channel) {
      doc.notes.push({ pointer: `${at}/channel`, message: `operation '${key}' is on a channel EventLab did not draw, so it is left out` });
      continue;
    }
    // The operation's messages are references into its channel, whose messages reference components.
    const messages = (Array.isArray(op['messages']) ? op['messages'] : []).map((m, i) => {
      const inChannel = isObject(m) && typeof m['$ref'] === 'string' ? doc.at(m['$ref']) : undefined;
      const component = isObject(inChannel) && typeof inChannel['$ref'] === 'string' ? inChannel['$ref'].replace(/^#\/components\/messages\//, '') : '';
      const message = doc.deref(m, `${at}/messages/${i}`);
      return { component, name: isObject(message) ? name(message['name'], component) : component };
    });
    const bindings = isObject(op['bindings']) ? op['bindings'] : {};
    const amqp = isObject(bindings['amqp']) ? bindings['amqp'] : {};
    const cc = Array.isArray(amqp['cc']) && typeof amqp['cc'][0] === 'string' ? amqp['cc'][0] : undefined;
    const schema = messages.map((m) => schemaOf.get(m.component)).find((s) => s);
    if (op['action'] === 'send') {
      edge(service, channel, cc ?? messages[0]?.name);
      if (schema) values['schema'] = schema;
    } else if (op['action'] === 'receive') {
      edge(channel, service);
      const group = pinned(isObject(bindings['kafka']) ? bindings['kafka']['groupId'] : undefined);
      if (group) values['group.id'] = group;
      if (schema && !values['schema']) values['reader.schema'] = schema;
    } else doc.notes.push({ pointer: `${at}/action`, message: `operation '${key}' is neither send nor receive` });
  }
  // One service writes with one schema and reads with one; the first named wins.
  if (values['schema'] && values['reader.schema'] === values['schema']) delete values['reader.schema'];
  if (Object.keys(values).length > 0) config.push({ target: service, values });
  return { direction: 'LR', nodes, edges, groups: [], config: [...topicSettings(doc), ...config], schemas: schemas.map(({ name, version, json }) => ({ name, version, json })) };
}

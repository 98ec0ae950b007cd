/**
 * An edge's meaning from the kinds at its ends, refined by its label where the kinds leave a choice
 * (`Service -->|Query| DB` reads, `Service -->|Subscribe| Kafka` consumes).
 */
import type { EdgeKind, NodeKind } from './types.ts';

/** The kind an endpoint has for edge purposes; a subgraph stands for what its title names. */
export type EndKind = NodeKind | 'group';

const BROKER = new Set<EndKind>(['kafka', 'topic', 'partition', 'rabbitmq', 'exchange', 'queue']);
const ACTOR = new Set<EndKind>(['service', 'client', 'saga', 'consumer']);
const STORE = new Set<EndKind>(['database', 'eventstore']);
const STRUCTURE: [EndKind, EndKind][] = [
  ['kafka', 'topic'],
  ['kafka', 'partition'],
  ['topic', 'partition'],
  ['rabbitmq', 'exchange'],
  ['rabbitmq', 'queue'],
];

const READS = /\b(?:quer(?:y|ies)|read|reads|get\w*|fetch\w*|load\w*|select|search\w*|lookup|look up)\b|^get|^search|^query/i;
const WRITES = /\b(?:writes?|save\w*|insert\w*|updates?|persist\w*|store\w*|append\w*|upsert\w*|project\w*)\b/i;
const CONSUMES = /\b(?:subscri\w*|consum\w*|listen\w*|poll\w*|pull\w*)\b/i;
const STREAMS = /\b(?:publish\w*|stream\w*|subscri\w*|push\w*|notif\w*|feed\w*|project\w*)\b/i;

export interface EdgeReading {
  kind: EdgeKind;
  reason: string;
}

const NAMES: Partial<Record<EndKind, string>> = {
  group: 'a subgraph',
  kafka: 'a Kafka cluster',
  rabbitmq: 'a RabbitMQ broker',
  eventstore: 'an event store',
  'schema-registry': 'a schema registry',
};
const name = (k: EndKind) => NAMES[k] ?? (/^[aeiou]/.test(k) ? `an ${k}` : `a ${k}`);

/**
 * Infers what an edge means.
 *
 * @example inferEdge('service', 'topic', 'Async Publish').kind === 'publish'
 */
export function inferEdge(from: EndKind, to: EndKind, label = ''): EdgeReading {
  const pair = `${name(from)} to ${name(to)}`;
  const said = (re: RegExp) => re.test(label);
  const because = (kind: EdgeKind, why: string): EdgeReading => ({ kind, reason: `${pair}: ${why}` });

  if (from === 'event' || to === 'event' || from === 'note' || to === 'note') return because('link', 'events and notes are data, so the arrow only relates them');
  if (from === 'group' || to === 'group') return because('link', 'a subgraph whose title names no component only groups things');
  if (from === 'schema-registry' || to === 'schema-registry') return because('request', 'schemas are looked up by request');
  if (STRUCTURE.some(([a, b]) => a === from && b === to)) return because('structure', 'the first contains the second');
  if (from === 'exchange' && (to === 'queue' || to === 'exchange')) return because('route', 'an exchange routes to what is bound to it');
  if (from === 'queue' && to === 'exchange') return because('route', 'a queue dead-letters into an exchange');
  if ((from === 'outbox' || STORE.has(from)) && BROKER.has(to)) return because('relay', 'committed rows are relayed to the broker');
  if (from === 'database' && to === 'outbox') return because('relay', 'the outbox relay reads committed rows');
  if ((ACTOR.has(from) || from === 'projection') && BROKER.has(to)) {
    return said(CONSUMES) ? because('subscribe', `the label '${label}' says it consumes`) : because('publish', 'it sends messages to the broker');
  }
  if (BROKER.has(from) && (ACTOR.has(to) || to === 'projection' || to === 'outbox' || STORE.has(to))) {
    return because('subscribe', 'the broker delivers to its consumers');
  }
  if (from === 'eventstore' && (ACTOR.has(to) || to === 'projection')) {
    if (to === 'projection' || said(STREAMS)) return because('subscribe', 'the store streams its events to the reader');
    return because('read', 'it loads events from the store');
  }
  if (ACTOR.has(from) && (STORE.has(to) || to === 'outbox')) {
    return said(READS) ? because('read', `the label '${label}' says it reads`) : because('write', 'it writes to the store');
  }
  if ((STORE.has(from) || from === 'projection') && ACTOR.has(to)) {
    return said(WRITES) ? because('write', `the label '${label}' says it writes`) : because('read', 'the data is read from it');
  }
  if (ACTOR.has(from) && to === 'projection') {
    return said(WRITES) ? because('write', `the label '${label}' says it updates the read model`) : because('read', 'it queries the read model');
  }
  if (from === 'projection' && (to === 'projection' || to === 'database')) return because('write', 'the projection updates what it maintains');
  if (ACTOR.has(from) && ACTOR.has(to)) return because('request', 'a direct call is a synchronous request');
  return because('link', 'nothing in the simulator connects these kinds, so the arrow is drawn only');
}

/**
 * What a node's label says it is. Rules run in order on the label's first line (the rest is usually a description)
 * and the first that matches wins, so specific phrases ("Event Store", "Read Model") beat the general words inside
 * them ("Event", "Model").
 */
import type { NodeKind } from './types.ts';

export interface LabelReading {
  kind: NodeKind;
  reason: string;
  topics?: string[];
  consumerGroup?: string;
  partitionIndex?: number;
}

type Rule = (first: string, label: string) => LabelReading | undefined;

const q = (s: string) => `'${s.replace(/\n/g, ' ')}'`;

function words(pattern: RegExp, kind: NodeKind, what: string): Rule {
  return (first) => {
    const m = pattern.exec(first);
    return m ? { kind, reason: `the label ${q(first)} says '${m[0]}', ${what}` } : undefined;
  };
}

const RULES: Rule[] = [
  // RabbitMQ's own words first: "Exchange: orders (topic)" is an exchange of type topic, not a Kafka topic.
  words(/\bexchange\b/i, 'exchange', 'a RabbitMQ exchange'),
  words(/^queue\s*[:\-–]/i, 'queue', 'a queue'),
  (first) => {
    const m = /^kafka(?:\s+(?:broker|brokers|cluster))?\s*:\s*(.+)$/i.exec(first);
    if (!m?.[1]) return undefined;
    const topics = m[1].split(',').map((s) => s.trim()).filter((s) => s !== '');
    return { kind: 'kafka', topics, reason: `the label ${q(first)} names a Kafka broker hosting ${topics.join(', ')}` };
  },
  (first) => {
    const m =
      /^(?:kafka\s+)?topic\s*[:\-–]\s*(\S.*)$/i.exec(first) ??
      /^(\S+)\s+(?:kafka\s+)?topic$/i.exec(first) ??
      /^topic\s+(\S+)$/i.exec(first);
    if (!m?.[1]) return undefined;
    const name = m[1].trim();
    return { kind: 'topic', topics: [name], reason: `the label ${q(first)} names topic ${name}` };
  },
  words(/\btopic\b/i, 'topic', 'a Kafka topic'),
  (first) => {
    const m = /^partition\s*[:#\-–]?\s*(\d+)\b/i.exec(first);
    if (!m?.[1]) return undefined;
    return { kind: 'partition', partitionIndex: Number(m[1]), reason: `the label ${q(first)} names partition ${m[1]}` };
  },
  (first) => {
    if (!/\bconsumers?\b/i.test(first)) return undefined;
    const m = /\bgroup\b\s*[:\-–]?\s*([\w.-]+)/i.exec(first);
    const reading: LabelReading = { kind: 'consumer', reason: `the label ${q(first)} names a consumer` };
    if (m?.[1]) {
      reading.consumerGroup = m[1];
      reading.reason = `the label ${q(first)} names a consumer in group ${m[1]}`;
    }
    return reading;
  },
  words(/schema[\s-]*registry|\bregistry\b/i, 'schema-registry', 'a schema registry'),
  words(/event[\s-]*store|event[\s-]*log\b/i, 'eventstore', 'an event store'),
  words(/\boutbox\b|\bdebezium\b|\bcdc\b/i, 'outbox', 'an outbox relay'),
  words(/projection|read[\s-]*model|read[\s-]*side|query[\s-]*model|materiali[sz]ed[\s-]*view/i, 'projection', 'a read model built from events'),
  words(/\bsaga\b|\borchestrator\b/i, 'saga', 'a saga orchestrator'),
  words(/\bdlx\b/i, 'exchange', 'a RabbitMQ exchange'),
  words(/\bqueue\b|\bdlq\b|dead[\s-]*letter/i, 'queue', 'a queue'),
  words(/rabbit[\s-]*mq|\brabbit\b|\bamqp\b/i, 'rabbitmq', 'a RabbitMQ broker'),
  (first) => {
    const m = /\bkafka\b|event[\s-]*bus|message[\s-]*broker|event[\s-]*broker|\bbroker\b/i.exec(first);
    return m ? { kind: 'kafka', topics: [], reason: `the label ${q(first)} says '${m[0]}', a Kafka cluster` } : undefined;
  },
  // The last word names the thing: a "Ledger Service" or a "Redis Cache Service" is a service, not a database.
  words(/\b(?:services?|svc)\s*$/i, 'service', 'a service'),
  words(/\b(?:db|database|postgres(?:ql)?|mysql|mongo(?:db)?|sql|redis|cassandra|dynamo(?:db)?|table|datastore|data\s*store|storage|ledger)\b/i, 'database', 'a database'),
  words(/\bservices?\b|\bsvc\b/i, 'service', 'a service'),
  words(/\b(?:client|user|browser|customer|frontend|front-end|mobile|web\s*app|ui)\b/i, 'client', 'a client sending requests'),
  (first) => {
    // An event is named in the past tense: OrderPlaced, Order Created, PaymentFailedEvent.
    const camel = /^[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]+)+$/.test(first) && /(?:ed|Event)$/.test(first);
    const spaced = /^(?:[A-Z][\w]*\s+){1,3}[A-Z][\w]*(?:ed|Event)$/.test(first);
    if (camel || spaced || /\bevent$/i.test(first)) return { kind: 'event', reason: `the label ${q(first)} names an event` };
    return undefined;
  },
  words(/\b(?:note|theorem|concept|principle|remark|law)\b/i, 'note', 'a remark, not a component'),
  (first, label) => {
    const rest = label.split('\n').slice(1);
    const described = rest.some((line) => line.trim().split(/\s+/).length >= 4 || /,\s/.test(line));
    return described ? { kind: 'note', reason: `the label ${q(first)} explains a concept in sentences and names no component` } : undefined;
  },
  words(/\b(?:producer|handler|api|worker|processor|gateway|app|application|backend|server|aggregate|engine|function|lambda|job|scheduler)\b/i, 'service', 'a service'),
];

/**
 * Words one of which a first line must contain (lowercased) for the rule at the same index to have a chance: most
 * labels are then checked against two or three patterns instead of twenty. `null`: always try the rule.
 */
const GUARDS: (string[] | null)[] = [
  ['exchange'],
  ['queue'],
  ['kafka'],
  ['topic'],
  ['topic'],
  ['partition'],
  ['consumer'],
  ['registry'],
  ['event'],
  ['outbox', 'debezium', 'cdc'],
  ['projection', 'read', 'query', 'materiali'],
  ['saga', 'orchestrator'],
  ['dlx'],
  ['queue', 'dlq', 'dead'],
  ['rabbit', 'amqp'],
  ['kafka', 'bus', 'broker'],
  ['service', 'svc'],
  ['db', 'database', 'postgres', 'mysql', 'mongo', 'sql', 'redis', 'cassandra', 'dynamo', 'table', 'datastore', 'data', 'storage', 'ledger'],
  ['service', 'svc'],
  ['client', 'user', 'browser', 'customer', 'front', 'mobile', 'web', 'ui'],
  null,
  ['note', 'theorem', 'concept', 'principle', 'remark', 'law'],
  null,
  ['producer', 'handler', 'api', 'worker', 'processor', 'gateway', 'app', 'backend', 'server', 'aggregate', 'engine', 'function', 'lambda', 'job', 'scheduler'],
];

/** The number of label rules (each has its guard). */
export const LABEL_RULE_COUNT = RULES.length;
export const LABEL_GUARD_COUNT = GUARDS.length;

/**
 * What the label says the node is, or undefined when it names nothing.
 *
 * @example readNodeLabel('Kafka Broker: orders-topic') => { kind: 'kafka', topics: ['orders-topic'], ... }
 */
export function readNodeLabel(label: string): LabelReading | undefined {
  const nl = label.indexOf('\n');
  const first = (nl < 0 ? label : label.slice(0, nl)).trim();
  const lower = first.toLowerCase();
  for (let i = 0; i < RULES.length; i++) {
    const guard = GUARDS[i];
    if (guard && !guard.some((w) => lower.includes(w))) continue;
    const reading = (RULES[i] as Rule)(first, label);
    if (reading) return reading;
  }
  return undefined;
}

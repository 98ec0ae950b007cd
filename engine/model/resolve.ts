/**
 * From the parsed topology to a simulation spec: which nodes are Kafka clusters, topics, services, databases and
 * clients; what each edge makes them do; and every setting with Kafka's defaults filled in. Problems come back as
 * diagnostics with the line and column of the text that caused them.
 */
import type { TopicConfig } from '../kafka/types.ts';
import { NODE_KINDS } from '../topology/kinds.ts';
import type { Diagnostic, Topology, TopologyEdge, TopologyNode } from '../topology/types.ts';
import { clusterConfig, consumerSettings, producerSettings, serviceConfig, topicConfig } from './configs.ts';
import { Diagnostics, rawSettings, readLayered, reportUnknown } from './settings.ts';
import type { ClientSpec, ClusterSpec, ServiceSpec, Spec, TopicSpec } from './spec.ts';

const SERVICE_KINDS = new Set(NODE_KINDS.filter((k) => k.role === 'service').map((k) => k.kind));
const STORE_KINDS = new Set(NODE_KINDS.filter((k) => k.role === 'store').map((k) => k.kind));
const IMPLICIT_CLUSTER = 'Kafka';

export function resolve(t: Topology): { spec: Spec; diagnostics: Diagnostic[] } {
  const d = new Diagnostics(t);
  const nodes = new Map(t.nodes.map((n) => [n.id, n]));
  const groups = new Map(t.groups.map((g) => [g.id, g]));
  const clusters: ClusterSpec[] = [];
  const clusterOf = new Map<string, number>();
  const topics: TopicSpec[] = [];
  const topicIndex = new Map<string, number>();

  // Kafka clusters: every `kafka` node.
  for (const n of t.nodes) {
    if (n.kind !== 'kafka') continue;
    const raw = rawSettings(t, n.id);
    reportUnknown(n.id, raw, ['cluster', 'topic'], d);
    clusterOf.set(n.id, clusters.length);
    clusters.push({ node: n.id, config: clusterConfig(readLayered([{ target: n.id, raw }], ['cluster'], d)) });
  }
  const implicitCluster = (): number => {
    if (clusters.length === 1) return 0;
    let i = clusters.findIndex((c) => c.node === IMPLICIT_CLUSTER);
    if (i < 0) {
      i = clusters.length;
      clusters.push({ node: IMPLICIT_CLUSTER, config: clusterConfig(readLayered([], ['cluster'], d)) });
    }
    return i;
  };

  const addTopic = (name: string, cluster: number, node?: string): number => {
    const existing = topicIndex.get(name);
    if (existing !== undefined) return existing;
    topicIndex.set(name, topics.length);
    topics.push({ name, cluster, node, config: undefined as unknown as TopicConfig });
    return topics.length - 1;
  };

  // Topics hosted by brokers (`Kafka Broker: orders-topic`), drawn as nodes, or drawn as subgraphs.
  for (const n of t.nodes) if (n.kind === 'kafka') for (const name of n.topics ?? []) addTopic(name, clusterOf.get(n.id)!);
  const edgesOf = (id: string) => t.edges.filter((e) => e.from === id || e.to === id);
  for (const n of t.nodes) {
    if (n.kind !== 'topic') continue;
    const host = edgesOf(n.id).map((e) => (e.from === n.id ? e.to : e.from)).find((o) => clusterOf.has(o));
    const inGroup = n.group && clusterOf.has(n.group) ? n.group : undefined;
    addTopic(n.topics?.[0] ?? n.label, host ? clusterOf.get(host)! : inGroup ? clusterOf.get(inGroup)! : implicitCluster(), n.id);
  }
  for (const g of t.groups) if (g.kind === 'topic') addTopic(afterColon(g.title), implicitCluster(), g.id);

  // Partitions drawn as nodes or subgraphs tell how many partitions a topic has, unless configured.
  const drawnPartitions = new Map<number, number>();
  const partitionTopic = (id: string): number | undefined => {
    const n = nodes.get(id);
    if (n?.partitionOf) return addTopic(n.partitionOf.topic, implicitCluster());
    const g = groups.get(id);
    if (g?.kind === 'partition' && g.parent && groups.get(g.parent)?.kind === 'topic') return topicIndex.get(afterColon(groups.get(g.parent)!.title));
    return undefined;
  };
  for (const n of t.nodes) if (n.partitionOf) {
    const ti = partitionTopic(n.id)!;
    drawnPartitions.set(ti, Math.max(drawnPartitions.get(ti) ?? 0, n.partitionOf.index + 1));
    (topics[ti]!.partitionNodes ??= []).push({ node: n.id, index: n.partitionOf.index });
  }
  for (const g of t.groups) {
    const ti = partitionTopic(g.id);
    const index = Number(/(\d+)\s*$/.exec(g.title)?.[1] ?? -1);
    if (ti !== undefined && index >= 0) drawnPartitions.set(ti, Math.max(drawnPartitions.get(ti) ?? 0, index + 1));
  }

  /** The topics an edge end stands for: a broker's topics, a topic, a partition's topic. */
  const topicsAt = (id: string, e: TopologyEdge, pick: 'one' | 'all'): number[] => {
    const ci = clusterOf.get(id);
    if (ci !== undefined) {
      let hosted = topics.map((tp, i) => (tp.cluster === ci && !tp.node ? i : -1)).filter((i) => i >= 0);
      if (hosted.length === 0) hosted = [addTopic(`${id}-events`, ci)];
      const named = hosted.filter((i) => e.label?.includes(topics[i]!.name));
      if (named.length > 0) return named;
      return pick === 'one' ? hosted.slice(0, 1) : hosted;
    }
    const n = nodes.get(id);
    if (n?.kind === 'topic') return [topicIndex.get(n.topics?.[0] ?? n.label)!];
    const g = groups.get(id);
    if (g?.kind === 'topic') return [topicIndex.get(afterColon(g.title))!];
    const pt = partitionTopic(id);
    return pt === undefined ? [] : [pt];
  };

  // RabbitMQ is drawn, and its topic matching is exact (amqp/topicMatches.ts), but its brokers are not simulated yet.
  const rabbit = t.nodes.filter((n) => n.kind === 'rabbitmq' || n.kind === 'exchange' || n.kind === 'queue');
  if (rabbit.length > 0) {
    d.add(rabbit[0]!.span, `${rabbit.map((n) => n.id).join(', ')}: RabbitMQ exchanges and queues are drawn but not simulated yet; messages sent to them go nowhere`, 'info');
  }

  // Services, databases and clients.
  const services: (ServiceSpec & { dlqName?: string })[] = [];
  const serviceIndex = new Map<string, number>();
  const clients: ClientSpec[] = [];
  for (const n of t.nodes) {
    if (!SERVICE_KINDS.has(n.kind) && !STORE_KINDS.has(n.kind)) continue;
    serviceIndex.set(n.id, services.length);
    services.push(serviceSpec(t, n, d));
  }
  const svc = (id: string) => (serviceIndex.has(id) ? services[serviceIndex.get(id)!] : undefined);
  const targeted = new Set<string>();

  for (const e of t.edges) {
    const from = svc(e.from);
    const to = svc(e.to);
    switch (e.kind) {
      case 'publish': {
        if (!from) break;
        const ts = topicsAt(e.to, e, 'one');
        if (ts.length === 0) d.add(e.span, `${e.from} publishes to ${e.to}, which hosts no topic`);
        for (const ti of ts) from.publishes.push({ topic: ti, type: eventType(t, e, nodes.get(e.from)!), edge: e.id });
        break;
      }
      case 'subscribe': {
        const consumer = to;
        if (!consumer) break;
        for (const ti of topicsAt(e.from, e, 'all')) {
          if (consumer.consumes.includes(ti)) continue;
          consumer.consumes.push(ti);
          consumer.consumeEdges.push(e.id);
        }
        targeted.add(e.to);
        break;
      }
      case 'request':
      case 'write': {
        const fromNode = nodes.get(e.from);
        if (fromNode?.kind === 'client' && to) {
          clients.push(clientSpec(t, fromNode, e, d));
          targeted.add(e.to);
        } else if (from && to) {
          (e.kind === 'write' || to.kind === 'database' ? from.writes : from.calls).push({ service: e.to, edge: e.id });
          targeted.add(e.to);
        }
        break;
      }
      default:
        break;
    }
  }

  // Where requests start: services nobody calls or feeds get an implicit client, or generate events themselves.
  for (const s of services) {
    if (s.kind !== 'service' || targeted.has(s.node) || s.consumes.length > 0) continue;
    if (s.calls.length === 0 && s.writes.length === 0 && s.publishes.length === 0) continue;
    if (s.calls.length === 0 && s.writes.length === 0) s.origin = 'source';
    else {
      s.origin = 'client';
      clients.push({ node: `${s.node}·users`, implicit: true, target: s.node, edge: '', rate: s.rate, poisson: s.poisson, key: s.key, startUs: s.startUs });
    }
  }

  // Topic settings: the topic's own directives, then its node's, then its cluster node's topic-level settings.
  topics.forEach((tp, i) => {
    const cluster = clusters[tp.cluster]!;
    const layers = [{ target: tp.name, raw: rawSettings(t, tp.name) }];
    if (tp.node && tp.node !== tp.name) layers.push({ target: tp.node, raw: rawSettings(t, tp.node) });
    if (cluster.node !== tp.name) layers.push({ target: cluster.node, raw: rawSettings(t, cluster.node) });
    reportUnknown(tp.name, layers[0]!.raw, ['topic'], d);
    const values = readLayered(layers, ['topic'], d);
    if (!values.explicit.has('partitions') && drawnPartitions.has(i)) values['partitions'] = drawnPartitions.get(i)!;
    tp.config = topicConfig(values);
    const rf = tp.config.replicationFactor;
    if (rf > cluster.config.brokers) {
      d.add(d.spanOf(tp.name, 'replication.factor') ?? d.spanOf(cluster.node), `replication.factor ${rf} for topic ${tp.name} is more than the ${cluster.config.brokers} broker(s) of ${cluster.node} (Kafka refuses to create it: InvalidReplicationFactorException)`, 'error');
    }
    if (tp.config.minInsyncReplicas > rf) {
      d.add(d.spanOf(tp.name, 'min.insync.replicas'), `min.insync.replicas ${tp.config.minInsyncReplicas} is more than replication.factor ${rf}: every acks=all write to ${tp.name} will fail with NOT_ENOUGH_REPLICAS`);
    }
  });

  // Dead-letter topics named by consumers.
  for (const s of services) {
    const dlq = s.dlqName;
    if (!dlq) continue;
    const cluster = s.consumes.length > 0 ? topics[s.consumes[0]!]!.cluster : implicitCluster();
    const i = topicIndex.get(dlq) ?? addTopic(dlq, cluster);
    if (!topics[i]!.config) topics[i]!.config = topicConfig(readLayered([{ target: dlq, raw: rawSettings(t, dlq) }], ['topic'], d));
    s.consumer.dlq = i;
  }

  return { spec: { clusters, topics, services: services.map(stripDlq), clients }, diagnostics: d.list };
}

function stripDlq(s: ServiceSpec & { dlqName?: string }): ServiceSpec {
  const { dlqName: _, ...rest } = s;
  return rest;
}

function afterColon(title: string): string {
  const i = title.indexOf(':');
  return (i >= 0 ? title.slice(i + 1) : title).trim();
}

function serviceSpec(t: Topology, n: TopologyNode, d: Diagnostics): ServiceSpec & { dlqName?: string } {
  const raw = rawSettings(t, n.id);
  reportUnknown(n.id, raw, ['service', 'producer', 'consumer'], d);
  const v = readLayered([{ target: n.id, raw }], ['service', 'producer', 'consumer'], d);
  const key = keySpec(v['key'] as string, v['keys'] as number);
  const consumer = consumerSettings(v);
  const group = (v['group.id'] as string) || n.consumerGroup || n.id;
  return {
    node: n.id,
    label: n.label,
    kind: STORE_KINDS.has(n.kind) ? 'database' : 'service',
    instances: v['instances'] as number,
    config: serviceConfig(v),
    producer: producerSettings(v, n.id, d),
    consumer: { ...consumer, dlq: -1 },
    dlqName: (v['dlq'] as string) || undefined,
    group,
    calls: [],
    writes: [],
    publishes: [],
    consumes: [],
    consumeEdges: [],
    origin: null,
    rate: v['rate'] as number,
    poisson: v['arrivals'] === 'poisson',
    key,
    startUs: Math.round((v['start'] as number) * 1000),
  };
}

function clientSpec(t: Topology, n: TopologyNode, e: TopologyEdge, d: Diagnostics): ClientSpec {
  const raw = rawSettings(t, n.id);
  reportUnknown(n.id, raw, ['service'], d);
  const v = readLayered([{ target: n.id, raw }], ['service'], d);
  return { node: n.id, implicit: false, target: e.to, edge: e.id, rate: v['rate'] as number, poisson: v['arrivals'] === 'poisson', key: keySpec(v['key'] as string, v['keys'] as number), startUs: Math.round((v['start'] as number) * 1000) };
}

/** `key=customerId` over `keys=1000` gives keys customer-1 .. customer-1000; `none` gives null keys. */
function keySpec(key: string, count: number): { name: string; count: number } | null {
  if (!key || key === 'none' || key === 'null') return null;
  const name = key.replace(/(?:_?id|Id|ID)$/, '') || key;
  return { name, count };
}

/** The event type an edge carries: its label when it names an event, else the service's `event` setting. */
function eventType(t: Topology, e: TopologyEdge, n: TopologyNode): string {
  const label = (e.label ?? '').replace(/^\s*\d+\.\s*/, '').trim();
  if (/^[A-Z][A-Za-z0-9]*(Event|ed)$/.test(label)) return label;
  const configured = rawSettings(t, n.id)['event'];
  if (configured) return configured;
  return `${n.id.replace(/(Service|Async|Sync)+$/g, '')}Event`;
}

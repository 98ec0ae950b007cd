/**
 * Kafka's part of reading a topology: every `kafka` node is a cluster; topics are hosted by brokers
 * (`Kafka Broker: orders-topic`), drawn as nodes or as subgraphs; partitions drawn as nodes or subgraphs tell how many
 * partitions a topic has; an edge to or from a cluster stands for its topics (named by the edge's label, or the
 * first). Settings get Kafka's defaults, and impossible ones (a replication factor above the broker count) are errors
 * at their line and column.
 */
import type { FamilyResolver, ResolveContext, Values } from '../model/resolveContext.ts';
import { rawSettings, readLayered } from '../model/settings.ts';
import type { TopologyEdge } from '../topology/types.ts';
import { clusterConfig, consumerSettings, producerSettings, topicConfig } from './configs.ts';
import type { KafkaClientSettings } from './spec.ts';
import type { TopicConfig } from './types.ts';

const IMPLICIT_CLUSTER = 'Kafka';

export function resolveKafka(ctx: ResolveContext): FamilyResolver {
  const { t, d, nodes, groups, spec } = ctx;
  const clusters = (spec.clusters = []) as typeof spec.clusters;
  const topics = (spec.topics = []) as typeof spec.topics;
  const clusterOf = new Map<string, number>();
  const topicIndex = new Map<string, number>();

  // Kafka clusters: every `kafka` node.
  for (const n of t.nodes) {
    if (n.kind !== 'kafka') continue;
    const raw = rawSettings(t, n.id);
    clusterOf.set(n.id, clusters.length);
    clusters.push({ node: n.id, config: clusterConfig(readLayered([{ target: n.id, raw }], ['cluster'])) });
  }
  const implicitCluster = (): number => {
    if (clusters.length === 1) return 0;
    let i = clusters.findIndex((c) => c.node === IMPLICIT_CLUSTER);
    if (i < 0) {
      i = clusters.length;
      clusters.push({ node: IMPLICIT_CLUSTER, config: clusterConfig(readLayered([], ['cluster'])) });
    }
    return i;
  };

  const addTopic = (name: string, cluster: number, node?: string): number => {
    const existing = topicIndex.get(name);
    if (existing !== undefined) return existing;
    topicIndex.set(name, topics.length);
    topics.push({ name, destination: ctx.addDestination('kafka', name), cluster, node, config: undefined as unknown as TopicConfig });
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
  const topicsAt = (id: string, e: TopologyEdge, pick: 'one' | 'all'): number[] | undefined => {
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
    return pt === undefined ? undefined : [pt];
  };
  const destinationOf = (ti: number) => topics[ti]!.destination;

  return {
    destinationsAt(id, e, pick) {
      return topicsAt(id, e, pick)?.map(destinationOf);
    },

    clientSettings(node: string, values: Values): KafkaClientSettings {
      const consumer = consumerSettings(values);
      if (values.explicit.has('session.timeout.ms')) {
        // The coordinator answers a JoinGroup outside its bounds with INVALID_SESSION_TIMEOUT and the consumer's poll
        // throws: it never joins (GroupCoordinator, group.min/max.session.timeout.ms).
        const off = clusters.find((c) => consumer.sessionUs < c.config.groupMinSessionUs || consumer.sessionUs > c.config.groupMaxSessionUs);
        if (off) {
          const { groupMinSessionUs: lo, groupMaxSessionUs: hi } = off.config;
          d.add(
            d.spanOf(node, 'session.timeout.ms'),
            `session.timeout.ms=${consumer.sessionUs / 1000} is outside ${lo / 1000}-${hi / 1000} ms, the bounds ${off.node} accepts (group.min/max.session.timeout.ms): Kafka refuses this consumer's JoinGroup (INVALID_SESSION_TIMEOUT)`,
            'error',
          );
        }
      }
      return { consumer, producer: producerSettings(values, node, d) };
    },

    batchingUs(settings) {
      return (settings as KafkaClientSettings).producer.lingerUs;
    },

    settle() {
      // Topic settings: the topic's own directives, then its node's, then its cluster node's topic-level settings.
      topics.forEach((tp, i) => {
        const cluster = clusters[tp.cluster]!;
        const layers = [{ target: tp.name, raw: rawSettings(t, tp.name) }];
        if (tp.node && tp.node !== tp.name) layers.push({ target: tp.node, raw: rawSettings(t, tp.node) });
        if (cluster.node !== tp.name) layers.push({ target: cluster.node, raw: rawSettings(t, cluster.node) });
        const values = readLayered(layers, ['topic']);
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
    },

    deadLetter(name, near) {
      const nearTopic = near >= 0 ? topics.findIndex((tp) => tp.destination === near) : -1;
      const cluster = nearTopic >= 0 ? topics[nearTopic]!.cluster : implicitCluster();
      const i = topicIndex.get(name) ?? addTopic(name, cluster);
      if (!topics[i]!.config) topics[i]!.config = topicConfig(readLayered([{ target: name, raw: rawSettings(t, name) }], ['topic']));
      return topics[i]!.destination;
    },
  };
}

function afterColon(title: string): string {
  const i = title.indexOf(':');
  return (i >= 0 ? title.slice(i + 1) : title).trim();
}

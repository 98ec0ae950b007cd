/**
 * The one-line caption under a node's label that says how EventLab read it ("kafka · 3 brokers", "service").
 */
import { kindInfo } from '../topology/kinds.ts';
import type { NodeKind, TopologyNode } from '../topology/types.ts';

/** A kind as a learner reads it, e.g. `kindName('schema-registry')` is `'schema registry'`. */
export function kindName(kind: NodeKind): string {
  return kindInfo(kind).name;
}

const plural = (n: string, one: string, many: string): string => `${n} ${n === '1' ? one : many}`;

/** The caption drawn under a node's label, e.g. `kafka · 3 brokers` or `partition 0 of orders`. */
export function nodeCaption(node: TopologyNode): string {
  const name = kindName(node.kind);
  const { config } = node;
  switch (node.kind) {
    case 'kafka':
      return config.brokers ? `${name} · ${plural(config.brokers, 'broker', 'brokers')}` : `${name} cluster`;
    case 'topic':
      return config.partitions ? `${name} · ${plural(config.partitions, 'partition', 'partitions')}` : name;
    case 'partition':
      return node.partitionOf ? `partition ${node.partitionOf.index} of ${node.partitionOf.topic}` : name;
    case 'consumer':
      return node.consumerGroup ? `${name} · group ${node.consumerGroup}` : name;
    case 'exchange':
      return config.type ? `${name} · ${config.type}` : name;
    default:
      return name;
  }
}

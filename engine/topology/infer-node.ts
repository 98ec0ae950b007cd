/**
 * A node's kind: from its class, else its label, else its shape, else the subgraph around it, else a service.
 * Every answer carries the reason, so the UI can show how the text was read.
 */
import type { GroupReading } from './infer-group.ts';
import { kindOfClass } from './kinds.ts';
import { readNodeLabel, type LabelReading } from './read-label.ts';
import type { KindSource, NodeKind, Shape, TopologyNode } from './types.ts';

export interface GroupContext {
  id: string;
  title: string;
  reading?: GroupReading;
}

export interface NodeFacts {
  id: string;
  label: string;
  shape?: Shape | undefined;
  classes: string[];
  /** Enclosing subgraphs, innermost first. */
  groups: GroupContext[];
}

export type NodeInference = Pick<TopologyNode, 'kind' | 'kindSource' | 'kindReason' | 'topics' | 'consumerGroup'> & {
  partitionIndex?: number;
};

interface Verdict {
  kind: NodeKind;
  source: KindSource;
  reason: string;
  consumerGroup?: string;
}

function fromContext(groups: GroupContext[]): Verdict | undefined {
  for (const g of groups) {
    const r = g.reading;
    const title = `'${g.title}'`;
    if (r?.kind === 'partition') return { kind: 'event', source: 'context', reason: `it sits inside partition subgraph ${title}, so it is a record in that partition` };
    if (r?.kind === 'consumer-group') {
      const verdict: Verdict = { kind: 'consumer', source: 'context', reason: `it sits inside consumer group subgraph ${title}, so it is a consumer in that group` };
      if (r.name) verdict.consumerGroup = r.name;
      return verdict;
    }
    if (r?.kind === 'topic') return { kind: 'partition', source: 'context', reason: `it sits inside topic subgraph ${title}, so it is one of its partitions` };
    if (/event[\s-]*store|event[\s-]*log|immutable[\s-]*log/i.test(g.title)) {
      return { kind: 'event', source: 'context', reason: `it sits inside subgraph ${title}, so it is an event in that store` };
    }
    if (/derived|read[\s-]*model|read[\s-]*side|projection|quer(?:y|ies)/i.test(g.title)) {
      return { kind: 'projection', source: 'context', reason: `it sits inside subgraph ${title}, so it is a read model derived from events` };
    }
  }
  return undefined;
}

function decide(facts: NodeFacts, reading: LabelReading | undefined): Verdict {
  for (let i = facts.classes.length - 1; i >= 0; i--) {
    const cls = facts.classes[i] as string;
    const kind = kindOfClass(cls);
    if (kind) return { kind, source: 'class', reason: `class '${cls}' sets the kind` };
  }
  if (reading) return { kind: reading.kind, source: 'label', reason: reading.reason };
  if (facts.shape === 'cylinder') return { kind: 'database', source: 'shape', reason: 'it is drawn as a cylinder, the shape of a database' };
  return (
    fromContext(facts.groups) ?? {
      kind: 'service',
      source: 'default',
      reason: 'no class, label word, shape or subgraph names another kind, so it is a service',
    }
  );
}

/**
 * Infers a node's kind and the facts that come with it (a broker's topics, a consumer's group).
 *
 * @example inferNode({ id: 'K', label: 'Kafka Broker: orders-topic', classes: [], groups: [] }).topics // ['orders-topic']
 */
export function inferNode(facts: NodeFacts): NodeInference {
  const reading = readNodeLabel(facts.label);
  const verdict = decide(facts, reading);
  const out: NodeInference = { kind: verdict.kind, kindSource: verdict.source, kindReason: verdict.reason };
  const same = reading?.kind === verdict.kind ? reading : undefined;
  if (verdict.kind === 'kafka') out.topics = same?.topics ?? [];
  if (verdict.kind === 'topic') {
    out.topics = same?.topics ?? (verdict.source === 'class' && /^\S+$/.test(facts.label) ? [facts.label] : [facts.id]);
  }
  if (verdict.kind === 'consumer' || verdict.kind === 'service') {
    // A service drawn inside a consumer group subgraph consumes as that group.
    const group =
      same?.consumerGroup ??
      verdict.consumerGroup ??
      facts.groups.find((g) => g.reading?.kind === 'consumer-group' && g.reading.name)?.reading?.name;
    if (group) out.consumerGroup = group;
  }
  if (verdict.kind === 'partition') {
    const digits = /(\d+)\s*$/.exec(facts.label.split('\n')[0] ?? '')?.[1];
    const index = same?.partitionIndex ?? (digits === undefined ? undefined : Number(digits));
    if (index !== undefined) out.partitionIndex = index;
  }
  return out;
}

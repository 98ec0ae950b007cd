/**
 * What a `%% @config <target>` line is aimed at, and so which settings it may hold: a node (by id), a topic (by
 * name), or something whose settings nobody reads (a consumer group, a plain subgraph). The parser checks each line
 * against this as the text is read, and the editor offers the same settings while the learner types.
 */
import { kindInfo } from '../topology/kinds.ts';
import type { Topology } from '../topology/types.ts';
import { TARGET_SCOPES, type Scope } from './schema.ts';

export type TargetReading =
  /** Settings of these scopes apply; `what` names the target for messages (`Orders (a service)`). */
  | { what: string; scopes: readonly Scope[] }
  /** Nothing reads settings aimed here; `unread` says where they belong instead. */
  | { what: string; unread: string }
  /** A kind no family simulates yet: its settings are kept and not checked. */
  | { what: string; unchecked: true };

/**
 * Reads a directive's target against the topology's nodes and subgraphs; undefined when nothing has that name.
 *
 * @example readTarget('orders-topic', topology) // { what: 'topic orders-topic', scopes: ['topic'] }
 */
export function readTarget(name: string, t: Pick<Topology, 'nodes' | 'groups'> & { directives?: readonly { entries: readonly { key: string; value: string }[] }[] }): TargetReading | undefined {
  const node = t.nodes.find((n) => n.id === name) ?? t.nodes.find((n) => n.kind === 'topic' && n.topics?.[0] === name);
  if (node) {
    const info = kindInfo(node.kind);
    const what = `${name} (${article(info.name)})`;
    if (info.family === null) return { what, unchecked: true };
    const scopes = TARGET_SCOPES[node.kind];
    if (scopes) return { what, scopes };
    return { what, unread: node.kind === 'partition' ? PARTITION : `${article(info.name)} takes no settings` };
  }
  const group = t.groups.find((g) => g.id === name) ?? t.groups.find((g) => g.name === name);
  // A topic is named by a broker that hosts it, a topic subgraph, a partition drawn for it, or a dead-letter setting.
  const topic =
    group?.kind === 'topic' ||
    t.nodes.some((n) => (n.kind === 'kafka' && n.topics?.includes(name)) || n.partitionOf?.topic === name) ||
    (t.directives ?? []).some((d) => d.entries.some((e) => e.key === 'dlq' && e.value === name));
  if (topic) return { what: `topic ${name}`, scopes: TARGET_SCOPES.topic! };
  if (group?.kind === 'partition') return { what: `partition ${name}`, unread: PARTITION };
  if (t.nodes.some((n) => n.consumerGroup === name) || group?.kind === 'consumer-group') {
    return { what: `consumer group ${name}`, unread: "a group's settings are read from each service in it, so aim them at the services" };
  }
  if (group) return { what: `subgraph ${name}`, unread: 'a subgraph takes no settings, so aim them at the nodes in it' };
  return undefined;
}

const PARTITION = "a partition has its topic's settings, so aim them at the topic";

function article(name: string): string {
  return /^[aeiou]/i.test(name) ? `an ${name}` : `a ${name}`;
}

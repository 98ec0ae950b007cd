/**
 * What an imported document becomes before it is text: nodes, edges, subgraphs, settings and schemas, written as
 * canonical Mermaid by the topology printer. A node whose label alone would be read as another kind gets its kind
 * class (`:::topic`), so the text means what the document said.
 */
import { kindClassName } from '../topology/kinds.ts';
import { parseTopology } from '../topology/parse.ts';
import { printTopology } from '../topology/print.ts';
import type { Direction, SourceSpan, Topology, TopologyEdge, TopologyNode } from '../topology/types.ts';
import type { EdgeHint, GroupHint, NodeHint } from './types.ts';

export interface Draft {
  direction: Direction;
  nodes: NodeHint[];
  edges: EdgeHint[];
  groups: GroupHint[];
  config: { target: string; values: Record<string, string> }[];
  schemas: { name: string; version: number; json: unknown }[];
}

const SPAN: SourceSpan = { from: 0, to: 0, line: 1, column: 1 };

function model(d: Draft, classed: Set<string>): Topology {
  const nodes: TopologyNode[] = d.nodes.map((n) => ({
    id: n.id,
    label: n.label,
    ...(n.shape ? { shape: n.shape } : {}),
    kind: n.kind,
    kindSource: 'default',
    kindReason: '',
    config: {},
    classes: classed.has(n.id) ? [kindClassName(n.kind)] : [],
    style: { ...(n.style ?? {}) },
    ...(n.group ? { group: n.group } : {}),
    span: SPAN,
  }));
  const ids = new Set(d.groups.map((g) => g.id));
  const groups = d.groups.map((g) => ({
    id: g.id,
    title: g.title,
    members: [...d.nodes.filter((n) => n.group === g.id).map((n) => n.id), ...d.groups.filter((c) => c.parent === g.id).map((c) => c.id)],
    ...(g.parent && ids.has(g.parent) ? { parent: g.parent } : {}),
    span: SPAN,
  }));
  const edges: TopologyEdge[] = d.edges.map((e) => ({
    id: '',
    from: e.from,
    to: e.to,
    kind: 'link',
    ...(e.label !== undefined ? { label: e.label } : {}),
    stroke: e.stroke ?? 'normal',
    arrowStart: e.arrowStart ?? 'none',
    arrowEnd: e.arrowEnd ?? (e.stroke === 'invisible' ? 'none' : 'arrow'),
    length: e.length ?? 1,
    span: SPAN,
  }));
  const directives = d.config.map((c) => ({ target: c.target, entries: Object.entries(c.values).map(([key, value]) => ({ key, value, span: SPAN })), span: SPAN }));
  return { direction: d.direction, nodes, edges, groups, directives, classDefs: {} };
}

function print(d: Draft, classed: Set<string>): string {
  let text = printTopology(model(d, classed));
  for (const s of d.schemas) text += `%% @schema ${s.name} v${s.version} avro ${JSON.stringify(s.json)}\n`;
  return text;
}

/**
 * The draft as topology text whose nodes have the kinds the draft gives them.
 *
 * @example draftText({ direction: 'LR', nodes: [{ id: 'T', label: 'orders', kind: 'topic' }], ... }) contains 'T[orders]:::topic'
 */
export function draftText(d: Draft): string {
  const classed = new Set<string>();
  // The first print reads each label as the parser would; a node read as another kind is classed and printed again.
  const first = parseTopology(print(d, classed)).topology;
  const want = new Map(d.nodes.map((n) => [n.id, n.kind]));
  for (const n of first.nodes) if (want.has(n.id) && want.get(n.id) !== n.kind) classed.add(n.id);
  return print(d, classed);
}

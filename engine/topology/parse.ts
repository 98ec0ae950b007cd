/**
 * `parseTopology(text)`: syntax, then the graph mermaid would draw, then what each part means to the simulator.
 */
import { checkEntry } from '../config/check.ts';
import { readTarget } from '../config/targets.ts';
import { parseStages } from '../config/values.ts';
import { buildGraph, type EdgeOrigin, type GraphDraft } from './build.ts';
import type { Cursor } from './cursor.ts';
import { inferEdge, type EndKind } from './infer-edge.ts';
import { readGroupTitle, type GroupReading } from './infer-group.ts';
import { inferNode, type GroupContext } from './infer-node.ts';
import { styleRecord } from './parse-statements.ts';
import { parseSyntax } from './parse-syntax.ts';
import type { DocumentSyntax, SubgraphStatement } from './syntax.ts';
import type { LineIndex } from './text.ts';
import type { ConfigDirective, ParseResult, Topology, TopologyEdge, TopologyGroup, TopologyNode } from './types.ts';
import { readSchemas } from './schemaDirectives.ts';

/** A parse with the syntax behind it, for the patcher. */
export interface ParsedDocument extends ParseResult {
  syntax: DocumentSyntax;
  /** Parallel to `topology.edges`: where each edge was written. */
  edgeOrigins: EdgeOrigin[];
  /** The id each subgraph statement got. */
  subgraphIds: Map<SubgraphStatement, string>;
  lines: LineIndex;
}

function groupsOf(draft: GraphDraft, lines: LineIndex): { groups: TopologyGroup[]; readings: Map<string, GroupReading | undefined> } {
  const owners = draft.subgraphs.owners();
  const readings = new Map<string, GroupReading | undefined>();
  const groups = draft.subgraphs.list.map((sg) => {
    const range = draft.groupRanges.get(sg.id) ?? { from: 0, to: 0 };
    const group: TopologyGroup = { id: sg.id, title: sg.title, members: [...sg.nodes], span: lines.span(range.from, range.to) };
    const parent = owners.get(sg.id);
    if (parent) group.parent = parent;
    if (sg.dir) group.direction = sg.dir;
    if (sg.markdown) group.markdown = true;
    const reading = readGroupTitle(sg.title);
    readings.set(sg.id, reading);
    if (reading) {
      group.kind = reading.kind;
      group.kindReason = reading.reason;
      if (reading.name) group.name = reading.name;
    }
    const vertex = draft.nodes.get(sg.id);
    if (vertex && vertex.styles.length > 0) group.style = styleRecord(vertex.styles);
    const classes = [...(draft.groupClasses.get(sg.id) ?? []), ...(vertex?.classes ?? [])];
    if (classes.length > 0) group.classes = [...new Set(classes)];
    return group;
  });
  for (const g of groups) {
    const reading = readings.get(g.id);
    if (reading?.kind !== 'partition' || reading.index === undefined) continue;
    const topic = g.parent ? readings.get(g.parent) : undefined;
    if (topic?.kind === 'topic' && topic.name) g.partitionOf = { topic: topic.name, index: reading.index };
  }
  return { groups, readings };
}

function context(id: string, owners: Map<string, string>, groups: Map<string, TopologyGroup>, readings: Map<string, GroupReading | undefined>): GroupContext[] {
  const out: GroupContext[] = [];
  const seen = new Set<string>();
  for (let g = owners.get(id); g !== undefined && !seen.has(g); g = owners.get(g)) {
    seen.add(g);
    const reading = readings.get(g);
    const ctx: GroupContext = { id: g, title: groups.get(g)?.title ?? '' };
    if (reading) ctx.reading = reading;
    out.push(ctx);
  }
  return out;
}

/** Nodes with their inferred kinds, and the partition numbers read from labels (for linkPartitions). */
function nodesOf(
  draft: GraphDraft,
  lines: LineIndex,
  groups: TopologyGroup[],
  readings: Map<string, GroupReading | undefined>,
): { nodes: TopologyNode[]; partitionIndex: Map<string, number> } {
  const owners = draft.subgraphs.owners();
  const byId = new Map(groups.map((g) => [g.id, g]));
  const defaults = draft.classDefs['default'] ?? {};
  const nodes: TopologyNode[] = [];
  const partitionIndex = new Map<string, number>();
  for (const d of draft.nodes.values()) {
    if (byId.has(d.id)) continue;
    const groupCtx = context(d.id, owners, byId, readings);
    const inferred = inferNode({ id: d.id, label: d.label, shape: d.shape, classes: d.classes, groups: groupCtx });
    const style: Record<string, string> = Object.assign({}, defaults);
    for (const c of d.classes) Object.assign(style, draft.classDefs[c]);
    if (d.styles.length > 0) Object.assign(style, styleRecord(d.styles));
    const node: TopologyNode = {
      id: d.id,
      label: d.label,
      kind: inferred.kind,
      kindSource: inferred.kindSource,
      kindReason: inferred.kindReason,
      config: {},
      classes: d.classes.slice(),
      style,
      span: lines.span(d.span.from, d.span.to),
    };
    if (d.shape) node.shape = d.shape;
    if (inferred.topics) node.topics = inferred.topics;
    if (inferred.consumerGroup) node.consumerGroup = inferred.consumerGroup;
    const index = inferred.partitionIndex;
    if (d.markdown) node.markdown = true;
    const owner = owners.get(d.id);
    if (owner) node.group = owner;
    const topicGroup = groupCtx.find((g) => g.reading?.kind === 'topic')?.reading?.name;
    if (node.kind === 'partition' && index !== undefined) {
      if (topicGroup) node.partitionOf = { topic: topicGroup, index };
      partitionIndex.set(node.id, index);
    }
    nodes.push(node);
  }
  return { nodes, partitionIndex };
}

function edgesOf(draft: GraphDraft, lines: LineIndex, nodes: TopologyNode[], groups: TopologyGroup[]): TopologyEdge[] {
  const kinds = new Map<string, EndKind>(nodes.map((n) => [n.id, n.kind]));
  for (const g of groups) {
    const k = g.kind === 'consumer-group' ? 'consumer' : g.kind;
    kinds.set(g.id, k ?? 'group');
  }
  return draft.edges.map((d) => {
    const reading = inferEdge(kinds.get(d.from) ?? 'service', kinds.get(d.to) ?? 'service', d.label);
    const edge: TopologyEdge = {
      id: d.id,
      from: d.from,
      to: d.to,
      kind: reading.kind,
      stroke: d.stroke,
      arrowStart: d.arrowStart,
      arrowEnd: d.arrowEnd,
      length: d.length,
      span: lines.span(d.span.from, d.span.to),
      kindReason: reading.reason,
    };
    if (d.label !== undefined) edge.label = d.label;
    if (d.markdown) edge.markdown = true;
    if (d.classes) edge.classes = d.classes;
    return edge;
  });
}

/** A partition drawn outside a topic subgraph belongs to the topic with an edge into it (`T --> P0`). */
function linkPartitions(nodes: TopologyNode[], edges: TopologyEdge[], groups: TopologyGroup[], partitionIndex: Map<string, number>): void {
  const topicName = new Map<string, string>();
  for (const n of nodes) if (n.kind === 'topic' && n.topics?.[0]) topicName.set(n.id, n.topics[0]);
  for (const g of groups) if (g.kind === 'topic' && g.name) topicName.set(g.id, g.name);
  for (const n of nodes) {
    const index = partitionIndex.get(n.id);
    if (n.kind !== 'partition' || n.partitionOf || index === undefined) continue;
    const from = edges.find((e) => e.to === n.id && topicName.has(e.from));
    if (from) n.partitionOf = { topic: topicName.get(from.from) as string, index };
  }
}

/**
 * A service's edge to a topic that its own settings name as a retry topic or its dead-letter topic draws where its
 * failed records go: the edge gets that role, and the simulation does not read it as events the service publishes.
 * @example `Billing --> R[Topic: orders-retry-1]` with `%% @config Billing retry.topics=orders-retry-1:5s`
 */
function markFailurePaths(nodes: TopologyNode[], edges: TopologyEdge[]): void {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  for (const e of edges) {
    if (e.kind !== 'publish') continue;
    const from = byId.get(e.from);
    const topic = byId.get(e.to);
    const name = topic?.kind === 'topic' ? topic.topics?.[0] : undefined;
    if (!from || !name) continue;
    const stages = parseStages(from.config['retry.topics'] ?? '');
    if (typeof stages !== 'string' && stages.some((st) => st.topic === name)) {
      e.role = 'retry';
      e.kindReason = `${from.id} sends the records that fail there and reads them again after the delay: ${name} is in its retry.topics, so these are not events of its own`;
    } else if ((from.config['dlq'] ?? '').trim() === name) {
      e.role = 'dead-letter';
      e.kindReason = `${from.id} sends there the records it gives up on: ${name} is its dlq, so these are not events of its own`;
    }
  }
}

/**
 * The config directives, each entry checked against the schema for what its target is: unknown keys, settings the
 * target does not read, bad values and settings run together are warnings at the entry's own line and column.
 */
function directivesOf(text: string, draft: GraphDraft, lines: LineIndex, cur: Cursor, nodes: TopologyNode[], groups: TopologyGroup[]): ConfigDirective[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const all = draft.directives.map(({ directive }) => directive);
  return draft.directives.map(({ directive, range, targetRange }) => {
    const node = byId.get(directive.target) ?? nodes.find((n) => n.kind === 'topic' && n.topics?.[0] === directive.target);
    if (node) for (const e of directive.entries) node.config[e.key] = e.value;
    const target = readTarget(directive.target, { nodes, groups, directives: all });
    if (!target) {
      cur.report('warning', `@config names '${directive.target}', but no node, topic or consumer group has that name`, targetRange.from, targetRange.to, 'config-target');
    } else if ('unread' in target) {
      if (directive.entries.length > 0) cur.report('warning', `settings aimed at ${target.what} are not read: ${target.unread}`, targetRange.from, targetRange.to, 'setting');
    } else if ('scopes' in target) {
      for (const e of directive.entries) {
        const valueFrom = e.span.from + e.key.length + 1;
        const entry = { key: e.key, value: e.value, quoted: text[valueFrom] === '"', from: e.span.from, valueFrom, to: e.span.to };
        const problem = checkEntry(entry, directive.target, target);
        if (problem) cur.report('warning', problem.message, problem.from, problem.to, 'setting');
      }
    }
    return {
      target: directive.target,
      entries: directive.entries.map((e) => ({ key: e.key, value: e.value, span: lines.span(e.span.from, e.span.to) })),
      span: lines.span(range.from, range.to),
    };
  });
}

/** Parses text into the topology and the syntax behind it. */
export function parseDocument(text: string): ParsedDocument {
  const { document, cursor } = parseSyntax(text);
  const lines = cursor.lines;
  const draft = buildGraph(cursor, document.statements, document.header?.direction ?? 'TB');
  const { groups, readings } = groupsOf(draft, lines);
  const { nodes, partitionIndex } = nodesOf(draft, lines, groups, readings);
  const edges = edgesOf(draft, lines, nodes, groups);
  linkPartitions(nodes, edges, groups, partitionIndex);
  const directives = directivesOf(text, draft, lines, cursor, nodes, groups);
  markFailurePaths(nodes, edges);
  const topology: Topology = { direction: draft.direction, nodes, edges, groups, directives, classDefs: draft.classDefs };
  const schemas = readSchemas(text);
  if (schemas) {
    topology.schemas = schemas.schemas.map(({ from, to, ...s }) => ({ ...s, span: lines.span(from, to) }));
    for (const p of schemas.problems) cursor.report('error', p.message, p.from, p.to);
  }
  if (draft.annotations.length > 0) {
    topology.annotations = draft.annotations.map((a) => ({ kind: a.kind, text: text.slice(a.range.from, a.range.to), span: lines.span(a.range.from, a.range.to) }));
  }
  const diagnostics = [...cursor.diagnostics].sort((a, b) => a.from - b.from);
  return {
    topology,
    diagnostics,
    ok: !diagnostics.some((d) => d.severity === 'error'),
    syntax: document,
    edgeOrigins: draft.edges.map((e) => e.origin),
    subgraphIds: draft.subgraphIds,
    lines,
  };
}

/**
 * Parses a Mermaid flowchart into the topology model, with diagnostics (line and column); `ok` is false when any
 * diagnostic is an error.
 *
 * @example parseTopology('flowchart LR\n  A[Order Service] --> K[Kafka: orders]').topology.edges[0].kind === 'publish'
 */
export function parseTopology(text: string): ParseResult {
  const { topology, diagnostics, ok } = parseDocument(text);
  return { topology, diagnostics, ok };
}

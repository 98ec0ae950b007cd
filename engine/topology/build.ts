/**
 * Concrete syntax to the graph mermaid would draw: vertices, edges (with mermaid's ids), subgraphs, classes and
 * styles, applied statement by statement in the order mermaid's FlowDB applies them. Kinds come later (infer-*.ts).
 */
import type { Cursor } from './cursor.ts';
import { shapeFromName, OTHER_SHAPE_NAMES } from './shapes.ts';
import type { ChainStatement, Statement, SubgraphStatement, VertexSyntax } from './syntax.ts';
import { SubgraphTable, type MemberItem } from './subgraphs.ts';
import type { Range } from './text.ts';
import type { Annotation, ConfigDirective, Direction, Shape, TopologyEdge } from './types.ts';
import { styleRecord } from './parse-statements.ts';
import { decodeLabel } from './labels.ts';

export interface NodeDraft {
  id: string;
  label: string;
  shape?: Shape;
  markdown: boolean;
  classes: string[];
  styles: string[];
  /** The first reference that gave a label, else the first mention. */
  span: Range;
  labelled: boolean;
}

/** Where an edge was written: link `link` of `statement`, from the `start`-th node of its group to the `end`-th. */
export interface EdgeOrigin {
  statement: ChainStatement;
  link: number;
  start: number;
  end: number;
}

export interface EdgeDraft {
  id: string;
  from: string;
  to: string;
  label: string | undefined;
  stroke: TopologyEdge['stroke'];
  arrowStart: TopologyEdge['arrowStart'];
  arrowEnd: TopologyEdge['arrowEnd'];
  length: number;
  markdown: boolean;
  classes?: string[];
  span: Range;
  origin: EdgeOrigin;
}

export interface GraphDraft {
  direction: Direction;
  nodes: Map<string, NodeDraft>;
  edges: EdgeDraft[];
  subgraphs: SubgraphTable;
  /** Group ranges by id (the first subgraph statement with that id). */
  groupRanges: Map<string, Range>;
  classDefs: Record<string, Record<string, string>>;
  directives: { directive: Omit<ConfigDirective, 'span' | 'entries'> & { entries: { key: string; value: string; span: Range }[] }; range: Range; targetRange: Range }[];
  annotations: { kind: Annotation['kind']; range: Range }[];
  /** Classes given to subgraph ids by `class` statements. */
  groupClasses: Map<string, string[]>;
  /** The id each subgraph statement got (its own, or mermaid's `subGraphN`). */
  subgraphIds: Map<SubgraphStatement, string>;
}

class GraphBuilder {
  readonly draft: GraphDraft;
  private readonly edgeCounts = new Map<string, number>();
  private readonly edgeIds = new Set<string>();

  constructor(
    private readonly cur: Cursor,
    direction: Direction,
  ) {
    this.draft = {
      direction,
      nodes: new Map(),
      edges: [],
      subgraphs: new SubgraphTable(),
      groupRanges: new Map(),
      classDefs: {},
      directives: [],
      annotations: [],
      groupClasses: new Map(),
      subgraphIds: new Map(),
    };
  }

  /** Applies statements in order; returns what a subgraph around them collects. */
  statements(list: Statement[], collect: MemberItem[] | undefined): void {
    for (const s of list) this.statement(s, collect);
  }

  private statement(s: Statement, collect: MemberItem[] | undefined): void {
    switch (s.type) {
      case 'chain':
        return this.chain(s, collect);
      case 'subgraph':
        return this.subgraph(s, collect);
      case 'style':
        // Mermaid creates the vertex when the style names an unknown id (a subgraph's too; see parse.ts).
        this.vertex(s.target.id, s.target.range).styles.push(...s.styles);
        return;
      case 'classDef':
        for (const name of s.names) this.draft.classDefs[name.id] = { ...this.draft.classDefs[name.id], ...styleRecord(s.styles) };
        return;
      case 'class':
        for (const ref of s.ids) this.setClass(ref.id, s.className.id, ref.range);
        return;
      case 'click':
        this.draft.annotations.push({ kind: 'click', range: s.range });
        return;
      case 'linkStyle':
        for (const { index, range } of s.indices) {
          if (typeof index === 'number' && index >= this.draft.edges.length) {
            const count = this.draft.edges.length;
            this.cur.report('error', `linkStyle ${index}: there ${count === 1 ? 'is 1 edge' : `are ${count} edges`} before this line, numbered from 0`, range.from, range.to);
          }
        }
        this.draft.annotations.push({ kind: 'linkStyle', range: s.range });
        return;
      case 'direction':
        if (collect) collect.push({ dir: s.direction });
        else this.draft.annotations.push({ kind: 'direction', range: s.range });
        return;
      case 'comment':
        if (s.config) {
          const { target, targetRange, entries } = s.config;
          this.draft.directives.push({
            directive: { target, entries: entries.map((e) => ({ key: e.key, value: e.value, span: e.range })) },
            range: s.range,
            targetRange,
          });
        } else {
          this.draft.annotations.push({ kind: 'comment', range: s.range });
        }
        return;
      case 'verbatim':
        this.draft.annotations.push({ kind: s.what, range: s.range });
        return;
    }
  }


  private setClass(id: string, name: string, range: Range): void {
    const node = this.draft.nodes.get(id);
    const edge = this.draft.edges.find((e) => e.id === id);
    const group = this.draft.subgraphs.has(id);
    if (node) node.classes.push(name);
    if (edge) (edge.classes ??= []).push(name);
    if (group) {
      const list = this.draft.groupClasses.get(id) ?? [];
      list.push(name);
      this.draft.groupClasses.set(id, list);
    }
    if (!node && !edge && !group) {
      this.cur.report('warning', `'${id}' is not defined above this line, so mermaid ignores this class; move the line below the node`, range.from, range.to);
    }
  }

  /** Mermaid's addVertex without a label: creates the vertex on first mention. */
  private vertex(id: string, range: Range): NodeDraft {
    let node = this.draft.nodes.get(id);
    if (!node) {
      node = { id, label: id, markdown: false, classes: [], styles: [], span: range, labelled: false };
      this.draft.nodes.set(id, node);
    }
    return node;
  }

  private reference(v: VertexSyntax): void {
    // Mermaid treats a reference to an edge id as data for that edge, and shape data on a subgraph's id as the
    // subgraph's: neither is a node.
    if (this.edgeIds.has(v.id) || (this.draft.subgraphs.has(v.id) && v.data)) return;
    const node = this.vertex(v.id, v.range);
    if (v.label) this.label(node, v.label.text, v.label.markdown, v.range);
    if (v.shape) node.shape = v.shape;
    if (v.className) node.classes.push(v.className);
    if (v.data) {
      if (v.data.shapeName !== undefined) {
        const shape = shapeFromName(v.data.shapeName);
        if (shape) node.shape = shape;
        else if (OTHER_SHAPE_NAMES.has(v.data.shapeName)) node.shape = 'square';
        else this.cur.report('error', `no such shape '${v.data.shapeName}'; try rect, rounded, stadium, cyl, circle, diam, hex`, v.data.range.from, v.data.range.to);
      }
      if (v.data.label) this.label(node, decodeLabel(v.data.label), false, v.range);
    }
  }

  private label(node: NodeDraft, text: string, markdown: boolean, range: Range): void {
    node.label = text;
    node.markdown = markdown;
    if (!node.labelled) node.span = range;
    node.labelled = true;
  }

  private chain(s: ChainStatement, collect: MemberItem[] | undefined): void {
    const lone = s.groups.length === 1 && s.groups[0]?.length === 1 ? s.groups[0][0] : undefined;
    if (lone && this.edgeIds.has(lone.id)) {
      this.draft.annotations.push({ kind: 'edgeData', range: s.range });
      return;
    }
    for (let g = 0; g < s.groups.length; g++) {
      const group = s.groups[g] as VertexSyntax[];
      for (const v of group) this.reference(v);
      if (g > 0) this.link(s, g - 1, s.groups[g - 1] as VertexSyntax[], group);
    }
    if (collect) for (let g = s.groups.length - 1; g >= 0; g--) for (const v of s.groups[g] ?? []) collect.push(v.id);
  }

  private link(s: ChainStatement, index: number, starts: VertexSyntax[], ends: VertexSyntax[]): void {
    const link = s.links[index];
    if (!link) return;
    for (let si = 0; si < starts.length; si++) {
      const a = starts[si] as VertexSyntax;
      for (let ei = 0; ei < ends.length; ei++) {
        const b = ends[ei] as VertexSyntax;
        const own = si === starts.length - 1 && ei === 0 ? link.edgeId : undefined;
        const key = `${a.id}\u0000${b.id}`;
        const count = this.edgeCounts.get(key) ?? 0;
        this.edgeCounts.set(key, count + 1);
        const id = own && !this.edgeIds.has(own) ? own : `L_${a.id}_${b.id}_${count === 0 ? 0 : count + 1}`;
        this.edgeIds.add(id);
        this.draft.edges.push({
          id,
          from: a.id,
          to: b.id,
          label: link.label?.text,
          stroke: link.stroke,
          arrowStart: link.arrowStart,
          arrowEnd: link.arrowEnd,
          length: link.length,
          markdown: link.label?.markdown === true,
          span: { from: a.range.from, to: b.range.to },
          origin: { statement: s, link: index, start: si, end: ei },
        });
      }
    }
  }

  private subgraph(s: SubgraphStatement, collect: MemberItem[] | undefined): void {
    const items: MemberItem[] = [];
    this.statements(s.body, items);
    let id: string | undefined;
    let title: string;
    if (s.titleIsId) {
      const raw = s.idText ?? '';
      title = s.title?.text ?? '';
      id = raw === '' || /\s/.test(raw) ? undefined : raw.trim();
    } else {
      id = s.idText ?? '';
      title = s.title?.text ?? '';
    }
    const name = this.draft.subgraphs.add(id, title, items, s.title?.markdown ?? false);
    if (!this.draft.groupRanges.has(name)) this.draft.groupRanges.set(name, s.range);
    this.draft.subgraphIds.set(s, name);
    if (collect) collect.push(name);
  }
}

/** Applies the statements of a document as mermaid would; diagnostics go to `cur`. */
export function buildGraph(
  cur: Cursor,
  statements: Statement[],
  direction: Direction,
): GraphDraft {
  const builder = new GraphBuilder(cur, direction);
  builder.statements(statements, undefined);
  return builder.draft;
}

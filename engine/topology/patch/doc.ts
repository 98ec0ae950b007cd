/**
 * A parsed document indexed for patching: every statement with the subgraphs around it, node references by id,
 * subgraph statements by id, and the line geometry (indentation, line ends) edits need.
 */
import { parseDocument, type ParsedDocument } from '../parse.ts';
import type { ChainStatement, Statement, SubgraphStatement, VertexSyntax } from '../syntax.ts';
import { isBlank, type Range } from '../text.ts';
import { endOfLine } from '../trivia.ts';
import type { TopologyEdge, TopologyGroup, TopologyNode } from '../types.ts';

export interface Located<S extends Statement = Statement> {
  statement: S;
  /** Enclosing subgraphs, innermost first. */
  parents: SubgraphStatement[];
}

export interface RefAt {
  ref: VertexSyntax;
  at: Located<ChainStatement>;
}

export class PatchDoc {
  readonly parsed: ParsedDocument;
  /** Every statement in document order, subgraphs before their bodies. */
  readonly all: Located[] = [];
  private readonly subgraphsById = new Map<string, SubgraphStatement>();

  constructor(readonly text: string) {
    this.parsed = parseDocument(text);
    const walk = (list: Statement[], parents: SubgraphStatement[]) => {
      for (const statement of list) {
        this.all.push({ statement, parents });
        if (statement.type === 'subgraph') {
          const id = this.parsed.subgraphIds.get(statement);
          if (id !== undefined && !this.subgraphsById.has(id)) this.subgraphsById.set(id, statement);
          walk(statement.body, [statement, ...parents]);
        }
      }
    };
    walk(this.parsed.syntax.statements, []);
  }

  node(id: string): TopologyNode | undefined {
    return this.parsed.topology.nodes.find((n) => n.id === id);
  }

  group(id: string): TopologyGroup | undefined {
    return this.parsed.topology.groups.find((g) => g.id === id);
  }

  edgeIndex(id: string): number {
    return this.parsed.topology.edges.findIndex((e) => e.id === id);
  }

  get edges(): TopologyEdge[] {
    return this.parsed.topology.edges;
  }

  subgraph(id: string): SubgraphStatement | undefined {
    return this.subgraphsById.get(id);
  }

  subgraphId(s: SubgraphStatement): string | undefined {
    return this.parsed.subgraphIds.get(s);
  }

  /** Position of a group in mermaid's closing order (lower closes first); -1 for none. */
  closingIndex(id: string | undefined): number {
    return id === undefined ? -1 : this.parsed.topology.groups.findIndex((g) => g.id === id);
  }

  /** The group that lists `id` (a node or a subgraph). */
  owner(id: string): string | undefined {
    return this.node(id)?.group ?? this.group(id)?.parent;
  }

  chains(): Located<ChainStatement>[] {
    return this.all.filter((l): l is Located<ChainStatement> => l.statement.type === 'chain');
  }

  /** Every reference to node `id` in vertex statements, in document order. */
  refs(id: string): RefAt[] {
    const out: RefAt[] = [];
    for (const at of this.chains()) {
      for (const group of at.statement.groups) for (const ref of group) if (ref.id === id) out.push({ ref, at });
    }
    return out;
  }

  /** The innermost subgraph around a statement. */
  parentOf(statement: Statement): SubgraphStatement | undefined {
    return this.all.find((l) => l.statement === statement)?.parents[0];
  }

  /**
   * Whether node `id` keeps both its existence and its subgraph if statement `s` stops mentioning it, given the
   * other statements that (still) mention it.
   */
  placedElsewhere(s: ChainStatement, id: string, mentions: Iterable<ChainStatement>): boolean {
    const others = [...mentions].filter((m) => m !== s);
    if (others.length === 0) return false;
    // Dropping the first mention moves the node's definition down to the next one; a `class`, `style` or `click` line
    // between the two would then name a node not yet defined, which mermaid ignores.
    const next = Math.min(...others.map((m) => m.range.from));
    if (s.range.from < next && this.all.some(({ statement: x }) => x.range.from > s.range.from && x.range.from < next && namesNode(x, id))) return false;
    const parent = this.parentOf(s);
    if (!parent || this.owner(id) !== this.subgraphId(parent)) return true;
    return others.some((m) => this.parentOf(m) === parent);
  }

  /** The offset where the line holding `offset` starts. */
  lineStart(offset: number): number {
    const nl = this.text.lastIndexOf('\n', offset - 1);
    return nl + 1;
  }

  /** The offset of the line break ending the line that holds `offset` (or the text's length). */
  lineEnd(offset: number): number {
    return endOfLine(this.text, offset);
  }

  /** The blanks that start the line holding `offset`. */
  indent(offset: number): string {
    const start = this.lineStart(offset);
    let i = start;
    while (i < this.text.length && isBlank(this.text.charCodeAt(i))) i++;
    return this.text.slice(start, i);
  }

  slice(r: Range): string {
    return this.text.slice(r.from, r.to);
  }
}

/** Whether a `class`, `style` or `click` statement names `id`. */
function namesNode(s: Statement, id: string): boolean {
  if (s.type === 'class') return s.ids.some((r) => r.id === id);
  if (s.type === 'style') return s.target.id === id;
  if (s.type === 'click') return s.ids.some((r) => r.id === id);
  return false;
}

/**
 * The concrete syntax of a flowchart: every statement with the offsets of its parts.
 *
 * The parser produces it, the model builder reads meaning from it, and the patcher uses its ranges to change exactly
 * the characters an edit needs. Nothing here is interpreted (kinds, membership, edge ids come later).
 */
import type { ArrowHead, Direction, Shape, Stroke } from './types.ts';
import type { Range } from './text.ts';

/** Label text as written between delimiters, and what mermaid shows for it. */
export interface LabelSyntax {
  /** The label as shown: quotes removed, entities decoded, `<br>` as `\n`, trimmed. */
  text: string;
  /** Inside the delimiters (quotes included when quoted). */
  range: Range;
  quoted: boolean;
  markdown: boolean;
}

/** `@{ shape: cyl, label: "Orders" }` after a node id. */
export interface ShapeDataSyntax {
  range: Range;
  /** The mermaid shape name as written, e.g. `cyl`. */
  shapeName?: string;
  label?: string;
  /** The raw key/value text between the braces. */
  body: string;
}

/** One node reference: `A`, `A[label]`, `A([label]):::cls`, `A@{ ... }`. */
export interface VertexSyntax {
  id: string;
  idRange: Range;
  shape?: Shape;
  /** From the opening bracket to the end of the closing one. */
  shapeRange?: Range;
  label?: LabelSyntax;
  className?: string;
  /** The `:::name` suffix, colons included. */
  classRange?: Range;
  data?: ShapeDataSyntax;
  range: Range;
}

/** One arrow between two node groups. */
export interface LinkSyntax {
  stroke: Stroke;
  arrowStart: ArrowHead;
  arrowEnd: ArrowHead;
  length: number;
  /** The arrow token(s), from the first arrow character to the last (inline text included). */
  range: Range;
  label?: LabelSyntax;
  /** `pipe` for `-->|x|`, `inline` for `-- x -->`. */
  labelForm?: 'pipe' | 'inline';
  /** For `pipe`: the `|x|` part, pipes included. */
  pipeRange?: Range;
  /** For `inline`: the closing arrow token. */
  closeRange?: Range;
  edgeId?: string;
  /** `e1@`, at sign included. */
  edgeIdRange?: Range;
}

export interface ChainStatement {
  type: 'chain';
  /** Node groups joined by `&`, in order; `links[i]` joins `groups[i]` to `groups[i + 1]`. */
  groups: VertexSyntax[][];
  links: LinkSyntax[];
  range: Range;
}

export interface IdRef {
  id: string;
  range: Range;
}

export interface StyleStatement {
  type: 'style';
  target: IdRef;
  styles: string[];
  range: Range;
}

export interface ClassDefStatement {
  type: 'classDef';
  names: IdRef[];
  styles: string[];
  range: Range;
}

export interface ClassStatement {
  type: 'class';
  ids: IdRef[];
  className: IdRef;
  range: Range;
}

export interface ClickStatement {
  type: 'click';
  ids: IdRef[];
  range: Range;
}

export interface LinkStyleStatement {
  type: 'linkStyle';
  /** Edge indices, or `default`, each with its range. */
  indices: { index: number | 'default'; range: Range }[];
  range: Range;
}

export interface SubgraphStatement {
  type: 'subgraph';
  /** The id as written (`subgraph id [title]`), or the title when it serves as both. */
  idText?: string;
  idRange?: Range;
  title?: LabelSyntax;
  /** True when the same text names the subgraph and titles it (`subgraph Title` or `subgraph "Title"`). */
  titleIsId: boolean;
  /** The `subgraph ...` line, without the separator. */
  headerRange: Range;
  body: Statement[];
  /** The `end` keyword; absent when the subgraph is never closed. */
  endRange?: Range;
  range: Range;
}

export interface DirectionStatement {
  type: 'direction';
  direction: Direction;
  range: Range;
}

/** One `key=value` of a config directive. */
export interface ConfigEntrySyntax {
  key: string;
  value: string;
  range: Range;
  valueRange: Range;
}

/** `%% @config target key=value ...` */
export interface ConfigSyntax {
  target: string;
  targetRange: Range;
  entries: ConfigEntrySyntax[];
}

/** A `%%` line; `config` is set when it is a well-formed `@config` directive. */
export interface CommentStatement {
  type: 'comment';
  range: Range;
  config?: ConfigSyntax;
}

/** Kept as written, with no meaning to the simulator: `%%{init}%%`, accTitle, accDescr, front matter, edge data. */
export interface VerbatimStatement {
  type: 'verbatim';
  what: 'init' | 'accTitle' | 'accDescr' | 'frontmatter' | 'edgeData';
  range: Range;
}

export type Statement =
  | ChainStatement
  | StyleStatement
  | ClassDefStatement
  | ClassStatement
  | ClickStatement
  | LinkStyleStatement
  | SubgraphStatement
  | DirectionStatement
  | CommentStatement
  | VerbatimStatement;

export interface HeaderSyntax {
  keyword: string;
  direction?: Direction;
  range: Range;
}

export interface DocumentSyntax {
  header?: HeaderSyntax;
  /** Top-level statements in order; subgraphs hold their own. */
  statements: Statement[];
}

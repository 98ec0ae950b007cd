/**
 * Text to concrete syntax: the header, then statements separated by line breaks or `;`, subgraphs nesting them.
 *
 * A statement that cannot be read becomes an error diagnostic and parsing resumes on the next line, so one typo
 * never hides the rest of the diagram.
 */
import { readConfig } from './config.ts';
import { Cursor, StatementError } from './cursor.ts';
import { readChain } from './parse-chain.ts';
import { SQUARE, readLabel } from './parse-label.ts';
import {
  readAccessibility,
  readClass,
  readClassDef,
  readClick,
  readLinkStyle,
  readStyle,
} from './parse-statements.ts';
import type { DocumentSyntax, HeaderSyntax, Statement, SubgraphStatement } from './syntax.ts';
import type { Direction } from './types.ts';
import { isBlank, isNewline, isWhite, keywordAt, skipBlanks, trimEndOffset } from './text.ts';
import { commentAt, directiveEnd, endOfLine } from './trivia.ts';

export interface SyntaxResult {
  document: DocumentSyntax;
  cursor: Cursor;
}

const DIRECTIONS: Direction[] = ['TB', 'BT', 'RL', 'LR', 'TD'];
/** The deepest subgraph nesting the parser accepts. */
export const SUBGRAPH_NESTING_MAX = 64;

const DIRECTION_LINE = /direction\s+(TB|BT|RL|LR|TD)/;
const HEADERS = ['flowchart', 'graph'];

class DocumentParser {
  private readonly top: Statement[] = [];
  private readonly open: SubgraphStatement[] = [];
  /** Subgraphs opened past SUBGRAPH_NESTING_MAX and not yet closed. */
  private tooDeep = 0;
  /** The next offset where the word `direction` occurs (-1: nowhere further). */
  private nextDirection: number;

  constructor(private readonly cur: Cursor) {
    this.nextDirection = cur.text.indexOf('direction');
  }

  private get text(): string {
    return this.cur.text;
  }

  private push(statement: Statement): void {
    const parent = this.open[this.open.length - 1];
    (parent ? parent.body : this.top).push(statement);
  }

  run(): DocumentSyntax {
    let pos = this.leadingTrivia(0);
    const header = this.header(pos);
    if (header) pos = header.next;
    this.statements(pos);
    for (const sg of this.open.reverse()) {
      const name = sg.idText ?? sg.title?.text ?? '';
      this.cur.report('error', `subgraph '${name}' opened at ${this.cur.where(sg.range.from)} is never closed with 'end'`, sg.headerRange.from, sg.headerRange.to);
      sg.range.to = this.text.length;
    }
    return header ? { header: header.syntax, statements: this.top } : { statements: this.top };
  }

  /** Front matter, comments and directives before the header. */
  private leadingTrivia(i: number): number {
    const text = this.text;
    const fm = /^\s*---[ \t]*\r?\n[\s\S]*?\r?\n---[ \t]*(?=\r?\n|$)/.exec(text);
    if (fm) {
      const from = fm[0].length - fm[0].trimStart().length;
      this.top.push({ type: 'verbatim', what: 'frontmatter', range: { from, to: fm[0].length } });
      i = fm[0].length;
    }
    for (;;) {
      while (i < text.length && isWhite(text.charCodeAt(i))) i++;
      if (text.startsWith('%%{', i) || commentAt(text, i)) i = this.trivia(i);
      else return i;
    }
  }

  private header(i: number): { syntax: HeaderSyntax; next: number } | undefined {
    const text = this.text;
    const keyword = ['flowchart-elk', 'flowchart', 'graph'].find((k) => keywordAt(text, i, k));
    if (!keyword) {
      this.cur.report('error', "a flowchart starts with 'flowchart' or 'graph' and a direction, e.g. 'flowchart LR'", i, endOfLine(text, i));
      return undefined;
    }
    let j = i + keyword.length;
    const syntax: HeaderSyntax = { keyword, range: { from: i, to: j } };
    const at = skipBlanks(text, j);
    const word = /^[^\s;]+/.exec(text.slice(at, at + 16))?.[0];
    if (at > j && word) {
      const arrows: Record<string, Direction> = { '<': 'RL', '>': 'LR', '^': 'BT', v: 'TB' };
      const dir = DIRECTIONS.find((d) => d === word) ?? arrows[word];
      if (dir) {
        syntax.direction = dir;
        j = at + word.length;
        syntax.range.to = j;
      } else {
        this.cur.report('error', `unknown direction '${word}': use TB (or TD), BT, LR or RL`, at, at + word.length);
        j = endOfLine(text, at);
      }
    }
    j = skipBlanks(text, j);
    if (text[j] === ';') return { syntax, next: j + 1 };
    if (j < text.length && !isNewline(text.charCodeAt(j))) {
      this.cur.report('error', `start statements on the line after '${text.slice(i, syntax.range.to)}'`, j, endOfLine(text, j));
      return { syntax, next: endOfLine(text, j) };
    }
    return { syntax, next: j };
  }

  private statements(pos: number): void {
    const text = this.text;
    while (pos < text.length) {
      const c = text.charCodeAt(pos);
      if (isWhite(c) || c === 59) {
        pos++;
        continue;
      }
      try {
        pos = this.statement(pos);
      } catch (e) {
        if (!(e instanceof StatementError)) throw e;
        this.cur.report('error', e.message, e.from, e.to);
        pos = Math.max(endOfLine(text, e.origin) + 1, pos + 1);
      }
    }
  }

  private trivia(i: number): number {
    const text = this.text;
    if (text.startsWith('%%{', i)) {
      const end = directiveEnd(text, i);
      this.push({ type: 'verbatim', what: 'init', range: { from: i, to: end } });
      return end;
    }
    const end = trimEndOffset(text, i, endOfLine(text, i));
    const read = readConfig(text, i, end);
    const statement: Statement = { type: 'comment', range: { from: i, to: end } };
    if (read?.config) statement.config = read.config;
    for (const p of read?.problems ?? []) this.cur.report('warning', p.message, p.from, p.to);
    this.push(statement);
    return end;
  }

  /** Reads one statement at `i` and returns the offset after it. */
  private statement(i: number): number {
    const text = this.text;
    const cur = this.cur;
    if (text.startsWith('%%{', i) || commentAt(text, i)) return this.trivia(i);
    const acc = readAccessibility(cur, i);
    if (acc) return this.finish(acc, acc.range.to, 'the accessibility text');
    if (keywordAt(text, i, 'style')) return this.finish(readStyle(cur, i), undefined, 'the style');
    if (keywordAt(text, i, 'linkStyle')) return this.finish(readLinkStyle(cur, i), undefined, 'linkStyle');
    if (keywordAt(text, i, 'classDef')) return this.finish(readClassDef(cur, i), undefined, 'classDef');
    if (keywordAt(text, i, 'class')) return this.finish(readClass(cur, i), undefined, 'the class statement');
    if (text.startsWith('click', i) && isBlank(text.charCodeAt(i + 5))) return this.finish(readClick(cur, i), undefined, 'click');
    if (keywordAt(text, i, 'subgraph')) return this.subgraph(i);
    if (keywordAt(text, i, 'end')) return this.end(i);
    for (const k of HEADERS) {
      if (keywordAt(text, i, k)) throw cur.fail(`a diagram has one '${k}' header; this one repeats it`, i, i + k.length);
    }
    if (text.startsWith('%%', i) && !/[^%\s]/.test(text.slice(i, endOfLine(text, i)))) {
      cur.report('warning', "mermaid reads a '%%' with nothing after it as a node named '%%'; write the comment's text after it", i, endOfLine(text, i));
    }
    const direction = this.direction(i);
    if (direction !== undefined) return direction;
    const chain = readChain(cur, i);
    return this.finish(chain, undefined, () => `node '${chain.groups[chain.groups.length - 1]?.at(-1)?.id ?? ''}'`);
  }

  /** Records `statement` and checks that only a separator follows it. */
  private finish(statement: Statement, end: number | undefined, what: string | (() => string)): number {
    this.push(statement);
    const text = this.text;
    const k = skipBlanks(text, end ?? statement.range.to);
    if (k >= text.length || isNewline(text.charCodeAt(k)) || text[k] === ';') return k;
    if (text.startsWith('%%', k)) {
      throw this.cur.fail("a comment must be on its own line: mermaid reads '%%' after a statement as text", k, endOfLine(text, k));
    }
    const hint = statement.type === 'chain' ? "; join nodes with an arrow such as '-->', or with ' & '" : '';
    throw this.cur.fail(`unexpected ${this.cur.describe(k)} after ${typeof what === 'string' ? what : what()}${hint}`, k, k + 1);
  }

  /** Mermaid reads any line containing `direction XY` as a direction statement, whatever else it holds. */
  private direction(i: number): number | undefined {
    const text = this.text;
    const end = endOfLine(text, i);
    // Statements come in text order, so the next occurrence is searched for only when passed: linear overall.
    if (this.nextDirection !== -1 && this.nextDirection < i) this.nextDirection = text.indexOf('direction', i);
    if (this.nextDirection === -1 || this.nextDirection >= end) return undefined;
    const rest = text.slice(i, end);
    if (!DIRECTION_LINE.test(rest)) return undefined;
    const dir = DIRECTIONS.find((d) => new RegExp(`direction\\s+${d}`).test(rest)) as Direction;
    const to = trimEndOffset(text, i, end);
    if (!/^direction\s+\w+$/.test(rest.trim())) {
      this.cur.report('warning', `mermaid reads this whole line as 'direction ${dir}' because it contains those words; rephrase it if that is not meant`, i, to);
    }
    this.push({ type: 'direction', direction: dir, range: { from: i, to } });
    return end;
  }

  private subgraph(i: number): number {
    const text = this.text;
    const sg: SubgraphStatement = { type: 'subgraph', titleIsId: true, headerRange: { from: i, to: i + 8 }, body: [], range: { from: i, to: i + 8 } };
    // Deep nesting is no diagram a person draws, and it makes layout (and mermaid's own) slow beyond use. Past the
    // limit the subgraphs are counted, not opened, so nothing downstream recurses that deep.
    if (this.open.length >= SUBGRAPH_NESTING_MAX) {
      if (this.tooDeep++ === 0) this.cur.report('error', `subgraphs nest more than ${SUBGRAPH_NESTING_MAX} deep here; EventLab reads at most ${SUBGRAPH_NESTING_MAX} levels`, i, i + 8);
      return endOfLine(text, i);
    }
    this.push(sg);
    this.open.push(sg);
    try {
      const next = this.subgraphHeader(sg, i + 8);
      const k = skipBlanks(text, next);
      if (k < text.length && !isNewline(text.charCodeAt(k)) && text[k] !== ';') {
        throw this.cur.fail(`unexpected ${this.cur.describe(k)} after the subgraph title; put the title in brackets: subgraph id["title"]`, k, k + 1);
      }
      return k;
    } catch (e) {
      if (!(e instanceof StatementError)) throw e;
      this.cur.report('error', e.message, e.from, e.to);
      return endOfLine(text, e.origin);
    }
  }

  private subgraphHeader(sg: SubgraphStatement, j: number): number {
    const text = this.text;
    const at = skipBlanks(text, j);
    if (at >= text.length || isNewline(text.charCodeAt(at)) || text[at] === ';') {
      // Mermaid crashes on a subgraph with neither id nor title.
      throw this.cur.fail("a subgraph needs an id or a title, e.g. 'subgraph orders [Orders]'", sg.headerRange.from, j);
    }
    if (at === j) throw this.cur.fail("expected a space after 'subgraph'", j, j + 1);
    if (text[at] === '"') return this.quotedTitle(sg, at);
    let k = at;
    while (k < text.length && !isNewline(text.charCodeAt(k)) && !';[]"(){}|'.includes(text[k] ?? '')) k++;
    const raw = text.slice(at, k);
    if (text[k] === '[') {
      const read = readLabel(this.cur, k + 1, SQUARE, k);
      sg.idText = raw.trim();
      sg.idRange = { from: at, to: at + sg.idText.length };
      sg.title = read.label;
      sg.titleIsId = false;
      sg.headerRange.to = read.end;
      return read.end;
    }
    if (k < text.length && !isNewline(text.charCodeAt(k)) && text[k] !== ';') {
      throw this.cur.fail(`a subgraph title with '${text[k]}' must be quoted in brackets, e.g. subgraph id["${raw.trim()} ${text[k]}..."]`, k, k + 1);
    }
    // The title's trailing blanks belong to it as mermaid reads it (which matters: whitespace makes it an anonymous id).
    sg.idText = raw;
    sg.idRange = { from: at, to: k };
    sg.title = { text: raw.trim(), range: { from: at, to: trimEndOffset(text, at, k) }, quoted: false, markdown: false };
    sg.headerRange.to = trimEndOffset(text, at, k);
    return k;
  }

  /** `subgraph "Title"` or "`Title`": the string names and titles the subgraph. */
  private quotedTitle(sg: SubgraphStatement, at: number): number {
    const text = this.text;
    const markdown = text.startsWith('"`', at);
    const close = markdown ? text.indexOf('`"', at + 2) : text.indexOf('"', at + 1);
    if (close < 0) throw this.cur.fail(`the string opened at ${this.cur.where(at)} is never closed`, at, at + 1);
    const end = close + (markdown ? 2 : 1);
    const inner = text.slice(at + (markdown ? 2 : 1), close);
    sg.idText = inner;
    sg.idRange = { from: at, to: end };
    sg.title = { text: inner.trim(), range: { from: at, to: end }, quoted: true, markdown };
    sg.headerRange.to = end;
    return end;
  }

  private end(i: number): number {
    if (this.tooDeep > 0 && this.open.length >= SUBGRAPH_NESTING_MAX) {
      this.tooDeep--;
      return i + 3;
    }
    const sg = this.open.pop();
    if (!sg) throw this.cur.fail("'end' without an open 'subgraph'", i, i + 3);
    sg.endRange = { from: i, to: i + 3 };
    sg.range.to = i + 3;
    return i + 3;
  }
}

/** Reads the text into concrete syntax; diagnostics are on the returned cursor. */
export function parseSyntax(text: string): SyntaxResult {
  const cur = new Cursor(text);
  const document = new DocumentParser(cur).run();
  return { document, cursor: cur };
}

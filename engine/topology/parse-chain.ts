/**
 * Vertex statements: `A`, `A & B`, `A --> B --> C`, `A -->|x| B`, `A -- x --> B`, `A e1@--> B`.
 *
 * Arrows swallow the whitespace around them, line breaks included, exactly as mermaid's LINK token does, so an
 * arrow at the start of the next line continues the statement.
 */
import type { Cursor } from './cursor.ts';
import { arrowAt, arrowInfo, closingArrowAt, splitArrowInfo, type ArrowInfo, type ArrowToken } from './links.ts';
import { PIPE, readLabel } from './parse-label.ts';
import { readVertex } from './parse-vertex.ts';
import type { ChainStatement, LinkSyntax, VertexSyntax } from './syntax.ts';
import { isBlank, isNewline, isWhite, skipBlanks } from './text.ts';
import { decodeLabel } from './labels.ts';
import { skipTrivia } from './trivia.ts';

/** Chars that end a run before `@` in mermaid's LINK_ID token. */
const NOT_IN_LINK_ID = new Set([' ', '\t', '\n', '\r', '"', '[', ']', '(', ')', '{', '}', '|']);

function readGroup(cur: Cursor, i: number): VertexSyntax[] {
  const group = [readVertex(cur, i)];
  for (;;) {
    const last = group[group.length - 1] as VertexSyntax;
    const k = skipBlanks(cur.text, last.range.to);
    if (cur.text[k] !== '&') return group;
    if (k === last.range.to || !isBlank(cur.code(k + 1))) {
      throw cur.fail("'&' between nodes needs a space on both sides, as in 'A & B'", k, k + 1);
    }
    group.push(readVertex(cur, skipBlanks(cur.text, k + 1)));
  }
}

/** `e1@` before an arrow: the edge's own id. */
function readEdgeId(cur: Cursor, i: number): { id: string; from: number; to: number } | undefined {
  const text = cur.text;
  let j = i;
  while (j < text.length && !NOT_IN_LINK_ID.has(text[j] ?? '') && text[j] !== '@') j++;
  if (j === i || text[j] !== '@') return undefined;
  const next = text[j + 1] ?? '';
  if (next === '{' || next === '"') return undefined;
  if (!arrowAt(text, skipBlanks(text, j + 1))) return undefined;
  return { id: text.slice(i, j), from: i, to: j + 1 };
}

/** Inline edge text after an opening half (`-- text -->`), up to the closing arrow of the same family. */
function readInline(cur: Cursor, open: ArrowToken): { label: LinkSyntax['label']; close: ArrowToken } {
  const text = cur.text;
  const from = skipTrivia(text, open.to);
  const forbidden = { normal: '-', thick: '=', dotted: '.', invisible: '~' }[open.family];
  let j = from;
  if (text[j] === '"') {
    const close = text.indexOf('"', j + 1);
    if (close < 0) throw cur.fail(`the string opened at ${cur.where(j)} is never closed with '"'`, j, j + 1, open.from);
    j = close + 1;
  }
  for (; j < text.length; j++) {
    const c = cur.code(j);
    const start = isWhite(c) ? skipTrivia(text, j) : j;
    const close = closingArrowAt(text, start, open.family);
    if (close) {
      const to = j;
      const raw = text.slice(from, to);
      const label = { text: decodeLabel(raw), range: { from, to }, quoted: raw.startsWith('"'), markdown: raw.startsWith('"`') };
      return { label, close };
    }
    const ch = text[j];
    if (ch === '"') throw cur.fail('quote the whole edge text or none of it', j, j + 1, open.from);
    if (ch === forbidden && text[j + 1] === forbidden && open.family === 'normal') {
      throw cur.fail(`'--' cannot appear inside edge text; write the label as -->|text| instead`, j, j + 2, open.from);
    }
    if (ch === forbidden && open.family !== 'normal') {
      throw cur.fail(`'${ch}' cannot appear inside the text of a ${open.family} arrow; write it as -->|text| instead`, j, j + 1, open.from);
    }
  }
  const closer = { normal: '-->', thick: '==>', dotted: '.->', invisible: '~~~' }[open.family];
  throw cur.fail(`the edge text started at ${cur.where(open.from)} is never closed by an arrow such as '${closer}'`, open.from, open.to, open.from);
}

/** The arrow after a node group, if one follows (possibly on the next line); returns it and where the next node starts. */
function readLink(cur: Cursor, i: number): { link: LinkSyntax; next: number } | undefined {
  const text = cur.text;
  const blank = skipBlanks(text, i);
  const id = blank > i ? readEdgeId(cur, blank) : undefined;
  const at = id ? skipBlanks(text, id.to) : skipTrivia(text, i);
  const token = arrowAt(text, at);
  if (!token) return undefined;
  // Links are built in one literal of one shape: this runs for every arrow of a large diagram.
  let info: ArrowInfo | undefined;
  let label: LinkSyntax['label'];
  let labelForm: LinkSyntax['labelForm'];
  let pipeRange: LinkSyntax['pipeRange'];
  let closeRange: LinkSyntax['closeRange'];
  let to: number;
  let next: number;
  if (token.kind === 'link') {
    info = arrowInfo(text.slice(token.from, token.to));
    to = token.to;
    next = skipTrivia(text, token.to);
    if (text[next] === '|') {
      const read = readLabel(cur, next + 1, PIPE, next);
      label = read.label;
      labelForm = 'pipe';
      pipeRange = { from: next, to: read.end };
      next = skipBlanks(text, read.end);
    }
  } else {
    const inline = readInline(cur, token);
    const close = inline.close;
    info = splitArrowInfo(text.slice(token.from, token.to), text.slice(close.from, close.to));
    if (!info) {
      throw cur.fail('the two halves of this arrow disagree (stroke or head); write it as -->|text|', token.from, close.to, token.from);
    }
    label = inline.label;
    labelForm = 'inline';
    closeRange = { from: close.from, to: close.to };
    to = close.to;
    next = skipTrivia(text, close.to);
  }
  const link: LinkSyntax = {
    stroke: info.stroke,
    arrowStart: info.arrowStart,
    arrowEnd: info.arrowEnd,
    length: info.length,
    range: { from: token.from, to },
    label,
    labelForm,
    pipeRange,
    closeRange,
    edgeId: id?.id,
    edgeIdRange: id ? { from: id.from, to: id.to } : undefined,
  };
  return { link, next };
}

/** Reads a vertex statement starting at `i`; the caller checks what follows it. */
export function readChain(cur: Cursor, i: number): ChainStatement {
  const groups = [readGroup(cur, i)];
  const links: LinkSyntax[] = [];
  for (;;) {
    const last = groups[groups.length - 1] as VertexSyntax[];
    const end = (last[last.length - 1] as VertexSyntax).range.to;
    const read = readLink(cur, end);
    if (!read) break;
    const at = read.next;
    if (at >= cur.text.length || isNewline(cur.code(at)) || cur.text[at] === ';') {
      const arrow = cur.text.slice(read.link.range.from, read.link.range.to);
      throw cur.fail(`the arrow '${arrow}' needs a node after it`, read.link.range.from, read.link.range.to);
    }
    links.push(read.link);
    groups.push(readGroup(cur, at));
  }
  const first = groups[0]?.[0] as VertexSyntax;
  const lastGroup = groups[groups.length - 1] as VertexSyntax[];
  return { type: 'chain', groups, links, range: { from: first.range.from, to: (lastGroup[lastGroup.length - 1] as VertexSyntax).range.to } };
}

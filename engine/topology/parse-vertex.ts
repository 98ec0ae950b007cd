/**
 * Node references: an id as mermaid's lexer delimits it, then an optional shape with its label, a `:::class` and
 * `@{ shape data }`.
 */
import type { Cursor } from './cursor.ts';
import { arrowAt } from './links.ts';
import { readLabel } from './parse-label.ts';
import { SHAPE_OPENERS, closersOf } from './shapes.ts';
import type { ShapeDataSyntax, VertexSyntax } from './syntax.ts';
import { isNodeStringChar, isUnicodeLetter, isWordChar, keywordAt } from './text.ts';

/** Words mermaid's lexer turns into keywords wherever they start a token, so they cannot start an id. */
const RESERVED = ['subgraph', 'end', 'graph', 'flowchart', 'style', 'linkStyle', 'classDef', 'class', 'interpolate', '_self', '_blank', '_parent', '_top'];

/** The reserved word that starts an id at `i`, if any. */
export function reservedAt(text: string, i: number): string | undefined {
  if (!'segflci_h'.includes(text[i] ?? ' ')) return undefined;
  const word = RESERVED.find((w) => keywordAt(text, i, w));
  if (word) return word;
  for (const w of ['click', 'href', 'call']) {
    if (text.startsWith(w, i) && /\s/.test(text[i + w.length] ?? '')) return w;
  }
  return undefined;
}

/**
 * The end of the id starting at `i` (equal to `i` when there is none): letters, digits, `_.-/:,&#*!?'+$%\``,
 * unicode letters; a `-` ends the id where an arrow starts, and `:::` starts a class.
 */
export function idEnd(text: string, i: number): number {
  let j = i;
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if (isNodeStringChar(c)) {
      // A quote opens a string where a token starts; inside a run mermaid keeps it.
      if (c === 34 && j === i) break;
      j++;
    } else if (c === 45) {
      const next = text[j + 1] ?? '';
      if ((next === '-' || next === '.' || next === '>') && arrowAt(text, j)) break;
      j++;
    } else if (c === 58) {
      if (text.startsWith(':::', j)) break;
      j++;
    } else if (c === 44) {
      j++;
    } else if (isUnicodeLetter(text, j)) {
      j += (text.codePointAt(j) ?? 0) > 0xffff ? 2 : 1;
    } else {
      break;
    }
  }
  return j;
}

/** Reads an id at `i` or fails with a message naming what was found instead. */
export function readId(cur: Cursor, i: number, what = 'a node id'): { id: string; end: number } {
  const reserved = reservedAt(cur.text, i);
  if (reserved) {
    throw cur.fail(`'${reserved}' is a mermaid keyword and cannot start ${what}; rename it (e.g. '${reserved}_')`, i, i + reserved.length);
  }
  const end = idEnd(cur.text, i);
  if (end === i) throw cur.fail(`expected ${what}, found ${cur.describe(i)}`, i, i + 1);
  return { id: cur.text.slice(i, end), end };
}

/** Parses the body of `@{ ... }`: a flow map of `key: value` pairs, values bare or quoted. */
export function parseShapeData(body: string): Record<string, string> {
  const out: Record<string, string> = {};
  const pair = /\s*([A-Za-z][\w-]*)\s*:\s*("([^"]*)"|'([^']*)'|[^,\n}]*)\s*(?:,|\n|$)/y;
  let at = 0;
  while (at < body.length) {
    pair.lastIndex = at;
    const m = pair.exec(body);
    if (!m || m[0].length === 0) break;
    out[m[1] ?? ''] = (m[3] ?? m[4] ?? m[2] ?? '').trim();
    at = pair.lastIndex;
  }
  return out;
}

function readShapeData(cur: Cursor, i: number): ShapeDataSyntax {
  const text = cur.text;
  let j = i + 2;
  while (j < text.length && text[j] !== '}') {
    if (text[j] === '"') {
      const close = text.indexOf('"', j + 1);
      if (close < 0) throw cur.fail(`the string opened at ${cur.where(j)} is never closed with '"'`, j, j + 1, i);
      j = close;
    }
    j++;
  }
  if (j >= text.length) throw cur.fail(`expected '}' to close the shape data opened at ${cur.where(i)}`, i, i + 2, i);
  const body = text.slice(i + 2, j);
  const data = parseShapeData(body.replace(/\n\s*/g, '\n'));
  const result: ShapeDataSyntax = { range: { from: i, to: j + 1 }, body };
  if (data.shape !== undefined) result.shapeName = data.shape;
  if (data.label !== undefined) result.label = data.label;
  return result;
}

/** Reads one node reference at `i`: `A`, `A[label]`, `A((label)):::cls`, `A@{ shape: cyl }`. */
export function readVertex(cur: Cursor, i: number): VertexSyntax {
  const text = cur.text;
  const { id, end } = readId(cur, i);
  const vertex: VertexSyntax = { id, idRange: { from: i, to: end }, range: { from: i, to: end } };
  let j = end;
  const opener = SHAPE_OPENERS.find((o) => text.startsWith(o.open, j));
  if (opener) {
    const read = readLabel(cur, j + opener.open.length, closersOf(opener), j, opener.trap);
    vertex.shape = opener.close[read.closer];
    vertex.label = read.label;
    vertex.shapeRange = { from: j, to: read.end };
    j = read.end;
  }
  if (text.startsWith(':::', j)) {
    const cls = readId(cur, j + 3, 'a class name after ":::"');
    vertex.className = cls.id;
    vertex.classRange = { from: j, to: cls.end };
    j = cls.end;
  }
  if (text.startsWith('@{', j)) {
    vertex.data = readShapeData(cur, j);
    j = vertex.data.range.to;
  }
  vertex.range.to = j;
  // `A[x]y` would otherwise read as two nodes; mermaid rejects it, so say why.
  if (j > end && j < text.length && isWordChar(text.charCodeAt(j))) {
    throw cur.fail(`unexpected ${cur.describe(j)} right after node '${id}'; separate statements with a line break or ';'`, j, j + 1);
  }
  return vertex;
}

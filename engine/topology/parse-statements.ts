/**
 * The statements other than vertex statements: `style`, `classDef`, `class`, `click`, `linkStyle`, `accTitle`,
 * `accDescr`. Each reader starts at its keyword and returns the statement; the caller checks what follows.
 */
import type { Cursor } from './cursor.ts';
import { idEnd, readId } from './parse-vertex.ts';
import type { ClassDefStatement, ClassStatement, ClickStatement, IdRef, LinkStyleStatement, StyleStatement, VerbatimStatement } from './syntax.ts';
import { isNewline, skipBlanks, trimEndOffset } from './text.ts';
import { endOfLine } from './trivia.ts';

/** The end of a simple statement: the next line break or `;`. */
function statementEnd(text: string, i: number): number {
  let j = i;
  while (j < text.length && !isNewline(text.charCodeAt(j)) && text[j] !== ';') j++;
  return j;
}

function needBlank(cur: Cursor, i: number, after: string): number {
  const k = skipBlanks(cur.text, i);
  if (k === i) throw cur.fail(`expected a space after '${after}', found ${cur.describe(i)}`, i, i + 1);
  return k;
}

/** Splits `a,b` as mermaid does, with the range of each part. */
function splitIds(id: string, from: number): IdRef[] {
  const out: IdRef[] = [];
  let at = from;
  for (const part of id.split(',')) {
    if (part !== '') out.push({ id: part, range: { from: at, to: at + part.length } });
    at += part.length + 1;
  }
  return out;
}

/** Styles as mermaid lists them: split at commas, `\,` standing for a comma inside a value. */
export function splitStyles(raw: string): string[] {
  return raw
    .replace(/\\,/g, '\ue000')
    .split(',')
    .map((s) => s.replace(/\ue000/g, ','))
    .filter((s) => s.trim() !== '');
}

/** CSS properties from mermaid style strings: `['fill:#faa', 'stroke:#333']` => `{ fill: '#faa', stroke: '#333' }`. */
export function styleRecord(styles: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of styles) {
    const colon = s.indexOf(':');
    if (colon > 0) out[s.slice(0, colon).trim()] = s.slice(colon + 1).trim();
  }
  return out;
}

function readStyles(cur: Cursor, i: number, what: string): { styles: string[]; end: number } {
  const end = trimEndOffset(cur.text, i, statementEnd(cur.text, i));
  const styles = splitStyles(cur.text.slice(i, end));
  if (styles.length === 0) throw cur.fail(`expected styles such as fill:#f9f,stroke:#333 after '${what}'`, i, i + 1);
  return { styles, end };
}

/** `style id fill:#f9f,stroke:#333` */
export function readStyle(cur: Cursor, i: number): StyleStatement {
  const at = needBlank(cur, i + 'style'.length, 'style');
  const { id, end } = readId(cur, at);
  const { styles, end: to } = readStyles(cur, needBlank(cur, end, `style ${id}`), `style ${id}`);
  return { type: 'style', target: { id, range: { from: at, to: end } }, styles, range: { from: i, to } };
}

/** `classDef name[,name2] fill:#f9f` */
export function readClassDef(cur: Cursor, i: number): ClassDefStatement {
  const at = needBlank(cur, i + 'classDef'.length, 'classDef');
  const { id, end } = readId(cur, at, 'a class name');
  const { styles, end: to } = readStyles(cur, needBlank(cur, end, `classDef ${id}`), `classDef ${id}`);
  return { type: 'classDef', names: splitIds(id, at), styles, range: { from: i, to } };
}

/** `class a,b name` */
export function readClass(cur: Cursor, i: number): ClassStatement {
  const at = needBlank(cur, i + 'class'.length, 'class');
  const { id, end } = readId(cur, at);
  const nameAt = needBlank(cur, end, `class ${id}`);
  const name = readId(cur, nameAt, 'a class name');
  return {
    type: 'class',
    ids: splitIds(id, at),
    className: { id: name.id, range: { from: nameAt, to: name.end } },
    range: { from: i, to: name.end },
  };
}

/** `click id callback "tooltip"` or `click id "https://..." _blank`: kept as written, its ids known. */
export function readClick(cur: Cursor, i: number): ClickStatement {
  const text = cur.text;
  const at = skipBlanks(text, i + 'click'.length);
  const idTo = idEnd(text, at);
  if (idTo === at) throw cur.fail(`expected a node id after 'click', found ${cur.describe(at)}`, at, at + 1);
  let j = idTo;
  let quoted = false;
  for (; j < text.length; j++) {
    const ch = text[j];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === ';' || isNewline(text.charCodeAt(j)))) break;
  }
  return { type: 'click', ids: splitIds(text.slice(at, idTo), at), range: { from: i, to: trimEndOffset(text, i, j) } };
}

/** `linkStyle 0,2 stroke:#f00` or `linkStyle default interpolate basis` */
export function readLinkStyle(cur: Cursor, i: number): LinkStyleStatement {
  const text = cur.text;
  let j = needBlank(cur, i + 'linkStyle'.length, 'linkStyle');
  const indices: LinkStyleStatement['indices'] = [];
  if (text.startsWith('default', j)) {
    indices.push({ index: 'default', range: { from: j, to: j + 7 } });
    j += 7;
  } else {
    for (;;) {
      const m = /^\d+/.exec(text.slice(j, j + 12));
      if (!m) throw cur.fail(`expected an edge number (counting from 0) or 'default' after 'linkStyle', found ${cur.describe(j)}`, j, j + 1);
      indices.push({ index: Number(m[0]), range: { from: j, to: j + m[0].length } });
      j += m[0].length;
      if (text[j] !== ',') break;
      j++;
    }
  }
  j = needBlank(cur, j, 'linkStyle');
  if (text.startsWith('interpolate', j)) {
    const end = trimEndOffset(text, j, statementEnd(text, j));
    return { type: 'linkStyle', indices, range: { from: i, to: end } };
  }
  const { end } = readStyles(cur, j, 'linkStyle');
  return { type: 'linkStyle', indices, range: { from: i, to: end } };
}

/** `accTitle: ...`, `accDescr: ...` and `accDescr { ... }`: accessibility text, kept as written. */
export function readAccessibility(cur: Cursor, i: number): VerbatimStatement | undefined {
  const text = cur.text;
  if (!text.startsWith('acc', i)) return undefined;
  const m = /^(accTitle|accDescr)\s*([:{])/.exec(text.slice(i, i + 40));
  if (!m) return undefined;
  const what = m[1] === 'accTitle' ? 'accTitle' : 'accDescr';
  if (m[2] === '{') {
    const close = text.indexOf('}', i);
    if (close < 0) throw cur.fail(`expected '}' to close the description opened at ${cur.where(i)}`, i, i + m[0].length);
    return { type: 'verbatim', what, range: { from: i, to: close + 1 } };
  }
  return { type: 'verbatim', what, range: { from: i, to: trimEndOffset(text, i, endOfLine(text, i)) } };
}

/**
 * Arrow tokens: recognising `-->`, `-.->`, `==>`, `~~~`, `<-->`, `--o`, `-- text -->` ... at a position, and reading
 * stroke, heads and length from them exactly as mermaid's `destructLink` does.
 */
import type { ArrowHead, Stroke } from './types.ts';

/** A complete arrow (mermaid's LINK) or the opening half of one with inline text (START_LINK). */
export interface ArrowToken {
  kind: 'link' | 'start';
  family: 'normal' | 'thick' | 'dotted' | 'invisible';
  /** The arrow characters, without surrounding whitespace. */
  from: number;
  to: number;
}

export interface ArrowInfo {
  stroke: Stroke;
  arrowStart: ArrowHead;
  arrowEnd: ArrowHead;
  length: number;
}

const HEAD_START = new Set(['x', 'o', '<']);
const ONLY_BARE = [0];
const HEADED = [1, 0];

function run(text: string, i: number, ch: string): number {
  let n = 0;
  while (text[i + n] === ch) n++;
  return n;
}

/** `[xo<]?--+[-xo>]` and friends at exactly `i`, in the order mermaid's lexer tries them. */
function tokenAt(text: string, i: number): ArrowToken | undefined {
  const c = text.charCodeAt(i);
  // Every arrow starts with one of `-=.~xo<`.
  if (c !== 45 && c !== 61 && c !== 46 && c !== 126 && c !== 120 && c !== 111 && c !== 60) return undefined;
  const prefixes = c === 120 || c === 111 || c === 60 ? HEADED : ONLY_BARE;
  // LINK `--+[-xo>]` then START `--`, for each family, as the lexer rules are ordered.
  for (const p of prefixes) {
    const s = i + p;
    const dashes = run(text, s, '-');
    if (dashes >= 2) {
      const after = text[s + dashes] ?? '';
      if ('xo>'.includes(after) && after !== '') return { kind: 'link', family: 'normal', from: i, to: s + dashes + 1 };
      if (dashes >= 3) return { kind: 'link', family: 'normal', from: i, to: s + dashes };
    }
  }
  for (const p of prefixes) {
    if (run(text, i + p, '-') >= 2) return { kind: 'start', family: 'normal', from: i, to: i + p + 2 };
  }
  for (const p of prefixes) {
    const s = i + p;
    const eq = run(text, s, '=');
    if (eq >= 2) {
      const after = text[s + eq] ?? '';
      if ('xo>'.includes(after) && after !== '') return { kind: 'link', family: 'thick', from: i, to: s + eq + 1 };
      if (eq >= 3) return { kind: 'link', family: 'thick', from: i, to: s + eq };
    }
  }
  for (const p of prefixes) {
    if (run(text, i + p, '=') >= 2) return { kind: 'start', family: 'thick', from: i, to: i + p + 2 };
  }
  for (const p of prefixes) {
    // `-?\.+-[xo>]?`
    let s = i + p;
    if (text[s] === '-') s++;
    const dots = run(text, s, '.');
    if (dots >= 1 && text[s + dots] === '-') {
      const end = s + dots + 1;
      const head = text[end] ?? '';
      return { kind: 'link', family: 'dotted', from: i, to: head !== '' && 'xo>'.includes(head) ? end + 1 : end };
    }
  }
  for (const p of prefixes) {
    if (text[i + p] === '-' && text[i + p + 1] === '.') return { kind: 'start', family: 'dotted', from: i, to: i + p + 2 };
  }
  if (text[i] === '~' && run(text, i, '~') >= 3) return { kind: 'link', family: 'invisible', from: i, to: i + run(text, i, '~') };
  return undefined;
}

/** The arrow token starting at `i` (no whitespace skipped), if any. */
export function arrowAt(text: string, i: number): ArrowToken | undefined {
  return tokenAt(text, i);
}

/** The closing arrow of inline edge text (`-- text -->`) at exactly `i`; only a full arrow of the family closes it. */
export function closingArrowAt(text: string, i: number, family: ArrowToken['family']): ArrowToken | undefined {
  const t = tokenAt(text, i);
  return t && t.kind === 'link' && t.family === family ? t : undefined;
}

function headOf(ch: string): ArrowHead {
  if (ch === 'x') return 'cross';
  if (ch === 'o') return 'circle';
  if (ch === '>' || ch === '<') return 'arrow';
  return 'none';
}

/**
 * Stroke, heads and length of a complete arrow, as mermaid's `destructEndLink` computes them (`-->` has length 1,
 * `--->` 2; `-..->` 2; capped at 10 as mermaid caps it).
 *
 * @example arrowInfo('<-.->') => { stroke: 'dotted', arrowStart: 'arrow', arrowEnd: 'arrow', length: 1 }
 */
export function arrowInfo(token: string): ArrowInfo {
  const str = token.trim();
  const last = str.slice(-1);
  let line = str.slice(0, -1);
  let arrowEnd: ArrowHead = 'none';
  let arrowStart: ArrowHead = 'none';
  if (last === 'x' || last === 'o' || last === '>') {
    arrowEnd = headOf(last);
    const double = last === '>' ? str.startsWith('<') : str.startsWith(last);
    if (double) {
      arrowStart = arrowEnd;
      line = line.slice(1);
    }
  }
  let stroke: Stroke = 'normal';
  let length = line.length - 1;
  if (line.startsWith('=')) stroke = 'thick';
  if (line.startsWith('~')) stroke = 'invisible';
  let dots = 0;
  for (let i = 0; i < line.length; i++) if (line.charCodeAt(i) === 46) dots++;
  if (dots > 0) {
    stroke = 'dotted';
    length = dots;
  }
  return { stroke, arrowStart, arrowEnd, length: Math.min(length, 10) };
}

/**
 * Stroke and heads of an arrow written in two halves around inline text (`x-- text -->`), as mermaid's
 * `destructLink(end, start)` does; undefined when the halves disagree (mermaid then draws nothing sensible).
 */
export function splitArrowInfo(start: string, end: string): ArrowInfo | undefined {
  const info = arrowInfo(end);
  const s = start.trim();
  const startHead = headOf(HEAD_START.has(s[0] ?? '') ? (s[0] ?? '') : '');
  const body = HEAD_START.has(s[0] ?? '') ? s.slice(1) : s;
  const startStroke: Stroke = body.includes('.') ? 'dotted' : body.includes('=') ? 'thick' : 'normal';
  if (startStroke !== info.stroke) return undefined;
  if (startHead === 'none') return { ...info, arrowStart: 'none' };
  if (info.arrowEnd !== startHead) return undefined;
  return { ...info, arrowStart: startHead };
}

/**
 * The arrow as written for a stroke, heads and length: the inverse of `arrowInfo`.
 *
 * @example arrowText({ stroke: 'dotted', arrowStart: 'none', arrowEnd: 'arrow', length: 1 }) === '-.->'
 */
export function arrowText(info: ArrowInfo): string {
  const len = Math.max(1, info.length);
  const end = { none: '', arrow: '>', cross: 'x', circle: 'o' }[info.arrowEnd];
  const start = info.arrowStart === 'none' ? '' : { arrow: '<', cross: 'x', circle: 'o' }[info.arrowStart];
  switch (info.stroke) {
    case 'dotted':
      return `${start}-${'.'.repeat(len)}-${end}`;
    case 'thick':
      return end === '' ? `${start}${'='.repeat(len + 2)}` : `${start}${'='.repeat(len + 1)}${end}`;
    case 'invisible':
      return '~'.repeat(len + 2);
    default:
      return end === '' ? `${start}${'-'.repeat(len + 2)}` : `${start}${'-'.repeat(len + 1)}${end}`;
  }
}

/**
 * Label text between delimiters (`[...]`, `(...)`, `|...|`, a subgraph's `[title]`), read as mermaid's `text` and
 * `trapText` lexer states read it: a quoted or markdown string, or bare text without brackets, pipes or quotes.
 */
import type { Cursor } from './cursor.ts';
import { decodeLabel } from './labels.ts';
import type { LabelSyntax } from './syntax.ts';
import { endOfLine } from './trivia.ts';

export interface ReadLabel {
  label: LabelSyntax;
  /** The closer that ended the label (one of those asked for). */
  closer: string;
  /** Offset after the closer. */
  end: number;
}

/** Character codes that end bare label text, in mermaid's text and trapText states. */
function table(chars: string): Uint8Array {
  const t = new Uint8Array(128);
  for (const ch of chars) t[ch.charCodeAt(0)] = 1;
  return t;
}
const TEXT_SPECIAL = table('[](){}|"');
const TRAP_SPECIAL = table('[](){}"');
/** First characters of each closer list; callers pass constant lists, so this stays small. */
const CLOSER_STARTS = new WeakMap<string[], Uint8Array>();

/** The closer lists used outside shapes. */
export const PIPE = ['|'];
export const SQUARE = [']'];

/**
 * Reads a label starting at `i` and ending with one of `closers`; `openAt` is the opening delimiter, named in the
 * message when the label is never closed. `trap` selects the lean/trapezoid text rules, where `|` is ordinary and a
 * `/` or `\` counts only before `]`.
 */
export function readLabel(cur: Cursor, i: number, closers: string[], openAt: number, trap = false): ReadLabel {
  const text = cur.text;
  const want = closers.map((c) => `'${c}'`).join(' or ');
  const unclosed = (at: number, found: string) => {
    // A label may span lines, but a learner who forgot the bracket wants to be pointed at the opener.
    const lineEnd = endOfLine(text, openAt);
    if (at > lineEnd) return cur.fail(`expected ${want} to close the label opened at ${cur.where(openAt)}`, openAt, lineEnd, openAt);
    const quote = /'[([{|]'/.test(found) ? '; put the label in quotes to use brackets or pipes inside it, e.g. ["a (b)"]' : '';
    return cur.fail(`expected ${want} to close the label opened at ${cur.where(openAt)}${found}${quote}`, at, at + 1, openAt);
  };

  let raw = '';
  let quoted = false;
  let markdown = false;
  let j = i;
  if (text.startsWith('"`', i)) {
    const close = text.indexOf('`"', i + 2);
    if (close < 0) throw cur.fail(`the markdown string opened at ${cur.where(i)} is never closed with \`"`, i, i + 2, openAt);
    raw = text.slice(i + 2, close);
    quoted = true;
    markdown = true;
    j = close + 2;
  } else if (text[i] === '"') {
    const close = text.indexOf('"', i + 1);
    if (close < 0) throw cur.fail(`the string opened at ${cur.where(i)} is never closed with '"'`, i, i + 1, openAt);
    if (close === i + 1) throw cur.fail('a label cannot be an empty string', i, i + 2, openAt);
    raw = text.slice(i + 1, close);
    quoted = true;
    j = close + 1;
  }

  const special = trap ? TRAP_SPECIAL : TEXT_SPECIAL;
  let starts = CLOSER_STARTS.get(closers);
  if (!starts) CLOSER_STARTS.set(closers, (starts = table(closers.map((c) => c[0] ?? '').join(''))));
  const bareFrom = j;
  for (; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c >= 128 || (starts[c] === 0 && special[c] === 0)) continue;
    let closer: string | undefined;
    for (const k of closers) if (text.startsWith(k, j)) closer = closer ?? k;
    if (closer !== undefined) {
      const bare = text.slice(bareFrom, j);
      if (!quoted && bare.length === 0) throw cur.fail('a label cannot be empty', i, j + closer.length, openAt);
      const content = raw + bare;
      return {
        label: { text: decodeLabel(content), range: { from: i, to: j }, quoted, markdown },
        closer,
        end: j + closer.length,
      };
    }
    if (special[c] === 1) throw unclosed(j, `, found '${text[j]}'`);
  }
  throw unclosed(text.length, '');
}

/**
 * Label text between delimiters (`[...]`, `(...)`, `|...|`, a subgraph's `[title]`), read as mermaid's `text` and
 * `trapText` lexer states read it: a quoted or markdown string, or bare text without brackets, pipes or quotes.
 */
import type { Cursor } from './cursor.ts';
import { decodeLabel } from './labels.ts';
import type { LabelSyntax } from './syntax.ts';

export interface ReadLabel {
  label: LabelSyntax;
  /** The closer that ended the label (one of those asked for). */
  closer: string;
  /** Offset after the closer. */
  end: number;
}

const TEXT_SPECIAL = new Set(['[', ']', '(', ')', '{', '}', '|', '"']);
const TRAP_SPECIAL = new Set(['[', ']', '(', ')', '{', '}', '"']);

/**
 * Reads a label starting at `i` and ending with one of `closers`; `openAt` is the opening delimiter, named in the
 * message when the label is never closed. `trap` selects the lean/trapezoid text rules, where `|` is ordinary and a
 * `/` or `\` counts only before `]`.
 */
export function readLabel(cur: Cursor, i: number, closers: string[], openAt: number, trap = false): ReadLabel {
  const text = cur.text;
  const want = closers.map((c) => `'${c}'`).join(' or ');
  const unclosed = (at: number, found: string) =>
    cur.fail(
      `expected ${want} to close the label opened at ${cur.where(openAt)}${found}` +
        (found.includes("'('") || found.includes("'['") || found.includes("'{'") || found.includes("'|'")
          ? '; put the label in quotes to use brackets or pipes inside it, e.g. ["a (b)"]'
          : ''),
      at,
      at + 1,
      openAt,
    );

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
  const bareFrom = j;
  for (; j < text.length; j++) {
    const ch = text[j] ?? '';
    const closer = closers.find((c) => text.startsWith(c, j));
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
    if (special.has(ch)) throw unclosed(j, `, found '${ch}'`);
  }
  throw unclosed(text.length, '');
}

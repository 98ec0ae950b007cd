/**
 * Character classes and source positions shared by the scanner, the parser and the patcher.
 *
 * The character classes follow mermaid's flowchart lexer (flow.jison) so that what mermaid reads as one id we read as
 * one id, and what ends a token for mermaid ends it for us.
 */
import type { SourceSpan } from './types.ts';

/** A half-open range of offsets into the source text. */
export interface Range {
  from: number;
  to: number;
}

/** Maps offsets to 1-based line and column numbers in O(log lines). */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
    }
  }

  /** The 0-based index of the line holding `offset`. */
  private lineAt(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The 1-based line and column of `offset`. */
  position(offset: number): { line: number; column: number } {
    const lo = this.lineAt(offset);
    return { line: lo + 1, column: offset - (this.starts[lo] ?? 0) + 1 };
  }

  /** The offset where the line holding `offset` starts. */
  lineStart(offset: number): number {
    const { line } = this.position(offset);
    return this.starts[line - 1] ?? 0;
  }

  /** The offset of the newline ending the line that holds `offset` (or the text's length). */
  lineEnd(offset: number): number {
    const { line } = this.position(offset);
    const next = this.starts[line];
    return next === undefined ? this.text.length : next - 1;
  }

  /** A SourceSpan for `[from, to)`. */
  span(from: number, to: number): SourceSpan {
    const lo = this.lineAt(from);
    return { from, to, line: lo + 1, column: from - (this.starts[lo] ?? 0) + 1 };
  }

  /** "3:14": the place of `offset` as people write it in messages. */
  where(offset: number): string {
    const { line, column } = this.position(offset);
    return `${line}:${column}`;
  }
}

/** Space or tab (mermaid's SPACE token: whitespace other than line breaks). */
export function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 11 || c === 12 || c === 0xa0 || c === 0xfeff;
}

/** A line break (mermaid turns `\r\n` and a lone `\r` into `\n` before parsing). */
export function isNewline(c: number): boolean {
  return c === 10 || c === 13;
}

/** Any whitespace. */
export function isWhite(c: number): boolean {
  return isBlank(c) || isNewline(c);
}

/** A character that `\b` counts as part of a word. */
export function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

const NODE_STRING_PUNCT = new Set([...'!"#$%&\'*+.`?\\_/'].map((ch) => ch.charCodeAt(0)));

/** A character of mermaid's NODE_STRING token, `-` aside (which depends on what follows it). */
export function isNodeStringChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || NODE_STRING_PUNCT.has(c);
}

const LETTER = /\p{L}/u;

/** A non-ASCII letter, which mermaid accepts in ids one character at a time (its UNICODE_TEXT token). */
export function isUnicodeLetter(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x80) return false;
  const cp = text.codePointAt(i) ?? c;
  return LETTER.test(String.fromCodePoint(cp));
}

/** Whether `word` occurs at `i` and is not followed by a word character (a regex `word\b`). */
export function keywordAt(text: string, i: number, word: string): boolean {
  if (!text.startsWith(word, i)) return false;
  const next = text.charCodeAt(i + word.length);
  return Number.isNaN(next) || !isWordChar(next);
}

/** The offset after the blanks (not line breaks) starting at `i`. */
export function skipBlanks(text: string, i: number): number {
  while (i < text.length && isBlank(text.charCodeAt(i))) i++;
  return i;
}

/** The offset of the first non-blank character at or before `to` going backwards, plus one. */
export function trimEndOffset(text: string, from: number, to: number): number {
  while (to > from && isWhite(text.charCodeAt(to - 1))) to--;
  return to;
}

/** The offset of the first non-blank character at or after `from`, up to `to`. */
export function trimStartOffset(text: string, from: number, to: number): number {
  while (from < to && isWhite(text.charCodeAt(from))) from++;
  return from;
}

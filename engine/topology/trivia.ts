/**
 * What mermaid removes before it parses: `%%` comment lines and `%%{ ... }%%` directives.
 */
import { isBlank, isWhite } from './text.ts';

/** Whether only blanks stand between the start of the line and `i`. */
export function atLineStart(text: string, i: number): boolean {
  for (let j = i - 1; j >= 0; j--) {
    const c = text.charCodeAt(j);
    if (c === 10 || c === 13) return true;
    if (!isBlank(c)) return false;
  }
  return true;
}

/**
 * Whether a comment line starts at `i`: `%%` first on its line and followed by something other than `{` (mermaid's
 * `^\s*%%(?!{)[^\n]+`, so a bare `%%` is not a comment).
 */
export function commentAt(text: string, i: number): boolean {
  if (!text.startsWith('%%', i)) return false;
  const next = text[i + 2];
  return next !== undefined && next !== '{' && next !== '\n' && next !== '\r' && atLineStart(text, i);
}

/** The end of the line holding `i` (the offset of its line break, or the text's length). */
export function endOfLine(text: string, i: number): number {
  const nl = text.indexOf('\n', i);
  const end = nl < 0 ? text.length : nl;
  return end > i && text[end - 1] === '\r' ? end - 1 : end;
}

/** The end of a `%%{ ... }%%` directive starting at `i` (to the end of the line when it is never closed). */
export function directiveEnd(text: string, i: number): number {
  const close = text.indexOf('}%%', i + 3);
  return close < 0 ? endOfLine(text, i) : close + 3;
}

/** Skips whitespace, line breaks, comment lines and directives. */
export function skipTrivia(text: string, i: number): number {
  for (;;) {
    while (i < text.length && isWhite(text.charCodeAt(i))) i++;
    if (commentAt(text, i)) i = endOfLine(text, i);
    else if (text.startsWith('%%{', i)) i = directiveEnd(text, i);
    else return i;
  }
}

/**
 * The parser's view of the text: a LineIndex, the diagnostics found so far, and the exception a statement throws
 * when it cannot be read (the statement loop records it and carries on with the next line).
 */
import type { Diagnostic } from './types.ts';
import { LineIndex, isBlank, isNewline } from './text.ts';

/** Thrown by a statement parser: what went wrong, where, and where parsing can safely resume. */
export class StatementError extends Error {
  constructor(
    message: string,
    readonly from: number,
    readonly to: number,
    /** Any offset on the line that caused the trouble; parsing resumes on the line after it. */
    readonly origin: number,
  ) {
    super(message);
  }
}

export class Cursor {
  readonly lines: LineIndex;
  readonly diagnostics: Diagnostic[] = [];

  constructor(readonly text: string) {
    this.lines = new LineIndex(text);
  }

  code(i: number): number {
    return this.text.charCodeAt(i);
  }

  char(i: number): string {
    return this.text[i] ?? '';
  }

  /** Records a diagnostic for `[from, to)`. */
  report(severity: Diagnostic['severity'], message: string, from: number, to: number, code?: Diagnostic['code']): void {
    const start = this.lines.position(from);
    const end = this.lines.position(Math.max(from, to));
    this.diagnostics.push({
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      from,
      to: Math.max(from, to),
      message,
      severity,
      ...(code ? { code } : {}),
    });
  }

  /** A StatementError at `[from, to)`, resuming after the line of `origin` (defaults to `from`). */
  fail(message: string, from: number, to = from + 1, origin = from): StatementError {
    return new StatementError(message, from, Math.min(Math.max(to, from), this.text.length), origin);
  }

  /** How to name the character at `i` in a message. */
  describe(i: number): string {
    if (i >= this.text.length) return 'the end of the text';
    const c = this.code(i);
    if (isNewline(c)) return 'the end of the line';
    if (isBlank(c)) return 'a space';
    const word = /^[^\s[\](){}|;"]+/.exec(this.text.slice(i, i + 24))?.[0];
    return `'${word && word.length > 1 ? word : this.char(i)}'`;
  }

  where(offset: number): string {
    return this.lines.where(offset);
  }
}

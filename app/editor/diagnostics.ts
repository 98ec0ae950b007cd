/**
 * Parse diagnostics as CodeMirror lint diagnostics: squiggles at the reported range, clamped to the document.
 */
import type { Diagnostic as LintDiagnostic } from '@codemirror/lint';
import type { Diagnostic } from '../../engine/index.ts';

/**
 * Maps the parser's diagnostics onto `text`. An empty range (an error at the end of a line: "expected ']'") is
 * widened to the character before it, so a squiggle shows where a caret alone would be missed.
 */
export function toLintDiagnostics(diagnostics: readonly Diagnostic[], text: string): LintDiagnostic[] {
  const length = text.length;
  return diagnostics.map((d) => {
    let from = Math.max(0, Math.min(d.from, length));
    let to = Math.max(from, Math.min(d.to, length));
    if (to === from) {
      const atLineEnd = from === length || text[from] === '\n';
      if (!atLineEnd) to = from + 1;
      else if (from > 0 && text[from - 1] !== '\n') from -= 1;
    }
    return { from, to, severity: d.severity, message: d.message, source: `line ${d.line}, column ${d.column}` };
  });
}

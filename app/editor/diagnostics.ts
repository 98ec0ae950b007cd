/**
 * Parse diagnostics as CodeMirror lint diagnostics: squiggles at the reported range, clamped to the document.
 */
import type { Diagnostic as LintDiagnostic } from '@codemirror/lint';
import type { Diagnostic } from '../../engine/index.ts';

/** Maps the parser's diagnostics onto a document of `length` characters; an empty range marks one character. */
export function toLintDiagnostics(diagnostics: readonly Diagnostic[], length: number): LintDiagnostic[] {
  return diagnostics.map((d) => {
    const from = Math.max(0, Math.min(d.from, length));
    let to = Math.max(from, Math.min(d.to, length));
    if (to === from && to < length) to = from + 1;
    return { from, to, severity: d.severity, message: d.message, source: `line ${d.line}, column ${d.column}` };
  });
}

/**
 * A link to where something is defined in the text: it moves the editor's cursor there.
 */
import { revealInEditor } from '../editor/editorBridge.ts';

export function DefinedAt({ span }: { span: { from: number; line: number } }) {
  return (
    <button type="button" className="link-button" onClick={() => revealInEditor(span.from)}>
      line {span.line}
    </button>
  );
}

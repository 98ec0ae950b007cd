/**
 * `patchTopology(text, edit)`: a canvas edit as the smallest change of the text that has its effect. Comments,
 * styles, spacing and unrelated statements stay exactly as written.
 */
import { parseTopology } from '../parse.ts';
import type { CanvasEdit, Diagnostic, PatchResult } from '../types.ts';
import { applyChanges, finishChanges } from './changes.ts';
import { PatchDoc } from './doc.ts';
import { setConfig } from './patch-config.ts';
import { addEdge, deleteEdge, setEdgeLabel, type Outcome } from './patch-edges.ts';
import { addNode, deleteNode, renameNode, setKind } from './patch-nodes.ts';

function outcome(doc: PatchDoc, edit: CanvasEdit): Outcome {
  if ((edit.type === 'addNode' || edit.type === 'renameNode') && edit.label.trim() === '') return { error: 'a node needs a label that is not blank' };
  switch (edit.type) {
    case 'addNode':
      return addNode(doc, edit.label, edit.kind, edit.id, edit.group);
    case 'addEdge':
      return addEdge(doc, edit.from, edit.to, edit.label);
    case 'renameNode':
      return renameNode(doc, edit.id, edit.label);
    case 'deleteNode':
      return deleteNode(doc, edit.id);
    case 'deleteEdge':
      return deleteEdge(doc, edit.edgeId);
    case 'setEdgeLabel':
      return setEdgeLabel(doc, edit.edgeId, edit.label);
    case 'setKind':
      return setKind(doc, edit.id, edit.kind);
    case 'setConfig':
      return setConfig(doc, edit.target, edit.key, edit.value);
  }
}

/**
 * Errors and warnings of a text: an edit may not add to either. A setting left aimed at a node the edit removed or
 * retyped does not count: it stays for the learner to move or delete, flagged where it stands. Nor does a setting
 * the schema does not accept: mermaid reads it as written, and the warning at its line says what is wrong with it.
 */
function problemCount(diagnostics: Diagnostic[]): [number, number] {
  let errors = 0;
  let warnings = 0;
  for (const d of diagnostics) if (d.severity === 'error') errors++;
  else if (d.severity === 'warning' && d.code === undefined) warnings++;
  return [errors, warnings];
}

/**
 * Applies a canvas edit to the topology text with minimal changes.
 *
 * @example patchTopology('flowchart LR\n  A --> B\n', { type: 'addEdge', from: 'B', to: 'A' }).text
 *   // 'flowchart LR\n  A --> B\n  B --> A\n'
 */
export function patchTopology(text: string, edit: CanvasEdit): PatchResult {
  const doc = new PatchDoc(text);
  const result = outcome(doc, edit);
  if ('error' in result) return { changes: [], text, error: result.error };
  // Edits write line breaks as '\n'; a text written with '\r\n' keeps its own.
  const crlf = text.includes('\r\n');
  const written = crlf ? result.changes.map((c) => ({ ...c, insert: c.insert.replace(/\r?\n/g, '\r\n') })) : result.changes;
  const changes = finishChanges(text, written);
  const patched = applyChanges(text, changes);
  // An edit never makes a text worse: if it would add an error, or a warning that mermaid will read the text
  // otherwise than meant, refuse it rather than break the learner's work.
  if (changes.length > 0) {
    const [errors, warnings] = problemCount(parseTopology(patched).diagnostics);
    const [errorsBefore, warningsBefore] = problemCount(doc.parsed.diagnostics);
    if (errors > errorsBefore) return { changes: [], text, error: `the ${edit.type} edit would make the text invalid` };
    if (warnings > warningsBefore) return { changes: [], text, error: `the ${edit.type} edit cannot be written so that mermaid reads it as meant` };
  }
  const out: PatchResult = { changes, text: patched };
  if (result.createdId !== undefined) out.createdId = result.createdId;
  return out;
}

/**
 * `patchTopology(text, edit)`: a canvas edit as the smallest change of the text that has its effect. Comments,
 * styles, spacing and unrelated statements stay exactly as written.
 */
import { parseTopology } from '../parse.ts';
import type { CanvasEdit, PatchResult } from '../types.ts';
import { applyChanges, finishChanges } from './changes.ts';
import { PatchDoc } from './doc.ts';
import { setConfig } from './patch-config.ts';
import { addEdge, deleteEdge, setEdgeLabel, type Outcome } from './patch-edges.ts';
import { addNode, deleteNode, renameNode, setKind } from './patch-nodes.ts';

function outcome(doc: PatchDoc, edit: CanvasEdit): Outcome {
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

const errorCount = (text: string) => parseTopology(text).diagnostics.filter((d) => d.severity === 'error').length;

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
  // An edit never makes a text worse: if it would add an error, refuse it rather than break the learner's work.
  if (changes.length > 0 && errorCount(patched) > doc.parsed.diagnostics.filter((d) => d.severity === 'error').length) {
    return { changes: [], text, error: `the ${edit.type} edit would make the text invalid` };
  }
  const out: PatchResult = { changes, text: patched };
  if (result.createdId !== undefined) out.createdId = result.createdId;
  return out;
}

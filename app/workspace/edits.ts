/**
 * Canvas and inspector edits: each becomes a minimal change of the text through patchTopology in the worker, and
 * one undo step. The text is never re-printed.
 */
import type { CanvasEdit, NodeKind, PatchResult, TopologyEdge, XY } from '../../engine/index.ts';
import { kindName } from '../../engine/ui.ts';
import { engine } from '../engine/client.ts';
import { appStore } from '../state/store.ts';

/**
 * Applies `edits` to the current text as one step; `place` may pin the node an `addNode` created.
 * Returns null when the edit was refused (the reason is shown) or the text changed meanwhile.
 */
export async function applyEdits(edits: readonly CanvasEdit[], place?: (createdId: string) => XY): Promise<PatchResult | null> {
  if (edits.length === 0) return null;
  const before = appStore.getState().text;
  const result = await engine.patch(before, edits);
  const s = appStore.getState();
  if (s.text !== before) {
    s.setNotice({ tone: 'info', text: 'The text changed while that edit was on its way, so it was not applied. Try it again.' });
    return null;
  }
  if (result.error) {
    s.setNotice({ tone: 'error', text: `That edit could not be made: ${result.error}` });
    return null;
  }
  const at = result.createdId && place ? place(result.createdId) : undefined;
  s.edit({
    text: result.text,
    ...(at && result.createdId ? { positions: { ...s.positions, [result.createdId]: at } } : {}),
  });
  return result;
}

/** A fresh node's label: the kind's name, e.g. "Schema Registry". */
export function defaultLabel(kind: NodeKind): string {
  const name = kind === 'rabbitmq' ? 'RabbitMQ' : kindName(kind);
  return name.replace(/\b\w/g, (c) => c.toUpperCase());
}

/** Adds a node of `kind`, pinned at `at` (its top-left corner) when given, else placed by the layout. */
export async function addNode(kind: NodeKind, at?: XY): Promise<string | undefined> {
  const result = await applyEdits([{ type: 'addNode', kind, label: defaultLabel(kind) }], at ? () => at : undefined);
  return result?.createdId;
}

export function addEdge(from: string, to: string): Promise<PatchResult | null> {
  return applyEdits([{ type: 'addEdge', from, to }]);
}

/** Renames a node's label; `null` (cancelled) changes nothing. Ends in-place renaming either way. */
export async function renameNode(id: string, label: string | null): Promise<void> {
  appStore.getState().setRenaming(null);
  if (label !== null) await applyEdits([{ type: 'renameNode', id, label }]);
}

/**
 * Deletes nodes and edges as one step. Edges go first, last in the text first, so the generated ids of the ones
 * still to delete (`L_A_B_0`, `L_A_B_1`) do not shift under us; then the nodes.
 */
export function deleteElements(nodeIds: readonly string[], edges: readonly TopologyEdge[]): Promise<PatchResult | null> {
  const gone = new Set(nodeIds);
  const edgeEdits: CanvasEdit[] = [...edges]
    .filter((e) => !gone.has(e.from) && !gone.has(e.to))
    .sort((a, b) => b.span.from - a.span.from)
    .map((e) => ({ type: 'deleteEdge', edgeId: e.id }));
  const nodeEdits: CanvasEdit[] = nodeIds.map((id) => ({ type: 'deleteNode', id }));
  return applyEdits([...edgeEdits, ...nodeEdits]);
}

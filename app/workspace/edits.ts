/**
 * Canvas and inspector edits: each becomes a minimal change of the text through patchTopology in the worker, and
 * one undo step. The text is never re-printed.
 */
import type { CanvasEdit, NodeKind, PatchResult, TopologyEdge, XY } from '../../engine/index.ts';
import { kindName } from '../../engine/ui.ts';
import type { EngineClient } from '../engine/client.ts';
import type { AppStore } from '../state/store.ts';

export interface EditExtras {
  /** Pins the node an `addNode` created at the position this returns. */
  place?: (createdId: string) => XY;
  /** Forgets the dragged positions of these nodes (they are being deleted). */
  unpin?: readonly string[];
}

/** A fresh node's label: the kind's name, e.g. "Schema Registry". */
export function defaultLabel(kind: NodeKind): string {
  const name = kind === 'rabbitmq' ? 'RabbitMQ' : kindName(kind);
  return name.replace(/\b\w/g, (c) => c.toUpperCase());
}

/** The edit commands, bound to a store and an engine client (the app's are in actions.ts). */
export function createEdits(store: AppStore, client: Pick<EngineClient, 'patch'>) {
  /**
   * Applies `edits` to the current text as one step, with the position changes `extras` asks for.
   * Returns null when the edit was refused (the reason is shown) or the text changed meanwhile.
   */
  async function applyEdits(edits: readonly CanvasEdit[], extras: EditExtras = {}): Promise<PatchResult | null> {
    if (edits.length === 0) return null;
    const before = store.getState().text;
    const result = await client.patch(before, edits);
    const s = store.getState();
    if (s.text !== before) {
      s.setNotice({ tone: 'info', text: 'The text changed while that edit was on its way, so it was not applied. Try it again.' });
      return null;
    }
    if (result.error) {
      s.setNotice({ tone: 'error', text: `That edit could not be made: ${result.error}` });
      return null;
    }
    const at = result.createdId && extras.place ? extras.place(result.createdId) : undefined;
    const unpin = extras.unpin?.filter((id) => id in s.positions) ?? [];
    let positions = s.positions;
    if (at && result.createdId) positions = { ...positions, [result.createdId]: at };
    if (unpin.length > 0) positions = Object.fromEntries(Object.entries(positions).filter(([id]) => !unpin.includes(id)));
    s.edit({ text: result.text, positions });
    return result;
  }

  return {
    applyEdits,

    /**
     * Adds a node of `kind`, pinned at `at` (its top-left corner, or a function that picks it when the edit lands)
     * when given, else placed by the layout.
     */
    async addNode(kind: NodeKind, at?: XY | (() => XY)): Promise<string | undefined> {
      const place = typeof at === 'function' ? at : at ? () => at : undefined;
      const result = await applyEdits([{ type: 'addNode', kind, label: defaultLabel(kind) }], place ? { place } : {});
      return result?.createdId;
    },

    addEdge(from: string, to: string): Promise<PatchResult | null> {
      return applyEdits([{ type: 'addEdge', from, to }]);
    },

    /** Renames a node's label; `null` (cancelled) changes nothing. Ends in-place renaming either way. */
    async renameNode(id: string, label: string | null): Promise<void> {
      store.getState().setRenaming(null);
      if (label !== null) await applyEdits([{ type: 'renameNode', id, label }]);
    },

    /**
     * Deletes nodes and edges as one step. Edges go first, last in the text first, so the generated ids of the ones
     * still to delete (`L_A_B_0`, `L_A_B_1`) do not shift under us; then the nodes, which take their own edges.
     */
    deleteElements(nodeIds: readonly string[], edges: readonly TopologyEdge[]): Promise<PatchResult | null> {
      const gone = new Set(nodeIds);
      const edgeEdits: CanvasEdit[] = [...edges]
        .filter((e) => !gone.has(e.from) && !gone.has(e.to))
        .sort((a, b) => b.span.from - a.span.from)
        .map((e) => ({ type: 'deleteEdge', edgeId: e.id }));
      const nodeEdits: CanvasEdit[] = nodeIds.map((id) => ({ type: 'deleteNode', id }));
      return applyEdits([...edgeEdits, ...nodeEdits], { unpin: nodeIds });
    },
  };
}

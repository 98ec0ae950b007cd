/**
 * The components a learner can add, as a strip beside the canvas: click one to add it near the middle of the view
 * where nothing is, or drag it to where it should go. Either way it is pinned there, and the rest of the drawing stays put.
 */
import { useStoreApi } from '@xyflow/react';
import type { DragEvent } from 'react';
import type { Box, NodeKind } from '../../engine/index.ts';
import { NODE_KINDS, nodeMetrics } from '../../engine/ui.ts';
import { appStore } from '../state/store.ts';
import { addNode } from '../workspace/actions.ts';
import type { FlowNode } from './flowTypes.ts';
import { KindIcon } from './nodes/KindIcon.tsx';
import { kindInk, paletteGroups } from './nodes/kindColors.ts';
import { kindPhrase, kindTitle } from './nodes/kindPhrase.ts';
import { freeSpot } from './placement.ts';
import './Palette.css';

/** The drag-and-drop type that carries a node kind from the palette to the canvas. */
export const PALETTE_MIME = 'application/x-eventlab-kind';

const descriptions = new Map(NODE_KINDS.map((k) => [k.kind, k.description]));

/** About the size of a fresh node (the minimum width, a label and a caption). */
const NEW_NODE = { width: nodeMetrics.minWidth, height: 60 };

export function Palette() {
  const flow = useStoreApi<FlowNode>();
  // A clicked component appears as near the middle of what the learner is looking at as it can without covering
  // anything; the spot is chosen when the edit lands, so a second click sees the first node.
  const addInView = (kind: NodeKind) => {
    const { width, height, transform } = flow.getState();
    const [tx, ty, zoom] = transform;
    const center = { x: (width / 2 - tx) / zoom, y: (height / 2 - ty) / zoom };
    void addNode(kind, () => freeSpot(center, NEW_NODE, occupied(flow.getState().nodes)));
  };
  const onDragStart = (e: DragEvent, kind: NodeKind) => {
    e.dataTransfer.setData(PALETTE_MIME, kind);
    e.dataTransfer.effectAllowed = 'copy';
  };
  return (
    <nav className="palette" aria-label="Add a component" data-testid="palette">
      <div className="palette-title">Add</div>
      {paletteGroups.map((group, i) => (
        <div className="palette-group" key={i}>
          {group.map((kind) => (
            <button
              key={kind}
              type="button"
              className="palette-item"
              draggable
              onDragStart={(e) => onDragStart(e, kind)}
              onClick={() => addInView(kind)}
              aria-label={`Add ${kindPhrase(kind)}`}
              data-testid={`palette-${kind}`}
              style={{ color: kindInk[kind] }}
            >
              <KindIcon kind={kind} size={20} />
              <span className="palette-tip" role="tooltip">
                <strong>{kindTitle(kind)}</strong>
                {descriptions.get(kind)}
                <em>Click to add, or drag onto the canvas.</em>
              </span>
            </button>
          ))}
        </div>
      ))}
    </nav>
  );
}

/** The boxes on the canvas (nodes and subgraphs), and nodes pinned by an edit the drawing has not caught up with. */
function occupied(nodes: readonly FlowNode[]): Box[] {
  const boxes: Box[] = nodes.map((n) => ({ x: n.position.x, y: n.position.y, width: n.width ?? NEW_NODE.width, height: n.height ?? NEW_NODE.height }));
  const drawn = new Set(nodes.map((n) => n.id));
  for (const [id, at] of Object.entries(appStore.getState().positions)) if (!drawn.has(id)) boxes.push({ ...at, ...NEW_NODE });
  return boxes;
}

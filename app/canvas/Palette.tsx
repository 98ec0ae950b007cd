/**
 * The components a learner can add, as a strip beside the canvas: click one to add it in the middle of the view,
 * or drag it to where it should go. Either way it is pinned there, and the rest of the drawing stays put.
 */
import { useStoreApi } from '@xyflow/react';
import { useRef, type DragEvent } from 'react';
import type { NodeKind } from '../../engine/index.ts';
import { NODE_KINDS, nodeMetrics } from '../../engine/ui.ts';
import { addNode } from '../workspace/actions.ts';
import { KindIcon } from './nodes/KindIcon.tsx';
import { kindInk, paletteGroups } from './nodes/kindColors.ts';
import { kindPhrase, kindTitle } from './nodes/kindPhrase.ts';
import './Palette.css';

/** The drag-and-drop type that carries a node kind from the palette to the canvas. */
export const PALETTE_MIME = 'application/x-eventlab-kind';

const descriptions = new Map(NODE_KINDS.map((k) => [k.kind, k.description]));

export function Palette() {
  const flow = useStoreApi();
  const added = useRef(0);
  // A clicked component appears in the middle of what the learner is looking at, a little apart from the last one.
  const addInView = (kind: NodeKind) => {
    const { width, height, transform } = flow.getState();
    const [tx, ty, zoom] = transform;
    const step = added.current++ % 5;
    const x = (width / 2 - tx) / zoom - nodeMetrics.minWidth / 2 + step * 24;
    const y = (height / 2 - ty) / zoom - 26 + step * 80;
    void addNode(kind, { x: Math.round(x), y: Math.round(y) });
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

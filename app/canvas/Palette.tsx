/**
 * The components a learner can add: click to add one (the layout places it) or drag it onto the canvas.
 */
import type { DragEvent } from 'react';
import type { NodeKind } from '../../engine/index.ts';
import { kindName } from '../../engine/index.ts';
import { addNode } from '../workspace/edits.ts';
import { KindIcon } from './nodes/KindIcon.tsx';
import { kindColors, paletteKinds } from './nodes/kindColors.ts';
import './Palette.css';

/** The drag-and-drop type that carries a node kind from the palette to the canvas. */
export const PALETTE_MIME = 'application/x-eventlab-kind';

export function Palette() {
  const onDragStart = (e: DragEvent, kind: NodeKind) => {
    e.dataTransfer.setData(PALETTE_MIME, kind);
    e.dataTransfer.effectAllowed = 'copy';
  };
  return (
    <nav className="palette" aria-label="Add a component" data-testid="palette">
      <div className="palette-title">Add</div>
      {paletteKinds.map((kind) => (
        <button
          key={kind}
          type="button"
          className="palette-item"
          draggable
          onDragStart={(e) => onDragStart(e, kind)}
          onClick={() => void addNode(kind)}
          title={`Add a ${kindName(kind)} (or drag it onto the canvas)`}
          data-testid={`palette-${kind}`}
          style={{ color: kindColors[kind] }}
        >
          <KindIcon kind={kind} size={18} />
          <span>{kindName(kind)}</span>
        </button>
      ))}
    </nav>
  );
}

/**
 * The components a learner can add, as a strip beside the canvas: click one to add it (the layout places it) or
 * drag it onto the canvas (it stays where it is dropped).
 */
import type { DragEvent } from 'react';
import type { NodeKind } from '../../engine/index.ts';
import { NODE_KINDS, kindName } from '../../engine/index.ts';
import { addNode } from '../workspace/edits.ts';
import { KindIcon } from './nodes/KindIcon.tsx';
import { kindColors, paletteGroups } from './nodes/kindColors.ts';
import './Palette.css';

/** The drag-and-drop type that carries a node kind from the palette to the canvas. */
export const PALETTE_MIME = 'application/x-eventlab-kind';

const descriptions = new Map(NODE_KINDS.map((k) => [k.kind, k.description]));

export function Palette() {
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
              onClick={() => void addNode(kind)}
              aria-label={`Add a ${kindName(kind)}`}
              data-testid={`palette-${kind}`}
              style={{ color: kindColors[kind] }}
            >
              <KindIcon kind={kind} size={20} />
              <span className="palette-tip" role="tooltip">
                <strong>{kindName(kind)}</strong>
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

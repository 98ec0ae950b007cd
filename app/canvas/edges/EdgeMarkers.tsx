/**
 * The arrow heads edges use, one per head shape and edge kind (colour), defined once for the whole canvas.
 */
import type { ArrowHead, EdgeKind } from '../../../engine/index.ts';
import { edgeKindStyles, markerId } from '../edgeStyle.ts';

const heads: Exclude<ArrowHead, 'none'>[] = ['arrow', 'cross', 'circle'];
const kinds = Object.keys(edgeKindStyles) as EdgeKind[];

function Head({ head, color }: { head: Exclude<ArrowHead, 'none'>; color: string }) {
  switch (head) {
    case 'arrow':
      return <path d="M1 1 L9 5 L1 9 Z" fill={color} stroke={color} strokeLinejoin="round" />;
    case 'cross':
      return <path d="M2 2 L8 8 M8 2 L2 8" stroke={color} strokeWidth="1.6" strokeLinecap="round" />;
    case 'circle':
      return <circle cx="5" cy="5" r="3.5" fill="var(--panel)" stroke={color} strokeWidth="1.5" />;
  }
}

export function EdgeMarkers() {
  return (
    <svg className="tedge-markers" aria-hidden="true" width="0" height="0">
      <defs>
        {kinds.flatMap((kind) =>
          heads.map((head) => (
            <marker
              key={`${head}-${kind}`}
              id={markerId(head, kind)}
              viewBox="0 0 10 10"
              refX={head === 'arrow' ? 8 : 5}
              refY="5"
              markerWidth="12"
              markerHeight="12"
              markerUnits="userSpaceOnUse"
              orient="auto-start-reverse"
            >
              <Head head={head} color={edgeKindStyles[kind].color} />
            </marker>
          )),
        )}
      </defs>
    </svg>
  );
}

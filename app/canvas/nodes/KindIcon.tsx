/**
 * A small hand-drawn icon for each node kind (24×24, stroked in the kind's colour).
 */
import { memo } from 'react';
import type { NodeKind } from '../../../engine/index.ts';
import { KIND_LOOK } from './kindTable.tsx';

/** The icon of a node kind, drawn in the current text colour. */
export const KindIcon = memo(function KindIcon({ kind, size = 22 }: { kind: NodeKind; size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      data-icon={kind}
    >
      {KIND_LOOK[kind].icon}
    </svg>
  );
});

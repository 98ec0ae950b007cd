/**
 * The accent colour of each kind and the palette's groups, from the app's kind table (kindTable.tsx).
 */
import type { NodeKind } from '../../../engine/index.ts';
import { KIND_LOOK } from './kindTable.tsx';

export const kindColors = Object.fromEntries(Object.entries(KIND_LOOK).map(([k, look]) => [k, look.color])) as Record<NodeKind, string>;

/**
 * A kind's colour as the app draws it on its panels: the kind table's colour, lifted towards the text colour in the
 * dark theme (--kind-lift in theme.css) so icons and accents keep their contrast there. Exports use `kindColors`.
 */
export const kindInk = Object.fromEntries(
  Object.entries(kindColors).map(([k, c]) => [k, `color-mix(in oklab, ${c}, var(--text) var(--kind-lift))`]),
) as Record<NodeKind, string>;

/** Every node kind, grouped by family as the palette shows them. */
export const paletteGroups: NodeKind[][] = [];
for (const [kind, look] of Object.entries(KIND_LOOK) as [NodeKind, (typeof KIND_LOOK)[NodeKind]][]) (paletteGroups[look.group] ??= []).push(kind);

/** Every node kind, in palette order. */
export const paletteKinds: NodeKind[] = paletteGroups.flat();

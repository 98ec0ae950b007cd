/**
 * Subgraph boxes, derived from where their members are. Both the worker (after dagre) and the canvas (while a node
 * is dragged) call this, so a box always wraps its members, wherever the learner put them.
 */
import type { TopologyGroup } from '../topology/types.ts';
import { textWidth } from './measure.ts';
import type { Box } from './types.ts';

export const groupMetrics = { padding: 16, title: 28, emptyWidth: 180, emptyHeight: 64 } as const;

/**
 * The box of every group: the union of its members' boxes (nested groups included) padded, with a title band on top.
 * A group with no placed members takes its box from `empty` (where the layout put it), else sits at the origin.
 */
export function groupBoxes(
  groups: readonly TopologyGroup[],
  nodes: Readonly<Record<string, Box>>,
  empty: Readonly<Record<string, Box>> = {},
): Record<string, Box> {
  const byId = new Map(groups.map((g) => [g.id, g]));
  const out: Record<string, Box> = {};
  const visiting = new Set<string>();
  const { padding, title } = groupMetrics;

  const boxOf = (id: string): Box | undefined => {
    const done = out[id];
    if (done) return done;
    const group = byId.get(id);
    if (!group || visiting.has(id)) return undefined; // a cycle in the model: draw what we can
    visiting.add(id);
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    for (const member of group.members) {
      const b = nodes[member] ?? (byId.has(member) ? boxOf(member) : undefined);
      if (!b) continue;
      x0 = Math.min(x0, b.x);
      y0 = Math.min(y0, b.y);
      x1 = Math.max(x1, b.x + b.width);
      y1 = Math.max(y1, b.y + b.height);
    }
    visiting.delete(id);
    let box: Box;
    if (x0 === Infinity) {
      box = empty[id] ?? { x: 0, y: 0, width: groupMetrics.emptyWidth, height: groupMetrics.emptyHeight };
    } else {
      const minWidth = textWidth(group.title, 12) + 2 * padding;
      const width = Math.max(x1 - x0 + 2 * padding, minWidth);
      box = { x: x0 - padding - (width - (x1 - x0 + 2 * padding)) / 2, y: y0 - padding - title, width, height: y1 - y0 + 2 * padding + title };
    }
    out[id] = box;
    return box;
  };

  for (const g of groups) boxOf(g.id);
  return out;
}

/** The smallest box holding all `boxes`; the empty box at the origin when there are none. */
export function unionBox(boxes: Iterable<Box>): Box {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const b of boxes) {
    x0 = Math.min(x0, b.x);
    y0 = Math.min(y0, b.y);
    x1 = Math.max(x1, b.x + b.width);
    y1 = Math.max(y1, b.y + b.height);
  }
  return x0 === Infinity ? { x: 0, y: 0, width: 0, height: 0 } : { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

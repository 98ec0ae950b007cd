/**
 * How big a node is drawn, computed without a DOM so the worker can lay out before anything renders.
 *
 * The canvas node component draws with the metrics below (see app/canvas/nodes/node.css); the estimate errs wide so
 * a label is never clipped.
 */
import { kindInfo } from '../topology/kinds.ts';
import type { NodeKind, TopologyEdge, TopologyNode } from '../topology/types.ts';
import { nodeCaption } from './caption.ts';

export const nodeMetrics = {
  paddingX: 12,
  paddingY: 9,
  icon: 22,
  iconGap: 9,
  labelLine: 17,
  captionLine: 15,
  chipRow: 21,
  chipGap: 4,
  /** Room for the border on both sides, up to the 3px strokes learners give their nodes. */
  borderSlack: 8,
  minWidth: 150,
  maxWidth: 280,
  /** A row of live state under the caption (instances and load, a broker's partitions), and the gap above it. */
  liveRow: 18,
  liveGap: 6,
} as const;

/**
 * How many rows of live state a node of this kind draws while the simulation runs: a Kafka node its brokers and
 * its partitions, anything the simulation runs (services, stores, clients, topics, partitions) one row. The layout
 * reserves them always, so pressing play never moves a node.
 */
export function liveRows(kind: NodeKind): number {
  return kindInfo(kind).liveRows;
}

/**
 * Width in pixels of `text` in the canvas's semi-bold sans-serif at `fontPx`, from a coarse table of glyph widths.
 * The table follows the widest common UI font (DejaVu Sans, Linux's default) so no platform clips a label.
 */
export function textWidth(text: string, fontPx = 13): number {
  let w = 0;
  for (const ch of text) {
    if (" il.,:;|!'`".includes(ch)) w += 0.34;
    else if ('MWmw@%'.includes(ch)) w += 0.98;
    else if (ch >= 'A' && ch <= 'Z') w += 0.76;
    else if (ch.charCodeAt(0) > 0x2e80) w += 1.05; // CJK and emoji take a full em
    else w += 0.64;
  }
  // 6% spare: bold glyphs run wider than the averages above, and a clipped label is worse than a roomy box.
  return Math.ceil(w * fontPx * 1.06);
}

/** Breaks a label into the lines the node draws: at `\n`, then at spaces when a line passes `maxPx`. */
export function wrapLabel(label: string, maxPx: number, fontPx = 13): string[] {
  const lines: string[] = [];
  for (const hard of label.split('\n')) {
    let line = '';
    for (const word of hard.split(' ')) {
      const next = line ? `${line} ${word}` : word;
      if (line && textWidth(next, fontPx) > maxPx) {
        lines.push(line);
        line = word;
      } else {
        line = next;
      }
    }
    lines.push(line);
  }
  return lines;
}

/** Lays chips (hosted topics) into rows no wider than `maxPx`; returns the rows. */
export function chipRows(chips: readonly string[], maxPx: number): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let used = 0;
  for (const chip of chips) {
    const w = chipWidth(chip);
    if (row.length > 0 && used + nodeMetrics.chipGap + w > maxPx) {
      rows.push(row);
      row = [];
      used = 0;
    }
    used += (row.length > 0 ? nodeMetrics.chipGap : 0) + w;
    row.push(chip);
  }
  if (row.length > 0) rows.push(row);
  return rows;
}

function chipWidth(chip: string): number {
  return textWidth(chip, 11) + 14;
}

/** The size a node is drawn at, e.g. `{ width: 173, height: 78 }` for a service labelled `Order Service`. */
export function nodeSize(node: TopologyNode): { width: number; height: number } {
  const m = nodeMetrics;
  const chrome = 2 * m.paddingX + m.icon + m.iconGap + m.borderSlack;
  const textMax = m.maxWidth - chrome;
  const lines = wrapLabel(node.label, textMax);
  const caption = nodeCaption(node);
  const widest = Math.max(textWidth(caption, 11), ...lines.map((l) => textWidth(l)));
  const chips = node.kind === 'kafka' ? (node.topics ?? []) : [];
  const chipWidest = Math.max(0, ...chips.map(chipWidth));
  const inner = Math.min(textMax, Math.max(widest, chipWidest));
  const width = Math.max(m.minWidth, Math.min(m.maxWidth, inner + chrome));
  const rows = chipRows(chips, width - 2 * m.paddingX).length;
  const live = liveRows(node.kind);
  const height =
    2 * m.paddingY + m.borderSlack / 2 + lines.length * m.labelLine + m.captionLine + (rows > 0 ? 6 + rows * m.chipRow : 0) + (live > 0 ? m.liveGap + live * m.liveRow : 0);
  return { width, height };
}

/** Edge kinds the canvas marks with a badge: every kind that means something to the simulator. */
export const badgedEdgeKinds: ReadonlySet<TopologyEdge['kind']> = new Set(['publish', 'subscribe', 'request', 'write', 'read', 'route', 'relay']);

/** The size of an edge's label on the canvas (kind badge and the learner's label), or null when it has none. */
export function edgeLabelSize(edge: TopologyEdge): { width: number; height: number } | null {
  const badge = badgedEdgeKinds.has(edge.kind) ? textWidth(edge.kind.toUpperCase(), 10) + 12 : 0;
  const label = edge.label ? textWidth(edge.label, 11) + 10 : 0;
  if (badge + label === 0) return null;
  return { width: Math.min(badge + label + (badge && label ? 4 : 0) + 4, 220), height: 20 };
}

/**
 * How big a node is drawn, computed without a DOM so the worker can lay out before anything renders.
 *
 * The canvas node component draws with the metrics below (see app/canvas/nodes/node.css); the estimate errs wide so
 * a label is never clipped.
 */
import type { TopologyNode } from '../topology/types.ts';
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
  minWidth: 150,
  maxWidth: 280,
} as const;

/** Width in pixels of `text` in the canvas's 13px sans-serif, from a coarse table of glyph widths. */
export function textWidth(text: string, fontPx = 13): number {
  let w = 0;
  for (const ch of text) {
    if (" il.,:;|!'`".includes(ch)) w += 0.3;
    else if ('MWmw@%'.includes(ch)) w += 0.9;
    else if (ch >= 'A' && ch <= 'Z') w += 0.68;
    else if (ch.charCodeAt(0) > 0x2e80) w += 1; // CJK and emoji take a full em
    else w += 0.56;
  }
  return Math.ceil(w * fontPx);
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

/** The size a node is drawn at, e.g. `nodeSize(node)` is `{ width: 190, height: 58 }` for a one-line service. */
export function nodeSize(node: TopologyNode): { width: number; height: number } {
  const m = nodeMetrics;
  const chrome = 2 * m.paddingX + m.icon + m.iconGap;
  const textMax = m.maxWidth - chrome;
  const lines = wrapLabel(node.label, textMax);
  const caption = nodeCaption(node);
  const widest = Math.max(textWidth(caption, 11), ...lines.map((l) => textWidth(l)));
  const chips = node.kind === 'kafka' ? (node.topics ?? []) : [];
  const chipWidest = Math.max(0, ...chips.map(chipWidth));
  const inner = Math.min(textMax, Math.max(widest, chipWidest));
  const width = Math.max(m.minWidth, Math.min(m.maxWidth, inner + chrome));
  const rows = chipRows(chips, width - 2 * m.paddingX).length;
  const height = 2 * m.paddingY + lines.length * m.labelLine + m.captionLine + (rows > 0 ? 6 + rows * m.chipRow : 0);
  return { width, height };
}

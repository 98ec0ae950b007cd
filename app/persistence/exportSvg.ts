/**
 * The drawing as a standalone SVG, built from the topology and its layout (not scraped from the DOM): boxes, labels
 * as text nodes, edges with their kind's colour, subgraph boxes with titles.
 */
import { getBezierPath } from '@xyflow/react';
import { chipRows, groupBoxes, nodeCaption, nodeMetrics, unionBox, wrapLabel } from '../../engine/ui.ts';
import type { Box, Layout, Pinned, Topology, TopologyNode } from '../../engine/index.ts';
import { edgeKindStyles, strokeStyle } from '../canvas/edgeStyle.ts';
import { kindColors } from '../canvas/nodes/kindColors.ts';
import { routePath } from '../canvas/edges/routePath.ts';
import { handleSides } from '../canvas/toFlow.ts';

const MARGIN = 24;
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif";
const cssValue = /^[#\w\s.,%()-]+$/;

/**
 * A number as SVG writes it. Positions come from storage and layouts from the worker: a corrupted one (`x: '1"
 * onload="…"'`) must not reach the document as markup, so anything that is not a finite number is written as 0.
 */
export function num(value: unknown): string {
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : '0';
}

/** A path's `d` if it holds only path commands and numbers (a NaN from a corrupted point does not), else none. */
const pathData = (d: string) => (/^[MLCQZ\d\s.,e+-]*$/.test(d) ? d : '');

/** A dragged position, if it is one (two finite numbers); anything else is ignored and the layout's used. */
const position = (p: unknown): { x: number; y: number } | null => {
  const { x, y } = (p ?? {}) as { x?: unknown; y?: unknown };
  return typeof x === 'number' && typeof y === 'number' && Number.isFinite(x) && Number.isFinite(y) ? { x, y } : null;
};

/** Escapes text for an XML text node or attribute. */
export function xmlEscape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** An SVG document of the topology as the canvas draws it, `positions` overriding the layout. */
export function topologySvg(topology: Topology, layout: Layout, positions: Pinned): { svg: string; width: number; height: number } {
  const boxes: Record<string, Box> = {};
  for (const n of topology.nodes) {
    const b = layout.nodes[n.id];
    const at = position(positions[n.id]);
    if (b) boxes[n.id] = at ? { ...b, ...at } : b;
  }
  const groups = groupBoxes(topology.groups, boxes, layout.groups);
  const bounds = unionBox([...Object.values(boxes), ...Object.values(groups)]);
  const width = Math.ceil(bounds.width + 2 * MARGIN);
  const height = Math.ceil(bounds.height + 2 * MARGIN);
  const dx = MARGIN - bounds.x;
  const dy = MARGIN - bounds.y;
  const sides = handleSides(layout.direction);
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${num(width)}" height="${num(height)}" viewBox="0 0 ${num(width)} ${num(height)}" font-family="${xmlEscape(FONT)}">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    '<defs>',
    ...Object.entries(edgeKindStyles).map(
      ([kind, s]) =>
        `<marker id="arrow-${kind}" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="12" markerHeight="12" markerUnits="userSpaceOnUse" orient="auto-start-reverse"><path d="M1 1 L9 5 L1 9 Z" fill="${s.color}"/></marker>`,
    ),
    '</defs>',
    `<g transform="translate(${num(dx)} ${num(dy)})">`,
  );

  for (const g of topology.groups) {
    const b = groups[g.id];
    if (!b) continue;
    out.push(
      `<g class="group"><rect x="${num(b.x)}" y="${num(b.y)}" width="${num(b.width)}" height="${num(b.height)}" rx="12" fill="#f1f5f9" fill-opacity="0.6" stroke="#94a3b8" stroke-width="1.5" stroke-dasharray="6 4"/>`,
      `<text x="${num(b.x + 12)}" y="${num(b.y + 19)}" font-size="12" font-weight="600" fill="#475569">${xmlEscape(g.title)}</text></g>`,
    );
  }

  const anchor = (box: Box, side: string) => {
    switch (side) {
      case 'left':
        return { x: box.x, y: box.y + box.height / 2 };
      case 'right':
        return { x: box.x + box.width, y: box.y + box.height / 2 };
      case 'top':
        return { x: box.x + box.width / 2, y: box.y };
      default:
        return { x: box.x + box.width / 2, y: box.y + box.height };
    }
  };
  const labels: string[] = [];
  for (const e of topology.edges) {
    const from = boxes[e.from] ?? groups[e.from];
    const to = boxes[e.to] ?? groups[e.to];
    if (!from || !to || e.stroke === 'invisible') continue;
    const s = anchor(from, sides.source);
    const t = anchor(to, sides.target);
    const route = position(positions[e.from]) || position(positions[e.to]) ? undefined : layout.edges[e.id];
    const [path, lx, ly] = route
      ? [routePath(route.points), route.label.x, route.label.y]
      : getBezierPath({
          sourceX: s.x,
          sourceY: s.y,
          targetX: t.x,
          targetY: t.y,
          sourcePosition: sides.source,
          targetPosition: sides.target,
        });
    const look = edgeKindStyles[e.kind];
    const stroke = strokeStyle(e.kind, e.stroke);
    const dash = stroke.strokeDasharray ? ` stroke-dasharray="${stroke.strokeDasharray}"` : '';
    const end = e.arrowEnd === 'arrow' ? ` marker-end="url(#arrow-${e.kind})"` : '';
    const start = e.arrowStart === 'arrow' ? ` marker-start="url(#arrow-${e.kind})"` : '';
    out.push(`<path d="${pathData(path)}" fill="none" stroke="${look.color}" stroke-width="${num(stroke.strokeWidth)}"${dash}${end}${start}/>`);
    const text = [look.badge && (e.role ?? look.badge).toUpperCase(), e.label].filter(Boolean).join('  ·  ');
    if (text) {
      const w = Math.min(text.length * 6 + 14, 260);
      labels.push(
        `<g class="edge-label"><rect x="${num(lx - w / 2)}" y="${num(ly - 9)}" width="${num(w)}" height="18" rx="9" fill="#ffffff" stroke="${look.color}" stroke-opacity="0.5"/>`,
        `<text x="${num(lx)}" y="${num(ly + 4)}" font-size="10.5" text-anchor="middle" fill="#334155">${xmlEscape(text)}</text></g>`,
      );
    }
  }
  out.push(...labels);
  for (const n of topology.nodes) {
    const b = boxes[n.id];
    if (b) out.push(nodeSvg(n, b));
  }
  out.push('</g></svg>');
  return { svg: out.join('\n'), width, height };
}

function nodeSvg(n: TopologyNode, b: Box): string {
  const m = nodeMetrics;
  const pick = (key: string, fallback: string) => {
    const v = n.style[key]?.trim();
    return v && cssValue.test(v) ? v : fallback;
  };
  const accent = kindColors[n.kind];
  const fill = pick('fill', '#ffffff');
  const stroke = pick('stroke', '#cbd5e1');
  const strokeWidth = pick('stroke-width', '1').replace('px', '');
  const color = pick('color', '#0f172a');
  const textX = b.x + m.paddingX + m.icon + m.iconGap;
  const parts = [
    `<g class="node" data-id="${xmlEscape(n.id)}">`,
    `<rect x="${num(b.x)}" y="${num(b.y)}" width="${num(b.width)}" height="${num(b.height)}" rx="8" fill="${fill}" stroke="${stroke}" stroke-width="${strokeWidth}"/>`,
    `<rect x="${num(b.x)}" y="${num(b.y + 4)}" width="3" height="${num(b.height - 8)}" fill="${accent}"/>`,
    `<circle cx="${num(b.x + m.paddingX + m.icon / 2)}" cy="${num(b.y + m.paddingY + m.icon / 2)}" r="6" fill="none" stroke="${accent}" stroke-width="2"/>`,
  ];
  const textMax = m.maxWidth - 2 * m.paddingX - m.icon - m.iconGap - m.borderSlack;
  const lines = wrapLabel(n.label, textMax);
  let y = b.y + m.paddingY + 13;
  for (const line of lines) {
    parts.push(`<text x="${num(textX)}" y="${num(y)}" font-size="13" font-weight="600" fill="${color}">${xmlEscape(line)}</text>`);
    y += m.labelLine;
  }
  parts.push(`<text x="${num(textX)}" y="${num(y - 2)}" font-size="11" fill="#64748b">${xmlEscape(nodeCaption(n))}</text>`);
  if (n.kind === 'kafka' && n.topics?.length) {
    let ty = y + 8;
    for (const row of chipRows(n.topics, b.width - 2 * m.paddingX)) {
      parts.push(`<text x="${num(b.x + m.paddingX)}" y="${num(ty + 8)}" font-size="11" fill="#134e4a">${xmlEscape(row.join('  ·  '))}</text>`);
      ty += m.chipRow;
    }
  }
  parts.push('</g>');
  return parts.join('');
}

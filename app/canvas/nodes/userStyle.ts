/**
 * The learner's `style` / `classDef` properties as CSS for a node box. Only properties that mean the same on the
 * canvas as in mermaid are taken; values are passed to React's style object, never into markup.
 */
import type { CSSProperties } from 'react';

const safeValue = /^[#\w\s.,%()-]+$/;

/** e.g. `userStyle({ fill: '#faa', stroke: '#333', 'stroke-width': '2px' })` → background, border colour and width. */
export function userStyle(style: Readonly<Record<string, string>>): CSSProperties {
  const out: CSSProperties = {};
  const take = (key: string) => {
    const v = style[key]?.trim();
    return v && safeValue.test(v) ? v : undefined;
  };
  const fill = take('fill');
  const stroke = take('stroke');
  const width = take('stroke-width');
  const color = take('color');
  const dash = take('stroke-dasharray');
  if (fill) out.background = fill;
  if (stroke) out.borderColor = stroke;
  if (width) out.borderWidth = /^\d+(\.\d+)?$/.test(width) ? `${width}px` : width;
  if (color) out.color = color;
  // A fill the learner chose keeps its text readable in either theme: dark ink on a light fill, light on a dark one.
  else if (fill) out.color = isDarkFill(fill) ? 'var(--ink-on-dark)' : 'var(--ink-on-light)';
  if (dash) out.borderStyle = 'dashed';
  return out;
}

/** True for a hex or rgb() fill darker than mid-grey (relative luminance below 0.18); other forms count as light. */
export function isDarkFill(fill: string): boolean {
  let rgb: number[] | null = null;
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(fill);
  if (hex) {
    const h = hex[1]!.length === 3 ? [...hex[1]!].map((c) => c + c).join('') : hex[1]!;
    rgb = [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16));
  } else {
    const m = /^rgba?\(\s*(\d+)[\s,]+(\d+)[\s,]+(\d+)/i.exec(fill);
    if (m) rgb = [m[1], m[2], m[3]].map(Number);
  }
  if (!rgb) return false;
  const [r, g, b] = rgb.map((v) => {
    const c = v / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.18;
}

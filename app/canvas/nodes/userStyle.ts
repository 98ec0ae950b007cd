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
  if (dash) out.borderStyle = 'dashed';
  return out;
}

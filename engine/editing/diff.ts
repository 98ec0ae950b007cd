/**
 * The smallest single replacement between two texts, so an editor can take a new text without losing its cursor.
 */
import type { TextChange } from '../topology/types.ts';

/**
 * The one replacement that turns `a` into `b`: everything between their common prefix and suffix.
 * @example diffChange('graph TD\n A', 'graph LR\n A') // { from: 6, to: 8, insert: 'LR' }
 */
export function diffChange(a: string, b: string): TextChange {
  let start = 0;
  const max = Math.min(a.length, b.length);
  while (start < max && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  let end = 0;
  while (end < max - start && a.charCodeAt(a.length - 1 - end) === b.charCodeAt(b.length - 1 - end)) end++;
  return { from: start, to: a.length - end, insert: b.slice(start, b.length - end) };
}

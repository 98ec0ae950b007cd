/**
 * Text changes: applying them, shrinking each to the characters that really change, and removing or inserting
 * whole statements without disturbing their neighbours.
 */
import { isBlank, type Range } from '../text.ts';
import type { TextChange } from '../types.ts';

/** Applies sorted, non-overlapping changes. */
export function applyChanges(text: string, changes: TextChange[]): string {
  let out = '';
  let at = 0;
  for (const c of changes) {
    out += text.slice(at, c.from) + c.insert;
    at = c.to;
  }
  return out + text.slice(at);
}

/** Trims the common prefix and suffix of a change, so it touches only what differs. */
function shrink(text: string, c: TextChange): TextChange {
  const old = text.slice(c.from, c.to);
  let start = 0;
  while (start < old.length && start < c.insert.length && old[start] === c.insert[start]) start++;
  let end = 0;
  while (end < old.length - start && end < c.insert.length - start && old[old.length - 1 - end] === c.insert[c.insert.length - 1 - end]) end++;
  return { from: c.from + start, to: c.to - end, insert: c.insert.slice(start, c.insert.length - end) };
}

/**
 * Sorted, minimal, without no-ops. Overlapping deletions merge (two removed lines can share a line break);
 * any other overlap throws, as it is a bug in the edit, not in the text.
 */
export function finishChanges(text: string, changes: TextChange[]): TextChange[] {
  const sorted = changes
    .map((c) => shrink(text, c))
    .filter((c) => c.from !== c.to || c.insert !== '')
    .sort((a, b) => a.from - b.from || a.to - b.to);
  const out: TextChange[] = [];
  for (const cur of sorted) {
    const prev = out[out.length - 1];
    if (prev && cur.from < prev.to) {
      if (prev.insert !== '' || cur.insert !== '') throw new Error(`overlapping changes at ${prev.from}-${prev.to} and ${cur.from}-${cur.to}`);
      prev.to = Math.max(prev.to, cur.to);
    } else {
      out.push({ ...cur });
    }
  }
  return out;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Removes a statement: its whole line when it is alone there, else the statement and one `;` beside it. */
export function removeStatement(text: string, range: Range): TextChange {
  const start = lineStart(text, range.from);
  const nl = text.indexOf('\n', range.to);
  const end = nl < 0 ? text.length : nl;
  const before = text.slice(start, range.from);
  const after = text.slice(range.to, end).trim();
  if (before.trim() === '' && (after === '' || after === ';')) {
    if (nl >= 0) return { from: start, to: nl + 1, insert: '' };
    return { from: start > 0 ? start - 1 : 0, to: end, insert: '' };
  }
  let j = range.to;
  while (j < end && isBlank(text.charCodeAt(j))) j++;
  if (text[j] === ';') {
    j++;
    while (j < end && isBlank(text.charCodeAt(j))) j++;
    return { from: range.from, to: j, insert: '' };
  }
  let k = range.from;
  while (k > start && isBlank(text.charCodeAt(k - 1))) k--;
  if (text[k - 1] === ';') return { from: k - 1, to: range.to, insert: '' };
  return { from: range.from, to: range.to, insert: '' };
}

/** Inserts `line` on a new line after the line holding `offset`, indented by `indent`. */
export function insertLineAfter(text: string, offset: number, line: string, indent: string): TextChange {
  const nl = text.indexOf('\n', offset);
  if (nl < 0) return { from: text.length, to: text.length, insert: `\n${indent}${line}` };
  return { from: nl + 1, to: nl + 1, insert: `${indent}${line}\n` };
}

/** Inserts `line` as the new last line of the text (before trailing blank lines). */
export function appendLine(text: string, line: string, indent: string): TextChange {
  let end = text.length;
  while (end > 0 && /\s/.test(text[end - 1] ?? '')) end--;
  return { from: end, to: end, insert: `${end > 0 ? '\n' : ''}${indent}${line}` };
}

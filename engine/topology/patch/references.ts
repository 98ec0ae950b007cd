/**
 * Keeping references true after edges move: `linkStyle` numbers edges by position, `class e1 ...` and
 * `e1@{ ... }` name edges by id, and `class`, `click` and `style` name nodes. When an edit deletes or reorders
 * edges or deletes a node, these statements are renumbered, trimmed or removed.
 */
import { parseDocument } from '../parse.ts';
import type { IdRef } from '../syntax.ts';
import type { TextChange, TopologyEdge } from '../types.ts';
import { applyChanges, finishChanges, removeStatement } from './changes.ts';
import type { PatchDoc } from './doc.ts';

const key = (e: TopologyEdge) => JSON.stringify([e.from, e.to, e.label ?? '', e.stroke, e.arrowStart, e.arrowEnd, e.length]);

/** Old edge index => new edge index, for the edges that survive `changes`. */
function edgeMap(doc: PatchDoc, changes: TextChange[], removed: Set<string>): Map<number, number> {
  const after = parseDocument(applyChanges(doc.text, finishChanges(doc.text, changes))).topology.edges;
  const free = new Map<string, number[]>();
  after.forEach((e, i) => {
    const list = free.get(key(e)) ?? [];
    list.push(i);
    free.set(key(e), list);
  });
  const map = new Map<number, number>();
  doc.edges.forEach((e, i) => {
    if (removed.has(e.id)) return;
    const next = free.get(key(e))?.shift();
    if (next !== undefined) map.set(i, next);
  });
  return map;
}

/** Renumbers `linkStyle` statements so they style the same edges after `changes` (dropping deleted ones). */
export function followLinkStyles(doc: PatchDoc, changes: TextChange[], removed: Set<string>): TextChange[] {
  const styles = doc.all.flatMap((l) => (l.statement.type === 'linkStyle' ? [l.statement] : []));
  if (styles.length === 0) return [];
  const map = edgeMap(doc, changes, removed);
  const out: TextChange[] = [];
  for (const s of styles) {
    if (s.indices.some((i) => i.index === 'default')) continue;
    const next = s.indices.flatMap((i) => {
      const to = map.get(i.index as number);
      return to === undefined ? [] : [to];
    });
    const before = s.indices.map((i) => i.index);
    if (next.length === before.length && next.every((n, k) => n === before[k])) continue;
    const first = s.indices[0];
    const last = s.indices[s.indices.length - 1];
    if (next.length === 0 || !first || !last) out.push(removeStatement(doc.text, s.range));
    else out.push({ from: first.range.from, to: last.range.to, insert: next.join(',') });
  }
  return out;
}

/** Removes `ids` from an `a,b,c` list: the whole statement when none would remain. */
function trimList(doc: PatchDoc, list: IdRef[], ids: Set<string>, statement: { range: { from: number; to: number } }): TextChange | undefined {
  const keep = list.filter((r) => !ids.has(r.id));
  if (keep.length === list.length) return undefined;
  if (keep.length === 0) return removeStatement(doc.text, statement.range);
  const first = list[0] as IdRef;
  const last = list[list.length - 1] as IdRef;
  return { from: first.range.from, to: last.range.to, insert: keep.map((r) => r.id).join(',') };
}

/** Statements that name any of `ids` (nodes or edges about to disappear): trimmed or removed. */
export function dropReferences(doc: PatchDoc, ids: Set<string>): TextChange[] {
  const out: TextChange[] = [];
  for (const { statement: s } of doc.all) {
    if (s.type === 'style' && ids.has(s.target.id)) out.push(removeStatement(doc.text, s.range));
    else if (s.type === 'class' || s.type === 'click') {
      const change = trimList(doc, s.ids, ids, s);
      if (change) out.push(change);
    } else if (s.type === 'chain' && s.links.length === 0 && s.groups[0]?.length === 1) {
      const only = s.groups[0][0];
      if (only && ids.has(only.id) && doc.edgeIndex(only.id) >= 0) out.push(removeStatement(doc.text, s.range));
    }
  }
  return out;
}

/**
 * Edge edits: add an edge after the last statement that mentions its source, delete one edge out of a chain or an
 * `&` list, set an edge's label.
 */
import { encodeLabel } from '../labels.ts';
import { arrowText } from '../links.ts';
import { edgeText } from '../print.ts';
import type { ChainStatement, LinkSyntax, SubgraphStatement, VertexSyntax } from '../syntax.ts';
import type { TextChange } from '../types.ts';
import { appendLine, insertLineAfter } from './changes.ts';
import { pruneLoneGroups, rewriteChain, type Piece, type PieceRef } from './chains.ts';
import type { PatchDoc } from './doc.ts';
import { dropReferences, followLinkStyles } from './references.ts';

export type Outcome = { changes: TextChange[]; createdId?: string } | { error: string };

function exists(doc: PatchDoc, id: string): boolean {
  return doc.node(id) !== undefined || doc.group(id) !== undefined;
}

/** Whether mentioning `id` inside `sg` leaves every subgraph's members as they are. */
function safeInside(doc: PatchDoc, sg: SubgraphStatement, id: string): boolean {
  const sid = doc.subgraphId(sg);
  if (id === sid) return true;
  const owner = doc.owner(id);
  if (owner === sid) return true;
  if (owner === undefined) return false;
  return doc.closingIndex(owner) < doc.closingIndex(sid);
}

/** `A --> B` (or `A -->|label| B`) after the last statement that mentions A, where it moves no node between subgraphs. */
export function addEdge(doc: PatchDoc, from: string, to: string, label?: string): Outcome {
  for (const id of [from, to]) if (!exists(doc, id)) return { error: `there is no node or subgraph '${id}'` };
  const text = label?.trim();
  const line = edgeText({ from, to, stroke: 'normal', arrowStart: 'none', arrowEnd: 'arrow', length: 1, ...(text ? { label: text } : {}) });
  const mentions = doc.chains().filter((l) => l.statement.groups.some((g) => g.some((r) => r.id === from)));
  const last = mentions[mentions.length - 1];
  const own = doc.subgraph(from);
  let anchor: { after: number; indent: string; parents: SubgraphStatement[] } | undefined;
  if (last) anchor = { after: last.statement.range.to, indent: doc.indent(last.statement.range.from), parents: last.parents };
  else if (own) {
    const at = doc.all.find((l) => l.statement === own);
    anchor = { after: own.range.to, indent: doc.indent(own.range.from), parents: at?.parents ?? [] };
  }
  if (!anchor) return { changes: [appendLine(doc.text, line, doc.indent(doc.text.length))] };
  let { parents } = anchor;
  while (parents[0] && parents[0].endRange && !safeInside(doc, parents[0], to)) {
    const sg = parents[0];
    anchor = { after: sg.range.to, indent: doc.indent(sg.range.from), parents: parents.slice(1) };
    parents = anchor.parents;
  }
  const change = insertLineAfter(doc.text, anchor.after, line, anchor.indent);
  return { changes: [change, ...followLinkStyles(doc, [change], new Set())] };
}

interface EdgeAt {
  s: ChainStatement;
  link: LinkSyntax;
  index: number;
  starts: VertexSyntax[];
  ends: VertexSyntax[];
  si: number;
  ei: number;
}

function locate(doc: PatchDoc, edgeId: string): EdgeAt | undefined {
  const i = doc.edgeIndex(edgeId);
  const origin = doc.parsed.edgeOrigins[i];
  if (!origin) return undefined;
  const s = origin.statement;
  return {
    s,
    link: s.links[origin.link] as LinkSyntax,
    index: origin.link,
    starts: s.groups[origin.link] ?? [],
    ends: s.groups[origin.link + 1] ?? [],
    si: origin.start,
    ei: origin.end,
  };
}

/**
 * The statement without one of its edges: the chain before the link, the rest after it, and the edges of the link
 * that remain (`A & B --> C & D` without B->C is `A --> C & D` and `B --> D`); `replacement` adds the removed edge
 * back as its own piece (with a new label).
 */
function withoutEdge(doc: PatchDoc, at: EdgeAt, replacement?: string): Piece[] {
  const { s, index, starts, ends, si, ei } = at;
  const ownsId = si === starts.length - 1 && ei === 0;
  const full = (g: number): PieceRef[] => (s.groups[g] ?? []).map((ref) => ({ ref }));
  const bare = (refs: VertexSyntax[]): PieceRef[] => refs.map((ref) => ({ ref, bare: true }));
  const pieces: Piece[] = [];
  const head: Piece = { groups: [], links: [] };
  for (let g = 0; g <= index; g++) {
    head.groups.push({ refs: full(g), index: g });
    if (g > 0) head.links.push({ index: g - 1, withId: true });
  }
  pieces.push(head);
  const rest = starts.filter((_, k) => k !== si);
  const tail: Piece = { groups: [], links: [] };
  if (rest.length > 0) tail.groups.push({ refs: bare(rest), index });
  for (let g = index + 1; g < s.groups.length; g++) {
    if (tail.groups.length > 0) tail.links.push({ index: g - 1, withId: g - 1 !== index || (!ownsId && si !== starts.length - 1) });
    tail.groups.push({ refs: full(g), index: g });
  }
  pieces.push(tail);
  const others = ends.filter((_, k) => k !== ei);
  if (others.length > 0) {
    pieces.push({
      groups: [{ refs: bare([starts[si] as VertexSyntax]), index }, { refs: bare(others), index: index + 1 }],
      links: [{ index, withId: !ownsId && si === starts.length - 1 }],
    });
  }
  if (replacement !== undefined) {
    pieces.push({
      groups: [{ refs: bare([starts[si] as VertexSyntax]), index }, { refs: bare([ends[ei] as VertexSyntax]), index: index + 1 }],
      links: [{ index, withId: ownsId, label: replacement }],
    });
  }
  const mentioning = (id: string) => doc.chains().map((l) => l.statement).filter((m) => m.groups.some((g) => g.some((r) => r.id === id)));
  const elsewhere = (id: string) => doc.placedElsewhere(s, id, mentioning(id));
  return pruneLoneGroups(pieces, elsewhere);
}

/** Deletes one edge, splitting its chain or `&` list as needed. */
export function deleteEdge(doc: PatchDoc, edgeId: string): Outcome {
  const at = locate(doc, edgeId);
  if (!at) return { error: `there is no edge '${edgeId}'` };
  const changes = [rewriteChain(doc, at.s, withoutEdge(doc, at)), ...dropReferences(doc, new Set([edgeId]))];
  return { changes: [...changes, ...followLinkStyles(doc, changes, new Set([edgeId]))] };
}

const INLINE_SAFE = /^[\p{L}\p{N} ,:_'!?+*/@$&]+$/u;

/** Sets (or with `''` removes) an edge's label, in place when the link carries only this edge. */
export function setEdgeLabel(doc: PatchDoc, edgeId: string, label: string): Outcome {
  const at = locate(doc, edgeId);
  if (!at) return { error: `there is no edge '${edgeId}'` };
  const { link, starts, ends } = at;
  const text = label.trim();
  if (starts.length > 1 || ends.length > 1) {
    const changes = [rewriteChain(doc, at.s, withoutEdge(doc, at, text))];
    return { changes: [...changes, ...followLinkStyles(doc, changes, new Set())] };
  }
  let change: TextChange | undefined;
  if (link.labelForm === 'pipe' && link.label && link.pipeRange) {
    change = text === '' ? { from: link.range.to, to: link.pipeRange.to, insert: '' } : { from: link.label.range.from, to: link.label.range.to, insert: encodeLabel(text) };
  } else if (link.labelForm === 'inline' && link.label) {
    if (text !== '' && INLINE_SAFE.test(text) && encodeLabel(text) === text && !link.label.quoted) change = { from: link.label.range.from, to: link.label.range.to, insert: text };
    else change = { from: link.range.from, to: link.range.to, insert: arrowText(link) + (text === '' ? '' : `|${encodeLabel(text)}|`) };
  } else if (text !== '') {
    change = { from: link.range.to, to: link.range.to, insert: `|${encodeLabel(text)}|` };
  }
  return { changes: change ? [change] : [] };
}

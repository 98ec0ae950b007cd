/**
 * Rewriting one vertex statement (`A & B --> C -->|x| D`) as pieces: what remains after a node or an edge leaves
 * it. Unchanged stretches keep their original characters; only the joins that change are written anew.
 */
import { encodeLabel } from '../labels.ts';
import { arrowText } from '../links.ts';
import type { ChainStatement, LinkSyntax, VertexSyntax } from '../syntax.ts';
import type { TextChange } from '../types.ts';
import { removeStatement } from './changes.ts';
import type { PatchDoc } from './doc.ts';

export interface PieceRef {
  ref: VertexSyntax;
  /** Write only the id (the definition is kept elsewhere in the rewrite). */
  bare?: boolean;
}

export interface PieceGroup {
  refs: PieceRef[];
  /** The original group these refs come from. */
  index: number;
}

export interface PieceLink {
  /** The original link. */
  index: number;
  /** Keep the link's `e1@` id. */
  withId: boolean;
  /** A new label (`''` removes it). */
  label?: string;
}

/** A chain: `groups[k]` joined to `groups[k + 1]` by `links[k]`. */
export interface Piece {
  groups: PieceGroup[];
  links: PieceLink[];
}

/** Whether a reference defines something (label, shape, class or shape data) that must not be lost. */
export function defines(ref: VertexSyntax): boolean {
  return ref.shapeRange !== undefined || ref.classRange !== undefined || ref.data !== undefined;
}

function unchanged(s: ChainStatement, g: PieceGroup): boolean {
  const orig = s.groups[g.index] ?? [];
  return g.refs.length === orig.length && g.refs.every((r, i) => !r.bare && r.ref === orig[i]);
}

function groupText(doc: PatchDoc, s: ChainStatement, g: PieceGroup): string {
  const orig = s.groups[g.index] ?? [];
  if (unchanged(s, g)) return doc.text.slice(orig[0]?.range.from ?? 0, orig[orig.length - 1]?.range.to ?? 0);
  return g.refs.map((r) => (r.bare ? r.ref.id : doc.slice(r.ref.range))).join(' & ');
}

function linkCore(doc: PatchDoc, link: LinkSyntax, l: PieceLink): string {
  const id = l.withId && link.edgeId ? `${link.edgeId}@` : '';
  if (l.label !== undefined) {
    return `${id}${arrowText(link)}${l.label === '' ? '' : `|${encodeLabel(l.label)}|`}`;
  }
  return id + doc.text.slice(link.range.from, link.pipeRange?.to ?? link.range.to);
}

function linkText(doc: PatchDoc, s: ChainStatement, l: PieceLink, left: PieceGroup, right: PieceGroup): string {
  const link = s.links[l.index] as LinkSyntax;
  const original = l.label === undefined && (l.withId || !link.edgeId) && left.index === l.index && right.index === l.index + 1;
  if (original && unchanged(s, left) && unchanged(s, right)) {
    const a = s.groups[l.index] ?? [];
    const b = s.groups[l.index + 1] ?? [];
    return doc.text.slice(a[a.length - 1]?.range.to ?? 0, b[0]?.range.from ?? 0);
  }
  return ` ${linkCore(doc, link, l)} `;
}

/** The text of one piece. */
export function pieceText(doc: PatchDoc, s: ChainStatement, p: Piece): string {
  let out = groupText(doc, s, p.groups[0] as PieceGroup);
  p.links.forEach((l, k) => {
    const left = p.groups[k] as PieceGroup;
    const right = p.groups[k + 1] as PieceGroup;
    out += linkText(doc, s, l, left, right) + groupText(doc, s, right);
  });
  return out;
}

/** Replaces statement `s` by `pieces`, one per line at its indentation; no pieces removes it. */
export function rewriteChain(doc: PatchDoc, s: ChainStatement, pieces: Piece[]): TextChange {
  if (pieces.length === 0) return removeStatement(doc.text, s.range);
  const indent = doc.indent(s.range.from);
  return { from: s.range.from, to: s.range.to, insert: pieces.map((p) => pieceText(doc, s, p)).join(`\n${indent}`) };
}

/** Groups as pieces: consecutive non-empty groups stay joined by their link; an empty group breaks the chain. */
export function splitAtEmpty(groups: PieceRef[][]): Piece[] {
  const pieces: Piece[] = [];
  let current: Piece | undefined;
  groups.forEach((refs, index) => {
    if (refs.length === 0) {
      current = undefined;
      return;
    }
    const group = { refs, index };
    if (!current) {
      current = { groups: [group], links: [] };
      pieces.push(current);
    } else {
      current.groups.push(group);
      current.links.push({ index: index - 1, withId: true });
    }
  });
  return pieces;
}

/**
 * Drops, from pieces that are a lone group, the references that neither define anything nor keep an otherwise
 * unmentioned node alive; drops pieces left empty.
 */
export function pruneLoneGroups(pieces: Piece[], mentionedElsewhere: (id: string) => boolean): Piece[] {
  const linked = new Set<string>();
  for (const p of pieces) if (p.links.length > 0) for (const g of p.groups) for (const r of g.refs) linked.add(r.ref.id);
  const kept: Piece[] = [];
  const seen = new Set<string>();
  for (const p of pieces) {
    if (p.links.length > 0) {
      kept.push(p);
      continue;
    }
    const group = p.groups[0] as PieceGroup;
    const refs = group.refs.filter((r) => {
      const id = r.ref.id;
      const keep = (!r.bare && defines(r.ref)) || (!linked.has(id) && !seen.has(id) && !mentionedElsewhere(id));
      if (keep) seen.add(id);
      return keep;
    });
    if (refs.length > 0) kept.push({ groups: [{ ...group, refs }], links: [] });
  }
  return kept;
}

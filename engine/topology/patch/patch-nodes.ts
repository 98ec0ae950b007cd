/**
 * Node edits: add a node (inside a subgraph when asked), rename it where its label is defined, delete it with
 * everything that names it, and set its kind with a class.
 */
import { kindClassName, kindOfClass } from '../kinds.ts';
import { encodeDataLabel, encodeLabel, encodeMarkdownLabel } from '../labels.ts';
import { parseTopology } from '../parse.ts';
import { idEnd, reservedAt } from '../parse-vertex.ts';
import { nodeText } from '../print.ts';
import type { ChainStatement, ClassStatement, VertexSyntax } from '../syntax.ts';
import type { NodeKind, TextChange } from '../types.ts';
import { appendLine, applyChanges, insertLineAfter, removeStatement } from './changes.ts';
import { pruneLoneGroups, rewriteChain, splitAtEmpty } from './chains.ts';
import type { PatchDoc, RefAt } from './doc.ts';
import type { Outcome } from './patch-edges.ts';
import { dropReferences, followLinkStyles } from './references.ts';

/** Every id in use: nodes, subgraphs, edges. */
function taken(doc: PatchDoc): Set<string> {
  const t = doc.parsed.topology;
  return new Set([...t.nodes.map((n) => n.id), ...t.groups.map((g) => g.id), ...t.edges.map((e) => e.id)]);
}

/**
 * An id for a new node from its label: PascalCase letters and digits, made unique with a number.
 *
 * @example idFromLabel('Payment Service', new Set(['PaymentService'])) === 'PaymentService2'
 */
export function idFromLabel(label: string, used: Set<string>): string {
  const words = label.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').split(/[^A-Za-z0-9]+/).filter((w) => w !== '');
  let base = words.map((w) => w[0]?.toUpperCase() + w.slice(1)).join('') || 'Node';
  if (/^\d/.test(base)) base = `N${base}`;
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}${n}`;
  return id;
}

/** The reference that gives the node its label (the last one, as in mermaid), else its first mention. */
function definingRef(doc: PatchDoc, id: string): RefAt | undefined {
  const refs = doc.refs(id);
  return [...refs].reverse().find((r) => r.ref.label || r.ref.data?.label !== undefined) ?? refs[0];
}

function topIndent(doc: PatchDoc): string {
  const top = doc.parsed.syntax.statements.filter((s) => s.type !== 'comment' && s.type !== 'verbatim');
  const last = top[top.length - 1];
  return last ? doc.indent(last.range.from) : '';
}

export function addNode(doc: PatchDoc, label: string, kind: NodeKind, wanted?: string, group?: string): Outcome {
  const used = taken(doc);
  let id = wanted;
  if (id !== undefined) {
    if (idEnd(id, 0) !== id.length || id === '' || reservedAt(id, 0)) return { error: `'${id}' cannot be a node id; use letters, digits, '_', '-' or '.'` };
    if (used.has(id)) return { error: `'${id}' is already used` };
  } else {
    id = idFromLabel(label, used);
  }
  let line = nodeText({ id, label, shape: 'square' });
  let place: (line: string) => TextChange;
  if (group !== undefined) {
    const sg = doc.subgraph(group);
    if (!sg?.endRange) return { error: `there is no subgraph '${group}' to add the node to` };
    const last = sg.body[sg.body.length - 1];
    const indent = last ? doc.indent(last.range.from) : `${doc.indent(sg.range.from)}    `;
    const end = sg.endRange.from;
    const alone = doc.lineStart(end) === end - doc.indent(end).length;
    place = (l) => (alone ? { from: doc.lineStart(end), to: doc.lineStart(end), insert: `${indent}${l}\n` } : { from: end, to: end, insert: `${l}\n${doc.indent(end)}` });
  } else {
    place = (l) => appendLine(doc.text, l, topIndent(doc));
  }
  const inferred = parseTopology(applyChanges(doc.text, [place(line)])).topology.nodes.find((n) => n.id === id)?.kind;
  if (inferred !== kind) line += `:::${kindClassName(kind)}`;
  return { changes: [place(line)], createdId: id };
}

export function renameNode(doc: PatchDoc, id: string, label: string): Outcome {
  if (!doc.node(id)) return { error: doc.group(id) ? `'${id}' is a subgraph, not a node` : `there is no node '${id}'` };
  const def = definingRef(doc, id);
  if (!def) return { changes: [appendLine(doc.text, nodeText({ id, label, shape: 'square' }), topIndent(doc))] };
  const { ref } = def;
  if (ref.label) {
    const text = ref.label.markdown ? encodeMarkdownLabel(label) : encodeLabel(label);
    return { changes: [{ from: ref.label.range.from, to: ref.label.range.to, insert: text }] };
  }
  if (ref.data?.label !== undefined) {
    const body = doc.slice(ref.data.range);
    const m = /label\s*:\s*("[^"]*"|'[^']*'|[^,}\n]*)/.exec(body);
    if (m?.[1] !== undefined) {
      const from = ref.data.range.from + m.index + m[0].length - m[1].length;
      return { changes: [{ from, to: from + m[1].length, insert: encodeDataLabel(label) }] };
    }
  }
  return { changes: [{ from: ref.idRange.to, to: ref.idRange.to, insert: `[${encodeLabel(label)}]` }] };
}

/** Rewrites every vertex statement that mentions `id` without it, keeping other nodes alive and defined. */
function withoutNode(doc: PatchDoc, id: string, removedEdges: Set<string>): TextChange[] {
  const chains = doc.chains().map((l) => l.statement);
  const mentions = new Map<string, Set<ChainStatement>>();
  for (const s of chains) for (const g of s.groups) for (const r of g) (mentions.get(r.id) ?? mentions.set(r.id, new Set()).get(r.id))?.add(s);
  const changes: TextChange[] = [];
  for (const s of chains) {
    if (!s.groups.some((g) => g.some((r) => r.id === id))) continue;
    let pieces = splitAtEmpty(s.groups.map((g) => g.filter((r) => r.id !== id).map((ref) => ({ ref }))));
    for (const p of pieces) {
      for (const l of p.links) {
        const edgeId = s.links[l.index]?.edgeId;
        if (edgeId && removedEdges.has(edgeId)) l.withId = false;
      }
    }
    pieces = pruneLoneGroups(pieces, (other) => doc.placedElsewhere(s, other, mentions.get(other) ?? []));
    const kept = new Set(pieces.flatMap((p) => p.groups.flatMap((g) => g.refs.map((r) => r.ref.id))));
    for (const g of s.groups) for (const r of g) if (!kept.has(r.id)) mentions.get(r.id)?.delete(s);
    changes.push(rewriteChain(doc, s, pieces));
  }
  return changes;
}

export function deleteNode(doc: PatchDoc, id: string): Outcome {
  const node = doc.node(id);
  if (!node) return { error: doc.group(id) ? `'${id}' is a subgraph; delete its nodes instead` : `there is no node '${id}'` };
  const removedEdges = new Set(doc.edges.filter((e) => e.from === id || e.to === id).map((e) => e.id));
  const changes = [...withoutNode(doc, id, removedEdges), ...dropReferences(doc, new Set([id, ...removedEdges]))];
  const topic = node.kind === 'topic' ? node.topics?.[0] : undefined;
  const hostedElsewhere = doc.parsed.topology.nodes.some((n) => n.id !== id && topic !== undefined && n.topics?.includes(topic));
  for (const { statement: s } of doc.all) {
    if (s.type !== 'comment' || !s.config) continue;
    if (s.config.target === id || (topic !== undefined && s.config.target === topic && !hostedElsewhere)) changes.push(removeStatement(doc.text, s.range));
  }
  return { changes: [...changes, ...followLinkStyles(doc, changes, removedEdges)] };
}

export function setKind(doc: PatchDoc, id: string, kind: NodeKind): Outcome {
  const node = doc.node(id);
  if (!node) return { error: `there is no node '${id}'` };
  const cls = kindClassName(kind);
  const first = doc.refs(id)[0]?.ref.range.from ?? 0;
  const refs: VertexSyntax[] = [];
  const lists: ClassStatement[] = [];
  for (const { statement: s } of doc.all) {
    if (s.type === 'chain') for (const g of s.groups) for (const r of g) if (r.id === id && r.className && kindOfClass(r.className)) refs.push(r);
    if (s.type === 'class' && s.range.from > first && kindOfClass(s.className.id) && s.ids.some((r) => r.id === id)) lists.push(s);
  }
  if (refs.length === 0 && lists.length === 0 && node.kind === kind) return { changes: [] };
  const changes: TextChange[] = [];
  for (const r of refs) if (r.classRange) changes.push({ from: r.classRange.from + 3, to: r.classRange.to, insert: cls });
  let set = refs.length > 0;
  for (const s of lists) {
    if (s.ids.length === 1) {
      changes.push({ from: s.className.range.from, to: s.className.range.to, insert: cls });
      set = true;
    } else {
      const keep = s.ids.filter((r) => r.id !== id).map((r) => r.id).join(',');
      changes.push({ from: s.ids[0]?.range.from ?? 0, to: s.ids[s.ids.length - 1]?.range.to ?? 0, insert: keep });
    }
  }
  if (!set) {
    const def = definingRef(doc, id);
    if (!def) changes.push(appendLine(doc.text, `class ${id} ${cls}`, topIndent(doc)));
    else if (def.ref.className) changes.push(insertLineAfter(doc.text, def.at.statement.range.to, `class ${id} ${cls}`, doc.indent(def.at.statement.range.from)));
    else {
      const at = def.ref.shapeRange?.to ?? def.ref.idRange.to;
      changes.push({ from: at, to: at, insert: `:::${cls}` });
    }
  }
  return { changes };
}


/**
 * The keys and `x-eventlab` hints of an exported document: a node or edge of the drawing as the extension that
 * carries it.
 */
import type { TopologyEdge, TopologyNode } from '../topology/types.ts';
import type { EdgeHint, NodeHint } from './types.ts';

/** A key AsyncAPI accepts for a server, channel, operation or component (`^[\w\d.\-_]+$`), unique in `taken`. */
export function keyFor(raw: string, taken: Set<string>): string {
  const base = raw.replace(/[^A-Za-z0-9_.-]+/g, '_') || '_';
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base}-${n}`;
  taken.add(key);
  return key;
}

export function nodeHint(n: TopologyNode): NodeHint {
  const h: NodeHint = { id: n.id, label: n.label, kind: n.kind };
  if (n.shape) h.shape = n.shape;
  if (n.group) h.group = n.group;
  if (Object.keys(n.style).length > 0) h.style = { ...n.style };
  return h;
}

export function edgeHint(e: TopologyEdge, at: number): EdgeHint {
  const h: EdgeHint = { from: e.from, to: e.to, at };
  if (e.label !== undefined) h.label = e.label;
  if (e.stroke !== 'normal') h.stroke = e.stroke;
  if (e.arrowStart !== 'none') h.arrowStart = e.arrowStart;
  if (e.arrowEnd !== (e.stroke === 'invisible' ? 'none' : 'arrow')) h.arrowEnd = e.arrowEnd;
  if (e.length !== 1) h.length = e.length;
  return h;
}


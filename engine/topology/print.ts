/**
 * `printTopology(t)`: the model written as canonical Mermaid, such that parsing it gives the model back.
 *
 * Layout: header, comments, classDefs, every node once (in model order, so mermaid creates them in that order),
 * subgraphs listing their members (in member order, nested blocks in place), edges, then classes, styles and the
 * statements kept verbatim, and the config directives last.
 */
import { encodeConfigValue } from './config.ts';
import { encodeDataLabel, encodeLabel, encodeMarkdownLabel } from './labels.ts';
import { arrowText } from './links.ts';
import { SHAPE_BRACKETS } from './shapes.ts';
import type { Annotation, Topology, TopologyEdge, TopologyGroup, TopologyNode } from './types.ts';

const INDENT = '    ';

function styleText(style: Record<string, string>): string {
  return Object.entries(style)
    .map(([k, v]) => `${k}:${v.replace(/,/g, '\\,')}`)
    .join(',');
}

function labelText(label: string, markdown: boolean | undefined): string {
  if (markdown) return encodeMarkdownLabel(label);
  return label === '' ? '" "' : encodeLabel(label);
}

/** `A`, `A[label]:::cls` or `A@{ label: "..." }`: the node's declaration. */
export function nodeText(n: Pick<TopologyNode, 'id' | 'label' | 'shape' | 'markdown'>, className?: string): string {
  let text = n.id;
  if (n.shape) {
    const [open, close] = SHAPE_BRACKETS[n.shape];
    text += `${open}${labelText(n.label, n.markdown)}${close}`;
  } else if (n.label !== n.id) {
    text += `@{ label: ${encodeDataLabel(n.label)} }`;
  }
  return className ? `${text}:::${className}` : text;
}

/** The style a node gets from its classes (and the `default` classDef), which need not be written again. */
function classStyle(t: Topology, classes: string[]): Record<string, string> {
  const out: Record<string, string> = { ...t.classDefs['default'] };
  for (const c of classes) Object.assign(out, t.classDefs[c]);
  return out;
}

/** The edge statement: `A --> B`, `A e1@-.->|label| B`. */
export function edgeText(e: Pick<TopologyEdge, 'from' | 'to' | 'label' | 'stroke' | 'arrowStart' | 'arrowEnd' | 'length' | 'markdown'>, id?: string): string {
  const arrow = arrowText(e);
  const label = e.label !== undefined ? `|${labelText(e.label, e.markdown)}|` : '';
  return `${e.from} ${id ? `${id}@` : ''}${arrow}${label} ${e.to}`;
}

function groupLines(t: Topology, g: TopologyGroup, depth: number, out: string[], byId: Map<string, TopologyGroup>, nodes: Set<string>): void {
  const pad = INDENT.repeat(depth);
  const title = g.title === g.id && !g.markdown ? '' : ` [${labelText(g.title, g.markdown)}]`;
  out.push(`${pad}subgraph ${g.id}${title}`);
  if (g.direction) out.push(`${pad}${INDENT}direction ${g.direction}`);
  for (const m of g.members) {
    const child = byId.get(m);
    if (child) groupLines(t, child, depth + 1, out, byId, nodes);
    else if (nodes.has(m)) out.push(`${pad}${INDENT}${m}`);
  }
  out.push(`${pad}end`);
}

/**
 * Annotations in three runs that keep their order: what leads the text (front matter, init), what may stand before
 * the nodes (comments, accessibility), and from the first statement that must follow the edges (linkStyle counts
 * them) everything after.
 */
function verbatim(annotations: Annotation[] = []): { lead: string[]; top: string[]; bottom: string[] } {
  const out = { lead: [] as string[], top: [] as string[], bottom: [] as string[] };
  let i = 0;
  while (i < annotations.length && (annotations[i]?.kind === 'frontmatter' || annotations[i]?.kind === 'init')) out.lead.push(annotations[i++]?.text ?? '');
  let target = out.top;
  for (; i < annotations.length; i++) {
    const a = annotations[i] as Annotation;
    if (a.kind === 'click' || a.kind === 'linkStyle' || a.kind === 'edgeData' || a.kind === 'direction') target = out.bottom;
    target.push(a.text);
  }
  return out;
}

/**
 * Writes the topology as canonical Mermaid flowchart text; `parseTopology(printTopology(t)).topology` equals `t`
 * apart from source positions.
 */
export function printTopology(t: Topology): string {
  const kept = verbatim(t.annotations);
  const out: string[] = [...kept.lead, `flowchart ${t.direction}`];
  const body: string[] = [...kept.top];
  for (const [name, style] of Object.entries(t.classDefs)) body.push(`classDef ${name} ${styleText(style)}`);
  for (const n of t.nodes) body.push(nodeText(n, n.classes[0]));

  const byId = new Map(t.groups.map((g) => [g.id, g]));
  const nodeIds = new Set(t.nodes.map((n) => n.id));
  for (const g of t.groups) if (!g.parent || !byId.has(g.parent)) groupLines(t, g, 0, body, byId, nodeIds);

  const counts = new Map<string, number>();
  for (const e of t.edges) {
    const key = `${e.from}\u0000${e.to}`;
    const count = counts.get(key) ?? 0;
    counts.set(key, count + 1);
    const generated = `L_${e.from}_${e.to}_${count === 0 ? 0 : count + 1}`;
    body.push(edgeText(e, e.id === generated ? undefined : e.id));
  }

  for (const n of t.nodes) for (const c of n.classes.slice(1)) body.push(`class ${n.id} ${c}`);
  for (const e of t.edges) for (const c of e.classes ?? []) body.push(`class ${e.id} ${c}`);
  for (const g of t.groups) for (const c of g.classes ?? []) body.push(`class ${g.id} ${c}`);
  for (const n of t.nodes) {
    const inherited = classStyle(t, n.classes);
    const own = Object.fromEntries(Object.entries(n.style).filter(([k, v]) => inherited[k] !== v));
    if (Object.keys(own).length > 0) body.push(`style ${n.id} ${styleText(own)}`);
  }
  for (const g of t.groups) if (g.style && Object.keys(g.style).length > 0) body.push(`style ${g.id} ${styleText(g.style)}`);
  body.push(...kept.bottom);
  for (const d of t.directives) {
    body.push(`%% @config ${d.target}${d.entries.map((e) => ` ${e.key}=${encodeConfigValue(e.value)}`).join('')}`);
  }
  return [...out, ...body.map((line) => (line.includes('\n') ? line : INDENT + line))].join('\n') + '\n';
}

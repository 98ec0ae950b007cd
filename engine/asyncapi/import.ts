/**
 * `fromAsyncApi(doc)`: an AsyncAPI 3.x document (already parsed from YAML or JSON) as topology text. A document
 * EventLab wrote carries its drawing in `x-eventlab` extensions and comes back as the same nodes and edges, with the
 * topic settings its Kafka bindings hold; any other document is read by foreign.ts. What cannot be mapped is a note
 * with the JSON pointer of where the document says it; the document is never half-taken silently.
 */
import { NODE_KINDS } from '../topology/kinds.ts';
import { SHAPE_BRACKETS } from '../topology/shapes.ts';
import type { Direction } from '../topology/types.ts';
import { avroSchemas, Doc, isObject, pointer } from './document.ts';
import { draftText, type Draft } from './draft.ts';
import { fromForeign } from './foreign.ts';
import { topicSettings } from './keys.ts';
import type { EdgeHint, GroupHint, ImportNote, NodeHint } from './types.ts';

export type ImportOutcome = { ok: true; text: string; title: string; notes: ImportNote[] } | { ok: false; problem: ImportNote };

const KINDS = new Set<string>(NODE_KINDS.map((k) => k.kind));
const DIRECTIONS = new Set(['TB', 'TD', 'BT', 'LR', 'RL']);
const str = (v: unknown): v is string => typeof v === 'string' && v !== '';

const SHAPES = new Set(Object.keys(SHAPE_BRACKETS));
const STROKES = new Set(['normal', 'dotted', 'thick', 'invisible']);
const HEADS = new Set(['none', 'arrow', 'cross', 'circle']);
/** An id the printer can write back as it was (a file edited by hand may hold anything). */
const ID = /^[^\s[\](){}<>|"'`;:&@,%]+$/;
const strings = (v: unknown): v is Record<string, string> => isObject(v) && Object.values(v).every((x) => typeof x === 'string');

/** A node hint with only what is well formed in it, or undefined. */
function nodeHint(v: unknown): NodeHint | undefined {
  if (!isObject(v) || !str(v['id']) || !ID.test(v['id']) || typeof v['label'] !== 'string' || !KINDS.has(String(v['kind']))) return undefined;
  const n: NodeHint = { id: v['id'], label: v['label'], kind: v['kind'] as NodeHint['kind'] };
  if (SHAPES.has(String(v['shape']))) n.shape = v['shape'] as NodeHint['shape'];
  if (str(v['group']) && ID.test(v['group'])) n.group = v['group'];
  if (strings(v['style'])) n.style = v['style'];
  return n;
}

function edgeHint(v: unknown): EdgeHint | undefined {
  if (!isObject(v) || !str(v['from']) || !str(v['to']) || typeof v['at'] !== 'number') return undefined;
  const e: EdgeHint = { from: v['from'], to: v['to'], at: v['at'] };
  if (typeof v['label'] === 'string') e.label = v['label'];
  if (STROKES.has(String(v['stroke']))) e.stroke = v['stroke'] as EdgeHint['stroke'];
  if (HEADS.has(String(v['arrowStart']))) e.arrowStart = v['arrowStart'] as EdgeHint['arrowStart'];
  if (HEADS.has(String(v['arrowEnd']))) e.arrowEnd = v['arrowEnd'] as EdgeHint['arrowEnd'];
  if (Number.isInteger(v['length']) && (v['length'] as number) >= 1 && (v['length'] as number) <= 8) e.length = v['length'] as number;
  return e;
}

function groupHint(v: unknown): GroupHint | undefined {
  if (!isObject(v) || !str(v['id']) || !ID.test(v['id']) || typeof v['title'] !== 'string') return undefined;
  return str(v['parent']) ? { id: v['id'], title: v['title'], parent: v['parent'] } : { id: v['id'], title: v['title'] };
}

/** A document EventLab exported: its drawing from the hints, its topic settings from the bindings. */
function fromEventLab(doc: Doc, root: Record<string, unknown>): Draft {
  const nodes = new Map<string, NodeHint>();
  const take = (v: unknown, where: string) => {
    if (v === undefined) return;
    const n = nodeHint(v);
    if (n) nodes.set(n.id, n);
    else doc.notes.push({ pointer: where, message: 'not a node EventLab can draw (it needs an id, a label and a kind)' });
  };
  for (const [key, s] of doc.entries(doc.root['servers'])) take(s['x-eventlab-node'], pointer('servers', key, 'x-eventlab-node'));
  for (const [key, c] of doc.entries(doc.root['channels'])) take(c['x-eventlab-node'], pointer('channels', key, 'x-eventlab-node'));
  (Array.isArray(root['nodes']) ? root['nodes'] : []).forEach((n, i) => take(n, pointer('x-eventlab', 'nodes', i)));
  const order = Array.isArray(root['order']) ? root['order'].map(String) : [];
  const rank = (id: string) => (order.includes(id) ? order.indexOf(id) : order.length);

  const groups = (Array.isArray(root['groups']) ? root['groups'] : []).map(groupHint).filter((g): g is GroupHint => g !== undefined);
  const ends = new Set([...nodes.keys(), ...groups.map((g) => g.id)]);
  const edges = new Map<number, EdgeHint>();
  const edge = (v: unknown, where: string) => {
    const e = edgeHint(v);
    if (!e) return doc.notes.push({ pointer: where, message: 'not an edge EventLab can draw (it needs from, to and at)' });
    if (!ends.has(e.from) || !ends.has(e.to)) return doc.notes.push({ pointer: where, message: `the edge ${e.from} --> ${e.to} names a node the document does not draw` });
    edges.set(e.at, e);
  };
  for (const [key, op] of doc.entries(doc.root['operations'])) if (op['x-eventlab-edge'] !== undefined) edge(op['x-eventlab-edge'], pointer('operations', key, 'x-eventlab-edge'));
  (Array.isArray(root['edges']) ? root['edges'] : []).forEach((e, i) => edge(e, pointer('x-eventlab', 'edges', i)));

  const config = (Array.isArray(root['config']) ? root['config'] : []).filter(
    (c): c is Draft['config'][number] => isObject(c) && str(c['target']) && ID.test(c['target']) && strings(c['values']) && Object.keys(c['values']).every((k) => ID.test(k)),
  );
  return {
    direction: (DIRECTIONS.has(String(root['direction'])) ? root['direction'] : 'LR') as Direction,
    nodes: [...nodes.values()].sort((a, b) => rank(a.id) - rank(b.id)),
    edges: [...edges.values()].sort((a, b) => a.at - b.at),
    groups,
    config: [...topicSettings(doc), ...config],
    schemas: avroSchemas(doc),
  };
}

/**
 * The document as topology text, with what could not be mapped; or why it is not an AsyncAPI 3.x document.
 *
 * @example fromAsyncApi({ asyncapi: '2.6.0', info: {} }) => { ok: false, problem: { pointer: '/asyncapi', ... } }
 */
export function fromAsyncApi(raw: unknown): ImportOutcome {
  if (!isObject(raw)) return { ok: false, problem: { pointer: '/', message: 'the document is not an object of AsyncAPI fields' } };
  const version = raw['asyncapi'];
  if (typeof version !== 'string') return { ok: false, problem: { pointer: '/asyncapi', message: "an AsyncAPI document starts with its version, 'asyncapi: 3.1.0'" } };
  if (!/^3\.\d+\.\d+$/.test(version)) {
    return { ok: false, problem: { pointer: '/asyncapi', message: `this is AsyncAPI ${version}; EventLab reads 3.x documents (convert a 2.x one with the AsyncAPI CLI: asyncapi convert)` } };
  }
  const doc = new Doc(raw, []);
  const info = isObject(raw['info']) ? raw['info'] : {};
  const title = str(info['title']) ? info['title'] : 'AsyncAPI import';
  const root = raw['x-eventlab'];
  const draft = isObject(root) && Array.isArray(root['nodes']) ? fromEventLab(doc, root) : fromForeign(doc, title);
  return { ok: true, text: draftText(draft), title, notes: doc.notes };
}

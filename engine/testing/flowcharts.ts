/**
 * fast-check generators of Mermaid flowchart texts and canvas edits, for the round-trip properties: texts built
 * from the statements learners write (shaped nodes with awkward labels, every edge form, chains, `&`, nested
 * subgraphs with and without ids, classes, styles, config directives) and edits with labels and values that are
 * hard to write back (quotes, backticks, `#`, `<br>`, `direction LR`, brackets, pipes, line breaks).
 */
import fc from 'fast-check';
import { NODE_KINDS } from '../topology/kinds.ts';
import type { CanvasEdit, NodeKind, Topology } from '../topology/types.ts';

const IDS = ['A', 'B', 'C', 'Orders', 'K', 'y', 'n1', 'x_2', 'Kafka', 'DB'];

/** Pieces of label text, mixed freely: the awkward ones are what the printer must quote or escape. */
const PIECES = [
  'Order', 'Service', 'Kafka: orders-topic', 'a', 'b', ' ', '  ', '(', ')', '[', ']', '{', '}', '|', '"', "'", '`', '```', '#',
  '#quot;', '#35;', '&', '<br>', '<', '>', ';', ':', ',', '.', '-', '--', '-->', '==', 'é', '→', '🙂', 'direction LR', 'direction TB',
  'end', 'subgraph', 'style', 'class', '@', '=', '*', '_', '\\', '/', '%%', 'x',
];

export const labelText = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 6 }).map((xs) => xs.join(''));

/** A label as written in the text: bare letters, or quoted (Mermaid forbids a raw `"` inside quotes). */
const writtenLabel = fc.oneof(
  fc.array(fc.constantFrom('Order', 'Service', 'Kafka', 'a', 'b', 'x', ' ', 'DB', 'é'), { minLength: 1, maxLength: 4 }).map((xs) => xs.join('').trim() || 'x'),
  labelText.map((s) => `"${s.replace(/"/g, '#quot;')}"`),
  labelText.map((s) => `"\`${s.replace(/["`]/g, '')}\`"`),
);

const SHAPES: [string, string][] = [['[', ']'], ['(', ')'], ['([', '])'], ['[[', ']]'], ['[(', ')]'], ['((', '))'], ['{', '}'], ['{{', '}}'], ['>', ']'], ['[/', '/]'], ['[\\', '\\]']];

const vertex = fc.tuple(fc.constantFrom(...IDS), fc.option(fc.tuple(fc.constantFrom(...SHAPES), writtenLabel), { nil: undefined }), fc.option(fc.constantFrom('service', 'kafka', 'db', 'hot'), { nil: undefined })).map(
  ([id, shaped, cls]) => `${id}${shaped ? `${shaped[0][0]}${shaped[1]}${shaped[0][1]}` : ''}${cls ? `:::${cls}` : ''}`,
);

const ARROWS = ['-->', '---', '-.->', '==>', '--o', '--x', '<-->', '~~~', '-..->'];
const edgeLabel = fc.oneof(fc.constant(''), writtenLabel.map((l) => `|${l}|`));

// A node named twice in one `A & A` group makes two identical edges; no learner means that, so groups name distinct ids.
const group = fc.uniqueArray(vertex, { minLength: 1, maxLength: 2, selector: (v) => /^\w+/.exec(v)![0] });

const chain = fc.tuple(group, fc.array(fc.tuple(fc.constantFrom(...ARROWS), edgeLabel, group), { minLength: 0, maxLength: 2 })).map(
  ([first, rest]) => [first.join(' & '), ...rest.map(([a, l, vs]) => `${a}${l} ${vs.join(' & ')}`)].join(' '),
);

const inlineLabelEdge = fc.tuple(fc.constantFrom(...IDS), fc.constantFrom('Order', 'a b', 'publish', 'x'), fc.constantFrom(...IDS)).map(([a, l, b]) => `${a} -- ${l} --> ${b}`);

const directive = fc.tuple(fc.constantFrom(...IDS, 'orders-topic'), fc.constantFrom('rate', 'acks', 'key', 'note', 'partitions'), fc.oneof(fc.constantFrom('5/s', 'all', '1', 'customerId'), labelText.map((v) => `"${v.replace(/["\\]/g, '')}"`))).map(
  ([t, k, v]) => `%% @config ${t} ${k}=${v}`,
);

const styling = fc.oneof(
  fc.constant('classDef hot fill:#f96'),
  fc.constantFrom(...IDS).map((id) => `class ${id} hot`),
  fc.constantFrom(...IDS).map((id) => `style ${id} fill:#eee,stroke:#333`),
  fc.constant('%% a comment'),
);

const simple = fc.oneof({ weight: 5, arbitrary: chain }, { weight: 1, arbitrary: inlineLabelEdge }, { weight: 1, arbitrary: directive }, { weight: 1, arbitrary: styling });

let groupNo = 0;
const subgraphHead = fc.oneof(
  fc.constant('').map(() => `subgraph g${groupNo++}`),
  writtenLabel.filter((l) => l.startsWith('"')).map((l) => `subgraph g${groupNo++} [${l}]`),
  fc.constantFrom('Team Orders', 'Choreography - Event Driven', 'One').map((t) => `subgraph ${t} ${groupNo++}`),
);

const block: fc.Memo<string[]> = fc.memo((depth) =>
  depth <= 1
    ? fc.array(simple, { minLength: 1, maxLength: 4 })
    : fc.oneof(
        fc.array(simple, { minLength: 1, maxLength: 4 }),
        fc.tuple(subgraphHead, fc.option(fc.constantFrom('direction LR', 'direction TB'), { nil: undefined }), block(depth - 1), fc.array(simple, { maxLength: 2 })).map(([head, dir, inner, after]) => [head, ...(dir ? [dir] : []), ...inner, 'end', ...after]),
      ),
);

/** A whole flowchart text. */
export const flowchartText = fc.tuple(fc.constantFrom('graph', 'flowchart', 'graph LR', 'flowchart TD', 'flowchart RL'), fc.array(block(3), { minLength: 1, maxLength: 4 })).map(
  ([head, blocks]) => [head, ...blocks.flat().map((l) => `  ${l}`)].join('\n') + '\n',
);

const KINDS = NODE_KINDS.map((k) => k.kind) as NodeKind[];

/** A canvas edit aimed at what `t` holds (or at nothing, sometimes: those must be refused cleanly). */
export function editFor(t: Topology): fc.Arbitrary<CanvasEdit> {
  const ids = t.nodes.length ? t.nodes.map((n) => n.id) : ['A'];
  const edges = t.edges.length ? t.edges.map((e) => e.id) : ['L_A_B_0'];
  const anyLabel = fc.oneof(labelText, labelText.map((s) => `${s}\n${s}`), fc.constant('direction LR'), fc.constant('```'));
  return fc.oneof(
    fc.tuple(fc.constantFrom(...ids), anyLabel).map(([id, label]): CanvasEdit => ({ type: 'renameNode', id, label })),
    fc.tuple(anyLabel, fc.constantFrom(...KINDS)).map(([label, kind]): CanvasEdit => ({ type: 'addNode', label, kind })),
    fc.tuple(fc.constantFrom(...ids), fc.constantFrom(...ids), fc.option(anyLabel, { nil: undefined })).map(([from, to, label]): CanvasEdit => ({ type: 'addEdge', from, to, label })),
    fc.constantFrom(...ids).map((id): CanvasEdit => ({ type: 'deleteNode', id })),
    fc.constantFrom(...edges).map((edgeId): CanvasEdit => ({ type: 'deleteEdge', edgeId })),
    fc.tuple(fc.constantFrom(...edges), anyLabel).map(([edgeId, label]): CanvasEdit => ({ type: 'setEdgeLabel', edgeId, label })),
    fc.tuple(fc.constantFrom(...ids), fc.constantFrom(...KINDS)).map(([id, kind]): CanvasEdit => ({ type: 'setKind', id, kind })),
    fc.tuple(fc.constantFrom(...ids), fc.constantFrom('rate', 'acks', 'note'), fc.oneof(fc.constant(null), fc.constantFrom('5/s', 'all'), anyLabel)).map(
      ([target, key, value]): CanvasEdit => ({ type: 'setConfig', target, key, value }),
    ),
  );
}

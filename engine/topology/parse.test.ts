import { describe, expect, it } from 'vitest';
import { parseTopology } from './parse.ts';

const parse = (...lines: string[]) => {
  const r = parseTopology(lines.join('\n'));
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return r.topology;
};

describe('parseTopology', () => {
  it('reads the header direction, keeping TD as written and defaulting to TB', () => {
    expect(parse('flowchart TD', 'A').direction).toBe('TD');
    expect(parse('graph RL', 'A').direction).toBe('RL');
    expect(parse('flowchart', 'A').direction).toBe('TB');
  });

  it('reads every shape and keeps the last label and shape given', () => {
    const t = parse('flowchart LR', 'A[a] --> B(b) --> C([c]) --> D[[d]] --> E[(e)] --> F((f)) --> G(((g)))', 'H{h} --> I{{i}} --> J>j] --> K[/k/] --> L[\\l\\] --> M[/m\\] --> N[\\n/]', 'A(again)');
    expect(t.nodes.map((n) => [n.id, n.shape, n.label])).toEqual([
      ['A', 'round', 'again'],
      ['B', 'round', 'b'],
      ['C', 'stadium', 'c'],
      ['D', 'subroutine', 'd'],
      ['E', 'cylinder', 'e'],
      ['F', 'circle', 'f'],
      ['G', 'doublecircle', 'g'],
      ['H', 'diamond', 'h'],
      ['I', 'hexagon', 'i'],
      ['J', 'odd', 'j'],
      ['K', 'lean_right', 'k'],
      ['L', 'lean_left', 'l'],
      ['M', 'trapezoid', 'm'],
      ['N', 'inv_trapezoid', 'n'],
    ]);
  });

  it('maps mermaid 11 shape names to the nearest shape and reads their labels', () => {
    const t = parse('flowchart LR', 'A@{ shape: cyl, label: "Orders #quot;DB#quot;" }', 'B@{ shape: doc }', 'C@{ shape: hex }');
    expect(t.nodes.map((n) => [n.id, n.shape, n.label])).toEqual([
      ['A', 'cylinder', 'Orders "DB"'],
      ['B', 'square', 'B'],
      ['C', 'hexagon', 'C'],
    ]);
    expect(t.nodes[0]?.kind).toBe('database');
  });

  it('decodes labels: quotes, line breaks, entities, markdown', () => {
    const t = parse('flowchart LR', 'A["a (b)"] --> B["two', 'lines"] --> C[x<br/>y] --> D["#quot;q#quot; #35;1"] --> E["`**md**`"]');
    expect(t.nodes.map((n) => n.label)).toEqual(['a (b)', 'two\nlines', 'x\ny', '"q" #1', '**md**']);
    expect(t.nodes.find((n) => n.id === 'E')?.markdown).toBe(true);
  });

  it('reads ids with dots, dashes, digits and unicode', () => {
    expect(parse('flowchart LR', 'orders.v1 --> order-svc --> 42 --> Übersicht --> a_b').nodes.map((n) => n.id)).toEqual(['orders.v1', 'order-svc', '42', 'Übersicht', 'a_b']);
  });

  it('reads every arrow: stroke, heads and length', () => {
    const t = parse('flowchart LR', 'A --- B', 'A -..-> B', 'A ====> B', 'A x--x B', 'A <-.-> B', 'A ~~~ B', 'A --o B', 'A == t ==> B');
    expect(t.edges.map((e) => [e.stroke, e.arrowStart, e.arrowEnd, e.length])).toEqual([
      ['normal', 'none', 'none', 1],
      ['dotted', 'none', 'arrow', 2],
      ['thick', 'none', 'arrow', 3],
      ['normal', 'cross', 'cross', 1],
      ['dotted', 'arrow', 'arrow', 1],
      ['invisible', 'none', 'none', 1],
      ['normal', 'none', 'circle', 1],
      ['thick', 'none', 'arrow', 1],
    ]);
  });

  it('names edges as mermaid does, user ids first', () => {
    const t = parse('flowchart LR', 'A --> B', 'A --> B', 'A e1@--> B', 'A & B e2@--> C & D');
    expect(t.edges.map((e) => e.id)).toEqual(['L_A_B_0', 'L_A_B_2', 'e1', 'L_A_C_0', 'L_A_D_0', 'e2', 'L_B_D_0']);
  });

  it('reads chains with labels, & lists and semicolons', () => {
    const t = parse('flowchart LR', 'A -->|one| B -- two --> C;D & E --> F');
    expect(t.edges.map((e) => `${e.from}>${e.to}:${e.label ?? ''}`)).toEqual(['A>B:one', 'B>C:two', 'D>F:', 'E>F:']);
  });

  it('continues a statement when an arrow starts the next line', () => {
    expect(parse('flowchart LR', 'A', '  --> B', '%% between', '  --> C').edges.map((e) => `${e.from}>${e.to}`)).toEqual(['A>B', 'B>C']);
  });

  it('reads subgraphs: ids, titles, generated ids, nesting, direction, members', () => {
    const t = parse(
      'flowchart TB',
      'subgraph a [Title A]',
      '  direction LR',
      '  X --> Y',
      '  subgraph b["Inner (b)"]',
      '    Z',
      '  end',
      'end',
      'subgraph Several Words Here',
      '  W',
      'end',
      'a --> W',
    );
    expect(t.groups.map((g) => [g.id, g.title, g.members, g.parent, g.direction])).toEqual([
      ['b', 'Inner (b)', ['Z'], 'a', undefined],
      ['a', 'Title A', ['Y', 'X', 'b'], undefined, 'LR'],
      ['subGraph2', 'Several Words Here', ['W'], undefined, undefined],
    ]);
    expect(t.nodes.map((n) => [n.id, n.group])).toEqual([
      ['X', 'a'],
      ['Y', 'a'],
      ['Z', 'b'],
      ['W', 'subGraph2'],
    ]);
    expect(t.edges.find((e) => e.from === 'a')).toMatchObject({ to: 'W', kind: 'link' });
  });

  it('merges classDef default, class styles and style statements, the most specific last', () => {
    const t = parse('flowchart LR', 'classDef default fill:#eee,color:#000', 'classDef hot fill:#f96', 'A:::hot --> B', 'class B hot', 'style B fill:#0f0', 'style G fill:#00f', 'subgraph G', 'C', 'end');
    expect(t.nodes.map((n) => [n.id, n.classes, n.style])).toEqual([
      ['A', ['hot'], { fill: '#f96', color: '#000' }],
      ['B', ['hot'], { fill: '#0f0', color: '#000' }],
      ['C', [], { fill: '#eee', color: '#000' }],
    ]);
    expect(t.classDefs).toEqual({ default: { fill: '#eee', color: '#000' }, hot: { fill: '#f96' } });
    expect(t.groups[0]?.style).toEqual({ fill: '#00f' });
  });

  it('keeps what means nothing to the simulator as annotations', () => {
    const t = parse('%%{init: {"theme": "dark"}}%%', 'flowchart LR', '%% hello', 'accTitle: T', 'A e1@--> B', 'click A cb', 'linkStyle 0 stroke:#f00', 'e1@{ animate: true }', 'direction TB');
    expect(t.annotations?.map((a) => [a.kind, a.text])).toEqual([
      ['init', '%%{init: {"theme": "dark"}}%%'],
      ['comment', '%% hello'],
      ['accTitle', 'accTitle: T'],
      ['click', 'click A cb'],
      ['linkStyle', 'linkStyle 0 stroke:#f00'],
      ['edgeData', 'e1@{ animate: true }'],
      ['direction', 'direction TB'],
    ]);
  });

  it('gives nodes, edges, groups and config entries source positions', () => {
    const text = ['flowchart LR', '  A --> B[Bee]', '  subgraph S', '    C', '  end', '  %% @config B rate=5/s key="a b"'].join('\n');
    const t = parseTopology(text).topology;
    const b = t.nodes.find((n) => n.id === 'B');
    expect(b?.span).toMatchObject({ line: 2, column: 9 });
    expect(text.slice(b?.span.from, b?.span.to)).toBe('B[Bee]');
    expect(t.nodes[0]?.span).toMatchObject({ line: 2, column: 3 });
    expect(t.edges[0]?.span).toMatchObject({ line: 2, column: 3 });
    expect(t.groups[0]?.span).toMatchObject({ line: 3, column: 3 });
    const entry = t.directives[0]?.entries[1];
    expect(entry).toMatchObject({ key: 'key', value: 'a b', span: { line: 6, column: 25 } });
    expect(text.slice(entry?.span.from, entry?.span.to)).toBe('key="a b"');
    expect(b?.config).toEqual({ rate: '5/s', key: 'a b' });
  });

  it('merges config directives in order, later values winning, topics into their topic node', () => {
    const t = parse('flowchart LR', 'T[orders Topic] --> K[Kafka: payments]', '%% @config T partitions=3', '%% @config orders partitions=12 retention.ms=1', '%% @config payments partitions=6');
    expect(t.nodes.find((n) => n.id === 'T')?.config).toEqual({ partitions: '12', 'retention.ms': '1' });
    expect(t.nodes.find((n) => n.id === 'K')?.config).toEqual({});
    expect(t.directives.map((d) => d.target)).toEqual(['T', 'orders', 'payments']);
  });

  it('treats CRLF line endings like LF', () => {
    const t = parse('flowchart LR\r\n  A["x\r\ny"] --> B\r\n  B --> C\r');
    expect(t.nodes.map((n) => n.label)).toEqual(['x\ny', 'B', 'C']);
    expect(t.edges).toHaveLength(2);
  });
});

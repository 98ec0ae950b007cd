import { describe, expect, it } from 'vitest';
import { parseTopology } from '../parse.ts';
import type { CanvasEdit } from '../types.ts';
import { patchTopology } from './patch.ts';

const doc = (...lines: string[]) => `flowchart LR\n${lines.map((l) => `    ${l}`).join('\n')}\n`;
const edit = (text: string, e: CanvasEdit) => {
  const r = patchTopology(text, e);
  expect(r.error).toBeUndefined();
  return r.text;
};

describe('addNode', () => {
  it('derives a unique PascalCase id and adds a kind class only when the label says otherwise', () => {
    const text = doc('PaymentService[Payment Service]');
    const r = patchTopology(text, { type: 'addNode', label: 'Payment Service', kind: 'service' });
    expect(r.createdId).toBe('PaymentService2');
    expect(r.text).toBe(doc('PaymentService[Payment Service]', 'PaymentService2[Payment Service]'));
    expect(edit(text, { type: 'addNode', label: 'Audit', kind: 'queue' })).toBe(doc('PaymentService[Payment Service]', 'Audit[Audit]:::queue'));
    expect(edit(text, { type: 'addNode', label: 'Über 9 (café)', kind: 'database' })).toContain('Uber9Cafe["Über 9 (café)"]:::db');
  });

  it('goes inside the subgraph, indented like its statements', () => {
    const text = 'flowchart TB\n  subgraph g [Group]\n      A\n  end\n  %% tail\n';
    expect(edit(text, { type: 'addNode', label: 'Orders DB', kind: 'database', group: 'g' })).toBe(
      'flowchart TB\n  subgraph g [Group]\n      A\n      OrdersDB[Orders DB]\n  end\n  %% tail\n',
    );
  });

  it('refuses a taken or invalid id, and an unknown subgraph', () => {
    const text = doc('A --> B');
    expect(patchTopology(text, { type: 'addNode', label: 'x', kind: 'service', id: 'A' }).error).toMatch(/already used/);
    expect(patchTopology(text, { type: 'addNode', label: 'x', kind: 'service', id: 'a b' }).error).toMatch(/cannot be a node id/);
    expect(patchTopology(text, { type: 'addNode', label: 'x', kind: 'service', group: 'nope' }).error).toMatch(/no subgraph/);
  });
});

describe('addEdge', () => {
  it('goes after the last statement that mentions the source', () => {
    expect(edit(doc('A --> B', 'C --> D', 'A --> C', 'D --> E'), { type: 'addEdge', from: 'A', to: 'E', label: 'Sync POST' })).toBe(
      doc('A --> B', 'C --> D', 'A --> C', 'A -->|Sync POST| E', 'D --> E'),
    );
  });

  it('leaves a subgraph when staying would pull the target into it', () => {
    const text = 'flowchart TB\n  subgraph S\n    A --> B\n  end\n  C\n';
    expect(edit(text, { type: 'addEdge', from: 'A', to: 'C' })).toBe('flowchart TB\n  subgraph S\n    A --> B\n  end\n  A --> C\n  C\n');
    expect(edit(text, { type: 'addEdge', from: 'A', to: 'B' })).toBe('flowchart TB\n  subgraph S\n    A --> B\n    A --> B\n  end\n  C\n');
  });

  it('renumbers linkStyle for the edges after it', () => {
    expect(edit(doc('A --> B', 'C --> D', 'linkStyle 1 stroke:#f00'), { type: 'addEdge', from: 'A', to: 'D' })).toBe(
      doc('A --> B', 'A --> D', 'C --> D', 'linkStyle 2 stroke:#f00'),
    );
  });
});

describe('renameNode', () => {
  it('replaces the label where mermaid takes it from, quoting when needed', () => {
    expect(edit(doc('A[Old] --> B', 'A(Newer)'), { type: 'renameNode', id: 'A', label: 'New (v2)' })).toBe(doc('A[Old] --> B', 'A("New (v2)")'));
    expect(edit(doc('A["`**md**`"]'), { type: 'renameNode', id: 'A', label: 'x' })).toBe(doc('A["`x`"]'));
    expect(edit(doc('A@{ shape: cyl, label: "Old" }'), { type: 'renameNode', id: 'A', label: 'Orders DB' })).toBe(doc('A@{ shape: cyl, label: "Orders DB" }'));
  });

  it('gives an unlabelled node brackets at its first mention', () => {
    expect(edit(doc('A --> B', 'A:::hot --> C'), { type: 'renameNode', id: 'A', label: 'Alpha' })).toBe(doc('A[Alpha] --> B', 'A:::hot --> C'));
  });
});

describe('deleteNode', () => {
  it('splits a chain and keeps nodes that would otherwise vanish', () => {
    expect(edit(doc('A --> X --> B'), { type: 'deleteNode', id: 'X' })).toBe(doc('A', 'B'));
    expect(edit(doc('A --> X --> B', 'A --> B'), { type: 'deleteNode', id: 'X' })).toBe(doc('A --> B'));
  });

  it('removes the last lines of a text that has no final line break', () => {
    expect(edit('flowchart LR\n  A --> X\n  B --> X', { type: 'deleteNode', id: 'X' })).toBe('flowchart LR\n  A\n  B');
    expect(edit('flowchart LR\n  A --> B\n  B --> X\n  A --> X', { type: 'deleteNode', id: 'X' })).toBe('flowchart LR\n  A --> B\n');
  });

  it('keeps other nodes’ label definitions written inside the removed statement', () => {
    expect(edit(doc('A[Alpha] --> X[Gone] --> B[Beta]', 'A --> B'), { type: 'deleteNode', id: 'X' })).toBe(doc('A[Alpha]', 'B[Beta]', 'A --> B'));
  });

  it('removes it from & lists, class lists, styles, clicks and its config', () => {
    const text = doc('A & X --> C', 'class A,X hot', 'class X cold', 'style X fill:#f00', 'click X cb', '%% @config X rate=1/s', '%% keep me');
    expect(edit(text, { type: 'deleteNode', id: 'X' })).toBe(doc('A --> C', 'class A hot', '%% keep me'));
  });

  it('keeps a node in its subgraph when the removed statement placed it there', () => {
    const text = 'flowchart TB\n  subgraph S\n    A --> X\n  end\n  A --> B\n';
    const out = edit(text, { type: 'deleteNode', id: 'X' });
    expect(out).toBe('flowchart TB\n  subgraph S\n    A\n  end\n  A --> B\n');
    expect(parseTopology(out).topology.nodes.find((n) => n.id === 'A')?.group).toBe('S');
  });

  it('renumbers linkStyle and drops the deleted edges from it', () => {
    expect(edit(doc('A --> B', 'B --> X', 'B --> C', 'linkStyle 1,2 stroke:#f00', 'linkStyle 1 color:red'), { type: 'deleteNode', id: 'X' })).toBe(
      doc('A --> B', 'B --> C', 'linkStyle 1 stroke:#f00'),
    );
  });

  it('refuses unknown nodes and subgraphs', () => {
    expect(patchTopology(doc('A'), { type: 'deleteNode', id: 'Z' }).error).toMatch(/no node 'Z'/);
    expect(patchTopology('flowchart TB\n  subgraph S\n    A\n  end\n', { type: 'deleteNode', id: 'S' }).error).toMatch(/subgraph/);
  });
});

describe('deleteEdge', () => {
  it('splits a chain at the edge', () => {
    expect(edit(doc('A --> B --> C'), { type: 'deleteEdge', edgeId: 'L_B_C_0' })).toBe(doc('A --> B', 'C'));
    expect(edit(doc('A -->|x| B -.-> C', 'C --> A'), { type: 'deleteEdge', edgeId: 'L_A_B_0' })).toBe(doc('B -.-> C', 'C --> A'));
  });

  it('takes one edge out of & lists', () => {
    const out = edit(doc('A & B --> C & D'), { type: 'deleteEdge', edgeId: 'L_B_C_0' });
    expect(out).toBe(doc('A --> C & D', 'B --> D'));
    expect(parseTopology(out).topology.edges.map((e) => `${e.from}${e.to}`)).toEqual(['AC', 'AD', 'BD']);
  });

  it('drops its own id and what refers to it', () => {
    expect(edit(doc('A e1@--> B', 'e1@{ animate: true }', 'class e1 flow', 'A --> B'), { type: 'deleteEdge', edgeId: 'e1' })).toBe(doc('A --> B'));
  });

  it('keeps the id with its edge when another edge of the link goes', () => {
    const out = edit(doc('A & B e1@--> C'), { type: 'deleteEdge', edgeId: 'L_A_C_0' });
    expect(parseTopology(out).topology.edges.map((e) => e.id)).toEqual(['e1']);
  });
});

describe('setEdgeLabel', () => {
  it('edits a pipe label in place, adds and removes one', () => {
    expect(edit(doc('A -->|old| B'), { type: 'setEdgeLabel', edgeId: 'L_A_B_0', label: 'new' })).toBe(doc('A -->|new| B'));
    expect(edit(doc('A --> B'), { type: 'setEdgeLabel', edgeId: 'L_A_B_0', label: 'Sync POST' })).toBe(doc('A -->|Sync POST| B'));
    expect(edit(doc('A -.->|old| B'), { type: 'setEdgeLabel', edgeId: 'L_A_B_0', label: '' })).toBe(doc('A -.-> B'));
  });

  it('edits inline text in place when it can stay inline', () => {
    expect(edit(doc('A -- old --> B'), { type: 'setEdgeLabel', edgeId: 'L_A_B_0', label: 'new text' })).toBe(doc('A -- new text --> B'));
    expect(edit(doc('A <-- old --> B'), { type: 'setEdgeLabel', edgeId: 'L_A_B_0', label: 'a-b' })).toBe(doc('A <-->|a-b| B'));
    expect(edit(doc('A == old ==> B'), { type: 'setEdgeLabel', edgeId: 'L_A_B_0', label: '' })).toBe(doc('A ==> B'));
  });

  it('splits an & list to label one of its edges', () => {
    const out = edit(doc('A --> B & C'), { type: 'setEdgeLabel', edgeId: 'L_A_C_0', label: 'only C' });
    expect(parseTopology(out).topology.edges.map((e) => [e.to, e.label])).toEqual([
      ['B', undefined],
      ['C', 'only C'],
    ]);
  });
});

describe('setKind', () => {
  it('adds a kind class after the definition, or replaces the one there', () => {
    expect(edit(doc('A[Orders] --> B'), { type: 'setKind', id: 'A', kind: 'topic' })).toBe(doc('A[Orders]:::topic --> B'));
    expect(edit(doc('A[Orders]:::kafka --> B'), { type: 'setKind', id: 'A', kind: 'topic' })).toBe(doc('A[Orders]:::topic --> B'));
    expect(edit(doc('A:::hot --> B'), { type: 'setKind', id: 'A', kind: 'queue' })).toBe(doc('A:::hot --> B', 'class A queue'));
  });

  it('edits class statements without touching the other nodes they name', () => {
    expect(edit(doc('A --> B', 'class A db'), { type: 'setKind', id: 'A', kind: 'queue' })).toBe(doc('A --> B', 'class A queue'));
    expect(edit(doc('A --> B', 'class A,B db'), { type: 'setKind', id: 'A', kind: 'queue' })).toBe(doc('A:::queue --> B', 'class B db'));
  });

  it('changes nothing when the label already says the kind', () => {
    expect(patchTopology(doc('A[Orders DB]'), { type: 'setKind', id: 'A', kind: 'database' }).changes).toEqual([]);
  });
});

describe('setConfig', () => {
  const text = doc('O[Order Service] --> K[Kafka: orders]', '%% @config O rate=5/s acks=1', '%% @config orders partitions=3');

  it('edits a value in place and quotes it when needed', () => {
    expect(edit(text, { type: 'setConfig', target: 'O', key: 'acks', value: 'all' })).toBe(
      doc('O[Order Service] --> K[Kafka: orders]', '%% @config O rate=5/s acks=all', '%% @config orders partitions=3'),
    );
    expect(edit(text, { type: 'setConfig', target: 'orders', key: 'partitions', value: 'twelve partitions' })).toContain('partitions="twelve partitions"');
  });

  it('adds a key to the directive, or a directive line after the last one', () => {
    expect(edit(text, { type: 'setConfig', target: 'O', key: 'enable.idempotence', value: 'true' })).toContain('%% @config O rate=5/s acks=1 enable.idempotence=true\n');
    expect(edit(text, { type: 'setConfig', target: 'K', key: 'brokers', value: '3' })).toBe(
      doc('O[Order Service] --> K[Kafka: orders]', '%% @config O rate=5/s acks=1', '%% @config orders partitions=3', '%% @config K brokers=3'),
    );
    expect(edit(doc('A[Order Service]', 'B'), { type: 'setConfig', target: 'A', key: 'rate', value: '1/s' })).toBe(doc('A[Order Service]', '%% @config A rate=1/s', 'B'));
  });

  it('removes a key, and a directive left empty', () => {
    expect(edit(text, { type: 'setConfig', target: 'O', key: 'rate', value: null })).toContain('%% @config O acks=1\n');
    expect(edit(text, { type: 'setConfig', target: 'orders', key: 'partitions', value: null })).toBe(doc('O[Order Service] --> K[Kafka: orders]', '%% @config O rate=5/s acks=1'));
  });

  it('refuses unknown targets and bad keys', () => {
    expect(patchTopology(text, { type: 'setConfig', target: 'nope', key: 'a', value: '1' }).error).toMatch(/no node, topic or consumer group/);
    expect(patchTopology(text, { type: 'setConfig', target: 'O', key: 'a b', value: '1' }).error).toMatch(/not a config key/);
  });
});

describe('patchTopology', () => {
  it('returns minimal, sorted changes in the coordinates of the original text', () => {
    const text = doc('A --> B', '%% note', 'B --> C');
    const r = patchTopology(text, { type: 'setEdgeLabel', edgeId: 'L_B_C_0', label: 'x' });
    expect(r.changes).toEqual([{ from: text.indexOf('B -->') + 5, to: text.indexOf('B -->') + 5, insert: '|x|' }]);
  });

  it('keeps CRLF line breaks in what it inserts', () => {
    const text = 'flowchart LR\r\n  A --> B\r\n';
    expect(edit(text, { type: 'addEdge', from: 'B', to: 'A' })).toBe('flowchart LR\r\n  A --> B\r\n  B --> A\r\n');
  });

  it('reports unknown edges', () => {
    expect(patchTopology(doc('A --> B'), { type: 'deleteEdge', edgeId: 'nope' })).toEqual({ changes: [], text: doc('A --> B'), error: "there is no edge 'nope'" });
  });
});

describe('edits that cannot be written as asked', () => {
  it('a node renamed to `direction LR` keeps both nodes and the edge', () => {
    const r = patchTopology('flowchart LR\n  A --> B\n', { type: 'renameNode', id: 'A', label: 'direction LR' });
    const t = parseTopology(r.text);
    expect(t.diagnostics).toEqual([]);
    expect(t.topology.nodes.map((n) => [n.id, n.label])).toEqual([['A', 'direction LR'], ['B', 'B']]);
    expect(t.topology.edges).toHaveLength(1);
  });

  it('a setting value with a line break is refused, not split into a stray node', () => {
    const text = 'flowchart LR\n  A --> B\n';
    const r = patchTopology(text, { type: 'setConfig', target: 'A', key: 'note', value: 'one\nB2[x]' });
    expect(r.error).toMatch(/line break/);
    expect(r.text).toBe(text);
  });

  it('a blank label is refused for a node and means no label for an edge', () => {
    expect(patchTopology('flowchart LR\n  A --> B\n', { type: 'renameNode', id: 'A', label: ' \n ' }).error).toMatch(/blank/);
    expect(patchTopology('flowchart LR\n  A -->|x| B\n', { type: 'setEdgeLabel', edgeId: 'L_A_B_0', label: ' \n ' }).text).toBe('flowchart LR\n  A --> B\n');
  });

  it('deleting an edge keeps a node defined above the class line that names it', () => {
    const r = patchTopology('flowchart LR\n  C -- x --> B\n  class C hot\n  D --> C\n', { type: 'deleteEdge', edgeId: 'L_C_B_0' });
    expect(parseTopology(r.text).diagnostics).toEqual([]);
    expect(parseTopology(r.text).topology.nodes.find((n) => n.id === 'C')?.classes).toEqual(['hot']);
  });
});

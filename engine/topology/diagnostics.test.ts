/**
 * What a learner sees when the text is wrong: one diagnostic per bad statement, with its line and column and a
 * message that says what to do; parsing carries on so the rest of the diagram still loads.
 */
import { describe, expect, it } from 'vitest';
import { parseTopology } from './parse.ts';

const diagnose = (...lines: string[]) => {
  const r = parseTopology(lines.join('\n'));
  return { ...r, found: r.diagnostics.map((d) => `${d.severity} ${d.line}:${d.column} ${d.message}`) };
};

describe('diagnostics', () => {
  it('names the opening bracket of a label that is never closed', () => {
    const { found, ok } = diagnose('flowchart LR', '  A[Order Service --> B', '  C --> D');
    expect(ok).toBe(false);
    expect(found).toEqual(["error 2:4 expected ']' to close the label opened at 2:4"]);
  });

  it('says to quote labels that hold brackets', () => {
    const { found } = diagnose('flowchart LR', 'A[Event Store (Immutable)] --> B');
    expect(found).toEqual([
      `error 2:15 expected ']' to close the label opened at 2:2, found '('; put the label in quotes to use brackets or pipes inside it, e.g. ["a (b)"]`,
    ]);
  });

  it('recovers on the next line and reports each bad statement', () => {
    const { found, topology, ok } = diagnose('flowchart LR', '  A[ok] --> B', '  C[bad --> D', '  E --> F', '  G H', '  I --> J');
    expect(ok).toBe(false);
    expect(found).toEqual([
      "error 3:4 expected ']' to close the label opened at 3:4",
      "error 5:5 unexpected 'H' after node 'G'; join nodes with an arrow such as '-->', or with ' & '",
    ]);
    expect(topology.edges.map((e) => `${e.from}>${e.to}`)).toEqual(['A>B', 'E>F', 'I>J']);
  });

  it('explains the mermaid rules learners trip over', () => {
    expect(diagnose('flowchart LR', 'A --> B %% why').found).toEqual([
      "error 2:9 a comment must be on its own line: mermaid reads '%%' after a statement as text",
    ]);
    expect(diagnose('flowchart LR', 'A --> end').found).toEqual(["error 2:7 'end' is a mermaid keyword and cannot start a node id; rename it (e.g. 'end_')"]);
    expect(diagnose('flowchart LR', 'A &B').found).toEqual(["error 2:3 '&' between nodes needs a space on both sides, as in 'A & B'"]);
    expect(diagnose('flowchart LR', 'A -- B').found).toEqual(["error 2:3 the edge text started at 2:3 is never closed by an arrow such as '-->'"]);
    expect(diagnose('flowchart LR', 'A -->').found).toEqual(["error 2:3 the arrow '-->' needs a node after it"]);
    expect(diagnose('flowchart LR', 'A -- a -- b --> B').found).toEqual(["error 2:8 '--' cannot appear inside edge text; write the label as -->|text| instead"]);
  });

  it('checks the header', () => {
    expect(diagnose('A --> B').found).toEqual(["error 1:1 a flowchart starts with 'flowchart' or 'graph' and a direction, e.g. 'flowchart LR'"]);
    expect(diagnose('flowchart XY', 'A').found).toEqual(["error 1:11 unknown direction 'XY': use TB (or TD), BT, LR or RL"]);
    expect(diagnose('flowchart LR A --> B').found).toEqual(["error 1:14 start statements on the line after 'flowchart LR'"]);
    // Without a header the statements still load, so the canvas is not empty while the learner fixes it.
    expect(diagnose('A --> B').topology.edges).toHaveLength(1);
  });

  it('matches subgraphs and ends', () => {
    expect(diagnose('flowchart TB', 'subgraph S', 'A').found).toEqual(["error 2:1 subgraph 'S' opened at 2:1 is never closed with 'end'"]);
    expect(diagnose('flowchart TB', 'A', 'end').found).toEqual(["error 3:1 'end' without an open 'subgraph'"]);
    expect(diagnose('flowchart TB', 'subgraph', 'A', 'end').found).toEqual(["error 2:1 a subgraph needs an id or a title, e.g. 'subgraph orders [Orders]'"]);
    expect(diagnose('flowchart TB', 'subgraph Event Store (x)', 'A', 'end').found[0]).toMatch(/^error 2:22 a subgraph title with '\(' must be quoted/);
  });

  it('reports what mermaid would throw on, after reading the statement', () => {
    expect(diagnose('flowchart LR', 'A --> B', 'linkStyle 1 stroke:#f00').found).toEqual(['error 3:11 linkStyle 1: there is 1 edge before this line, numbered from 0']);
    expect(diagnose('flowchart LR', 'A@{ shape: blob }').found[0]).toMatch(/^error 2:2 no such shape 'blob'/);
  });

  it('warns, without failing, about config directives that cannot apply', () => {
    const { found, ok } = diagnose('flowchart LR', 'A', '%% @config Nope rate=1', '%% @config A rate', '%% @config A key="open', '%% @config', '%% @config rate=5');
    expect(ok).toBe(true);
    expect(found).toEqual([
      "warning 3:12 @config names 'Nope', but no node, topic or consumer group has that name",
      "warning 4:14 expected key=value in '@config A', found 'rate'",
      `warning 5:18 the quoted value of 'key' is never closed with '"'`,
      "warning 6:1 '@config' needs a target: a node id, topic name or consumer group, then key=value pairs",
      "warning 7:12 '@config' needs a target before its settings, e.g. '%% @config OrderService rate=5'",
    ]);
  });

  it('warns about text mermaid reads differently than it looks', () => {
    expect(diagnose('flowchart LR', 'A', 'class B hot', 'B').found).toEqual([
      "warning 3:7 'B' is not defined above this line, so mermaid ignores this class; move the line below the node",
    ]);
    expect(diagnose('flowchart LR', '%%', 'A').found).toEqual(["warning 2:1 mermaid reads a '%%' with nothing after it as a node named '%%'; write the comment's text after it"]);
    expect(diagnose('flowchart LR', 'A[turn direction LR] --> B').found[0]).toMatch(/^warning 2:1 mermaid reads this whole line as 'direction LR'/);
  });

  it('spans the offending text', () => {
    const { diagnostics } = diagnose('flowchart LR', 'A --> end');
    expect(diagnostics[0]).toMatchObject({ line: 2, column: 7, endLine: 2, endColumn: 10, from: 19, to: 22 });
  });
});

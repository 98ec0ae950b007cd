import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseTopology } from './parse.ts';
import { printTopology } from './print.ts';
import type { Topology } from './types.ts';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const files = [...readdirSync(join(fixtures, 'seeds')).map((f) => join('seeds', f)), 'commented.mmd'].filter((f) => f.endsWith('.mmd'));

/** The model without source positions. */
const bare = (t: Topology): unknown => JSON.parse(JSON.stringify(t, (k, v) => (k === 'span' ? undefined : v)));

function roundTrip(text: string): string {
  const first = parseTopology(text);
  const printed = printTopology(first.topology);
  const second = parseTopology(printed);
  expect(second.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  expect(bare(second.topology)).toEqual(bare(first.topology));
  return printed;
}

const SAMPLES: Record<string, string> = {
  shapes: 'flowchart LR\nA[a] --> B(b) --> C([c]) --> D[[d]] --> E[(e)] --> F((f)) --> G(((g)))\nH{h} --> I{{i}} --> J>j] --> K[/k/] --> L[\\l\\] --> M[/m\\] --> N[\\n/]',
  labels: 'flowchart LR\nA["a (b) [c] {d} | e"] --> B["two\nlines"] --> C["#quot;q#quot; #35;1 and #tag;"] --> D["`**md**`"] --> E@{ label: "data label" }',
  arrows: 'flowchart LR\nA --- B\nA -..-> B\nA ====> B\nA x--x B\nA <-.-> B\nA ~~~~ B\nA --o B\nA -- "inline" --> B\nA e9@==>|x| B',
  ids: 'flowchart LR\nA --> B\nA --> B\nA e1@--> B\nA & B e2@--> C & D\nL_A_B_5@--> A',
  groups: 'flowchart TB\nX\nsubgraph a [Title A]\ndirection LR\nX --> Y\nsubgraph b["Inner (b)"]\nZ\nend\nend\nsubgraph Several Words\nW\nend\na --> W\nclass a hot\nstyle b fill:#eee',
  styles: 'flowchart LR\nclassDef default fill:#eee\nclassDef hot fill:#f96,stroke-dasharray:5\\, 5\nA:::hot --> B\nclass B hot\nclass B cold\nstyle B fill:#0f0\nstyle A fill:#f96',
  extras: '%%{init: {"theme": "dark"}}%%\nflowchart LR\n%% hello\naccTitle: T\naccDescr {\n  many\n}\nA e1@--> B\nclick A cb\nlinkStyle 0 stroke:#f00\ne1@{ animate: true }\nclass e1 flow\n%% @config A rate=5/s key="a b"\n%% @config nowhere x=1',
};

describe('printTopology', () => {
  for (const file of files) {
    it(`round-trips ${file}`, () => {
      roundTrip(readFileSync(join(fixtures, file), 'utf8'));
    });
  }

  for (const [name, text] of Object.entries(SAMPLES)) {
    it(`round-trips ${name}`, () => {
      roundTrip(text);
    });
  }

  it('writes canonical, indented text', () => {
    expect(roundTrip('graph LR\nsubgraph S [Team]\nA[Order Service] -->|Sync POST| B[(Orders DB)]\nend\nstyle A fill:#faa\n%% @config A rate=5/s')).toBe(
      [
        'flowchart LR',
        '    A[Order Service]',
        '    B[(Orders DB)]',
        '    subgraph S [Team]',
        '        B',
        '        A',
        '    end',
        '    A -->|Sync POST| B',
        '    style A fill:#faa',
        '    %% @config A rate=5/s',
        '',
      ].join('\n'),
    );
  });

  it('writes labels that would read as something else quoted and escaped, and they come back the same', () => {
    // A label of three backticks, printed `"```"`, opened a markdown string; `direction LR` on a printed line read
    // as a direction statement and the node vanished; a literal `<br>` tag became a line break.
    expect(roundTrip('graph\nK-->|```|y[e]')).toContain('K -->|"#96;``"| y');
    expect(roundTrip('flowchart\nC["\ndirection LR"]')).toContain('C["direction#32;LR"]');
    expect(roundTrip('flowchart\nA["a #lt;br> b"] -- "x" --> B["`**m**<br>n`"]')).toContain('A["a #lt;br> b"]');
    expect(roundTrip('flowchart\nA -->|"  "| A')).toContain('A -->|" "| A');
  });
});

/**
 * A 5,000-line topology parses completely (the time is measured by bench/topology-parse.ts, not here).
 */
import { describe, expect, it } from 'vitest';
import { parseTopology } from './parse.ts';

/** 192 teams of 22 nodes: 7 + 1 + 192 * 26 = 5,000 lines. */
function bigTopology(): string {
  const lines = ['flowchart LR', ...Array.from({ length: 7 }, (_, i) => `  %% generated topology, note ${i}`)];
  for (let g = 0; g < 192; g++) {
    lines.push(`  subgraph team${g} [Team ${g} services]`);
    for (let i = 0; i < 20; i++) lines.push(`    S${g}_${i}[Service ${g}-${i}] -->|call ${i}| S${g}_${i + 1}`);
    lines.push('  end', `  %% @config S${g}_0 rate=${g}/s`, `  style S${g}_0 fill:#faa`, `  S${g}_20 -.->|publish| K${g}[(Kafka: topic-${g})]`);
    lines.push(`  %% team ${g} ends here`);
  }
  return lines.join('\n');
}

describe('a 5,000-line topology', () => {
  it('parses to every node, edge, group and directive', () => {
    const text = bigTopology();
    expect(text.split('\n')).toHaveLength(5000);
    const { topology, diagnostics, ok } = parseTopology(text);
    expect(diagnostics).toEqual([]);
    expect(ok).toBe(true);
    expect(topology.nodes).toHaveLength(192 * 22);
    expect(topology.edges).toHaveLength(192 * 21);
    expect(topology.groups).toHaveLength(192);
    expect(topology.directives).toHaveLength(192);
    expect(topology.groups[191]?.members).toHaveLength(21);
    expect(topology.nodes.filter((n) => n.kind === 'kafka')).toHaveLength(192);
    expect(topology.edges.filter((e) => e.kind === 'publish')).toHaveLength(192);
    expect(topology.nodes.find((n) => n.id === 'S191_0')?.config).toEqual({ rate: '191/s' });
  });
});

describe('nesting', () => {
  const nested = (depth: number) => `flowchart LR\n${Array.from({ length: depth }, (_, i) => `subgraph s${i}\n`).join('')}A --> B\n${'end\n'.repeat(depth)}`;

  it('accepts 64 levels of subgraphs', () => {
    expect(parseTopology(nested(64)).diagnostics).toEqual([]);
  });

  it('refuses a 65th level with an error at that subgraph, and reads 5,000 levels without running out of stack', () => {
    const r = parseTopology(nested(65));
    expect(r.ok).toBe(false);
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ line: 66, column: 1, severity: 'error' });
    expect(r.diagnostics[0]!.message).toMatch(/more than 64 deep/);
    const deep = parseTopology(nested(5000));
    expect(deep.diagnostics.map((d) => d.message)).toEqual([r.diagnostics[0]!.message]);
    expect(deep.topology.groups.length).toBe(64);
  });
});

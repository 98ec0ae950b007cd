/**
 * Parse (and print) time of large topologies: `npx tsx bench/topology-parse.ts`. Prints the median of 21 runs
 * after 3 warm-up runs, as wall time and as this process's CPU time (which a busy machine inflates less).
 */
import { parseTopology, printTopology } from '../engine/index.ts';

/**
 * `teams` subgraphs, each a chain of `services` labelled services publishing to its own Kafka broker, with a style
 * and a config line per team: 4 + services lines and services + 1 nodes per team.
 */
function teams(teams: number, services: number): string {
  const lines = ['flowchart LR'];
  for (let c = 0; c < teams; c++) {
    lines.push(`  subgraph team${c} [Team ${c}]`);
    for (let i = 0; i < services - 1; i++) lines.push(`    S${c}_${i}[Service ${c}-${i}] -->|call| S${c}_${i + 1}[Service ${c}-${i + 1}]`);
    lines.push('  end', `  S${c}_${services - 1} -.->|publish| K${c}[Kafka: topic-${c}]`, `  style S${c}_0 fill:#faa`, `  %% @config S${c}_0 rate=5/s`);
  }
  return lines.join('\n');
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

function time(label: string, text: string, runs = 21): void {
  for (let i = 0; i < 3; i++) parseTopology(text);
  const ms: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    parseTopology(text);
    const c1 = process.cpuUsage(c0);
    ms.push(performance.now() - t0);
    cpu.push((c1.user + c1.system) / 1000);
  }
  const { topology, ok } = parseTopology(text);
  const p0 = performance.now();
  printTopology(topology);
  const printMs = performance.now() - p0;
  console.log(
    `${label}: ${text.split('\n').length} lines, ${topology.nodes.length} nodes, ${topology.edges.length} edges, ok=${ok}: ` +
      `parse median ${median(ms).toFixed(1)} ms wall (min ${Math.min(...ms).toFixed(1)}, max ${Math.max(...ms).toFixed(1)}), ` +
      `${median(cpu).toFixed(1)} ms CPU; print ${printMs.toFixed(1)} ms`,
  );
}

time('1,000 nodes', teams(100, 9));
time('5,000 lines', `${teams(357, 10)}\n  %% the end`);

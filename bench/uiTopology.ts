/**
 * The UI benchmark's topology: 300 nodes and 500 edges in a realistic mix. Clients call API services; each API
 * writes its database and publishes to a topic on one of four "ingest" Kafka clusters; worker services consume
 * those topics (each in its own group), and about half of them forward to topics on four "downstream" clusters,
 * whose consumers write databases. Forwarding goes one way only, so no message circles back and multiplies.
 */

export const UI_BENCH_SHAPE = { clusters: 8, topicsPerCluster: 3, clients: 40, apis: 40, databases: 24, forwarders: 100, sinks: 88 } as const;

/** The topology text; counts as in UI_BENCH_SHAPE: 300 nodes, 500 edges. */
export function uiBenchTopology(): string {
  const s = UI_BENCH_SHAPE;
  const lines = ['graph TD'];
  const topic = (cluster: number, j: number) => `t${cluster}_${j}`;
  const cluster = (c: number) => `K${c}`;
  for (let c = 1; c <= s.clusters; c++) {
    const topics = Array.from({ length: s.topicsPerCluster }, (_, j) => topic(c, j + 1));
    lines.push(`  ${cluster(c)}[Kafka: ${topics.join(', ')}]`);
  }
  const ingest = s.clusters / 2;
  const ingestTopics: [number, number][] = [];
  const downstreamTopics: [number, number][] = [];
  for (let c = 1; c <= s.clusters; c++) for (let j = 1; j <= s.topicsPerCluster; j++) (c <= ingest ? ingestTopics : downstreamTopics).push([c, j]);
  const db = (i: number) => `D${(i % s.databases) + 1}`;
  for (let d = 1; d <= s.databases; d++) lines.push(`  D${d}[(Store ${d})]`);

  for (let i = 1; i <= s.clients; i++) lines.push(`  C${i}[Web client ${i}]:::client -->|POST| A${i}[API ${i}]`);
  for (let i = 1; i <= s.apis; i++) {
    const [c, j] = ingestTopics[i % ingestTopics.length]!;
    lines.push(`  A${i} -->|${topic(c, j)}| ${cluster(c)}`, `  A${i} --> ${db(i)}`);
  }
  for (let i = 1; i <= s.forwarders; i++) {
    const [c, j] = ingestTopics[i % ingestTopics.length]!;
    const [dc, dj] = downstreamTopics[(i * 7) % downstreamTopics.length]!;
    lines.push(`  ${cluster(c)} -->|${topic(c, j)}| F${i}[Enricher ${i}]`, `  F${i} -->|${topic(dc, dj)}| ${cluster(dc)}`);
    if (i <= 4) lines.push(`  F${i} --> ${db(i + 7)}`);
  }
  for (let i = 1; i <= s.sinks; i++) {
    const [c, j] = downstreamTopics[i % downstreamTopics.length]!;
    lines.push(`  ${cluster(c)} -->|${topic(c, j)}| W${i}[Projector ${i}]`, `  W${i} --> ${db(i + 3)}`);
  }
  for (const [c, j] of [...ingestTopics, ...downstreamTopics]) lines.push(`  %% @config ${topic(c, j)} partitions=6 replication.factor=3 min.insync.replicas=2`);
  for (let i = 1; i <= s.clients; i++) lines.push(`  %% @config C${i} rate=10/s key=customerId keys=1000`);
  return `${lines.join('\n')}\n`;
}

/**
 * `npm run bench`: how fast the engine simulates, and how much memory a retained message costs.
 *
 * Throughput: the benchmark topology (bench/topology.ts) runs 5 simulated seconds to warm up (the consumer group's
 * first rebalance waits 3 s), then a measured window; simulated messages per wall second = messages produced in the
 * window (each one appended, replicated twice, acknowledged, fetched and processed) / wall time of the window.
 * Beside it, a bare loop pushes and pops the same number of events through the same event queue, as a ceiling.
 * Memory: heap and array-buffer growth of a whole run divided by the records the logs retain, after full GCs.
 * Every figure is the median of several runs. Results go to their section of bench/RESULTS.md.
 */
import { arch, cpus, platform, release, totalmem } from 'node:os';
import { createSimulation, FAMILIES, parseTopology } from '../engine/index.ts';
import { createQueue, pop, push } from '../engine/sim/queue.ts';
import { recordHistory, writeSection } from './results.ts';
import { benchAmqpTopology, benchTopology } from './topology.ts';

const RATE = 250_000;
const WARMUP_US = 5_000_000;
const WINDOW_US = 8_000_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const TARGET_RATE = 1_400_000;
const TARGET_BYTES = 32;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function throughputRun(text = benchTopology(RATE)): { msgsPerSec: number; eventsPerSec: number; events: number; messages: number; processed: number } {
  const { topology } = parseTopology(text);
  const sim = createSimulation(topology, { seed: 42 });
  sim.run(WARMUP_US);
  const before = sim.metrics();
  const t0 = performance.now();
  sim.run(WARMUP_US + WINDOW_US);
  const wall = (performance.now() - t0) / 1000;
  const after = sim.metrics();
  const messages = after.produced - before.produced;
  return {
    msgsPerSec: messages / wall,
    eventsPerSec: (after.events - before.events) / wall,
    events: after.events - before.events,
    messages,
    processed: after.processed - before.processed,
  };
}

/** The same queue, the same number of events, no model: an upper bound on events per second. */
function bareLoop(events: number): number {
  const q = createQueue(4096);
  let t = 0;
  for (let i = 0; i < 1024; i++) push(q, i, 1, i, 0);
  const t0 = performance.now();
  let sum = 0;
  for (let n = 0; n < events; n++) {
    pop(q);
    sum += q.popA;
    t = q.popTime + 1 + (n & 7);
    push(q, t, q.popKind, q.popA, q.popB);
  }
  const wall = (performance.now() - t0) / 1000;
  if (sum < 0) console.log(sum);
  return events / wall;
}

function memoryRun(): { bytesPerMessage: number; retained: number } {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc (npm run bench does)');
  const { topology } = parseTopology(benchTopology(RATE));
  gc();
  gc();
  const m0 = process.memoryUsage();
  const sim = createSimulation(topology, { seed: 42 });
  sim.run(WARMUP_US + WINDOW_US);
  gc();
  gc();
  const m1 = process.memoryUsage();
  let retained = 0;
  for (const f of FAMILIES) f.holds?.(sim.world, () => retained++);
  const bytes = m1.heapUsed + m1.arrayBuffers - (m0.heapUsed + m0.arrayBuffers);
  return { bytesPerMessage: bytes / retained, retained };
}

// Kafka and RabbitMQ runs alternate, so the ratio of the two is measured under the same load.
const runs: ReturnType<typeof throughputRun>[] = [];
const amqpRuns: ReturnType<typeof throughputRun>[] = [];
for (let i = 0; i < RUNS; i++) {
  runs.push(throughputRun());
  amqpRuns.push(throughputRun(benchAmqpTopology(RATE)));
}
const amqpRate = median(amqpRuns.map((r) => r.msgsPerSec));
const amqpRatio = median(amqpRuns.map((r, i) => r.msgsPerSec / runs[i]!.msgsPerSec));
const rate = median(runs.map((r) => r.msgsPerSec));
const eventRate = median(runs.map((r) => r.eventsPerSec));
const bare = median(Array.from({ length: RUNS }, () => bareLoop(runs[0]!.events * 20)));
const mem = Array.from({ length: 3 }, () => memoryRun());
const bytes = median(mem.map((m) => m.bytesPerMessage));

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const verdict = (ok: boolean) => (ok ? 'meets target' : 'MISSES target');
const cpu = cpus()[0]?.model ?? 'unknown CPU';
const lines = [
  '# Engine benchmark',
  '',
  `Measured ${new Date().toISOString().slice(0, 10)} by \`npm run bench\` (bench/engine.bench.ts) on ${cpu}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, ${platform()} ${release()} ${arch()}, Node ${process.version}. Medians of ${RUNS} runs (memory: of 3).`,
  '',
  `Topology: bench/topology.ts, ${fmt(RATE)} records/s of 100 bytes, keyed over 100,000 customers, into 12 partitions with replication factor 3, min.insync.replicas=2, acks=all, idempotence on; a group of 3 consumers. Measured over ${WINDOW_US / 1e6} simulated seconds after ${WARMUP_US / 1e6} s of warm-up.`,
  '',
  '| measure | result | target |',
  '| --- | --- | --- |',
  `| simulated messages per wall second | ${fmt(rate)} | at least ${fmt(TARGET_RATE)}: ${verdict(rate >= TARGET_RATE)} |`,
  `| simulated events per wall second | ${fmt(eventRate)} | |`,
  `| bare event-queue loop, events per second | ${fmt(bare)} | (ceiling) |`,
  `| bytes per retained message | ${bytes.toFixed(1)} | at most ${TARGET_BYTES}: ${verdict(bytes <= TARGET_BYTES)} |`,
  `| RabbitMQ: simulated messages per wall second (exchange, queue, 3 consumers, manual ack) | ${fmt(amqpRate)} (${(amqpRatio * 100).toFixed(0)}% of Kafka's, run by run) | at least half of Kafka's: ${verdict(amqpRatio >= 0.5)} |`,
  '',
  `Per run: ${runs.map((r) => `${fmt(r.msgsPerSec)} msg/s`).join(', ')}; ${fmt(runs[0]!.messages)} messages and ${fmt(runs[0]!.events)} events per window (${(runs[0]!.events / runs[0]!.messages).toFixed(3)} events per message: batches, not records, are events).`,
  `RabbitMQ per run: ${amqpRuns.map((r) => `${fmt(r.msgsPerSec)} msg/s`).join(', ')}; ${(amqpRuns[0]!.events / amqpRuns[0]!.messages).toFixed(3)} events per message (a publisher's batch, a push to a consumer and its acks are events; every message is its own entries in the trace).`,
  `Memory: ${mem.map((m) => `${m.bytesPerMessage.toFixed(1)} B`).join(', ')} over ${fmt(mem[0]!.retained)} retained records (message table 20 B + log 4 B per record; the rest is growth slack, buffers and the trace ring).`,
  '',
];
writeSection('Engine benchmark', lines.join('\n'));
recordHistory('Engine benchmark', { 'messages/s': fmt(rate), 'events/s': fmt(eventRate), 'bytes/message': bytes.toFixed(1), 'RabbitMQ messages/s': fmt(amqpRate) });
console.log(lines.join('\n'));

// Find a failure's rows (issue 17): runs per wall second and the time to a first counterexample.
await import('./search.bench.ts');

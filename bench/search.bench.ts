/**
 * Part of `npm run bench`: how fast "Find a failure" searches (issue 17). Runs per wall second on a learner-sized
 * topology (docs/topologies/orders-acksall.mmd: 300 orders/s, 6 partitions, 3 replicas, acks=all), each run 30
 * simulated seconds under broker and leader crashes (it survives them, so every run is a whole one), in one worker
 * thread and in two sharing the runs as the app's Web Workers do; then the wall time to the first counterexample of
 * the three cases, with one process as `npm run sim -- --search` runs it. Wall times on a shared machine vary
 * from run to run: these are measurements, not targets.
 */
import type * as EsBuild from 'esbuild';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ScanJob } from '../engine/search/scan.ts';
import { search } from '../engine/search/search.ts';
import { recordHistory, writeSection } from './results.ts';

const RUNS = 24;
const read = (name: string) => readFileSync(`docs/topologies/${name}`, 'utf8');
const acksAll = read('orders-acksall.mmd');
const acks1 = read('orders-acks1.mmd');
/** At-least-once by auto-commit, no inbox (as in engine/search/search.test.ts). */
const autoCommit = `graph LR
  OrderService[Order Service] -->|OrderPlacedEvent| Kafka[Kafka Broker: orders]
  Kafka -->|subscribe| BillingService[Billing Service]
  %% @config OrderService rate=100/s key=customerId
  %% @config BillingService processing=5ms max.poll.records=50 session.timeout.ms=10s heartbeat.interval.ms=3s
`;

// The worker threads run a bundle of their own: this file's bundle also holds the engine benchmark's top level.
const workerFile = resolve('node_modules/.cache/eventlab/searchWorker.mjs');
// esbuild is imported by name at run time: bundled into this file, it could not find its own binary.
const esbuild = 'esbuild';
const { build } = (await import(esbuild)) as typeof EsBuild;
await build({ entryPoints: ['bench/searchWorker.ts'], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile: workerFile, logLevel: 'error' });

/** Runs RUNS runs shared among `n` threads; runs per wall second from the moment all are ready to the last done. */
async function runsPerSecond(n: number): Promise<number> {
  const job: Omit<ScanJob, 'worker'> = { property: 'no-loss', seed: 1, budget: RUNS, durationUs: 30_000_000, kinds: ['broker', 'leader'], workers: n };
  const threads = Array.from({ length: n }, (_, worker) => new Worker(workerFile, { workerData: { text: acksAll, job: { ...job, worker } } }));
  await Promise.all(threads.map((t) => new Promise((ok) => t.once('message', ok))));
  const t0 = performance.now();
  const done = await Promise.all(threads.map((t) => new Promise<{ tried: number }>((ok) => (t.once('message', ok), t.postMessage('go')))));
  const ms = performance.now() - t0;
  await Promise.all(threads.map((t) => t.terminate()));
  return (done.reduce((a, d) => a + d.tried, 0) * 1000) / ms;
}

const one = await runsPerSecond(1);
const two = await runsPerSecond(2);

const first = (name: string, text: string, opts: Parameters<typeof search>[1]) => {
  const r = search(text, { ...opts, clock: () => performance.now() });
  const faults = r.shrunk ? r.shrunk.run.faults.filter((f) => !/\s(restart|heal)\b/.test(f)).length : 0;
  return r.found
    ? `| ${name} | ${(r.firstMs! / 1000).toFixed(2)} s (run ${r.runs}) | ${r.shrinkRuns} runs, ${(r.wallMs / 1000).toFixed(1)} s in all; ${faults} fault${faults === 1 ? '' : 's'}: ${r.shrunk!.violation.summary.replace(/\s*\(.*$/, '')} |`
    : `| ${name} | none in ${r.runs} runs (${(r.wallMs / 1000).toFixed(1)} s) | |`;
};

const lines = [
  '# Find a failure benchmark',
  '',
  `Measured ${new Date().toISOString().slice(0, 10)} by \`npm run bench\` (bench/search.bench.ts). ${RUNS} runs of docs/topologies/orders-acksall.mmd, 30 simulated seconds each, under broker and leader crashes.`,
  '',
  '| measure | result |',
  '| --- | --- |',
  `| runs per wall second, one worker | ${one.toFixed(1)} |`,
  `| runs per wall second, two workers | ${two.toFixed(1)} (${(two / one).toFixed(2)}× one) |`,
  '',
  'Time to the first counterexample (search seed 1, one process):',
  '',
  '| case | first counterexample | shrink |',
  '| --- | --- | --- |',
  first('acks=1, broker and leader crashes and splits (orders-acks1.mmd), no loss', acks1, { property: 'no-loss', budget: 50, seed: 1, kinds: ['broker', 'leader', 'split'] }),
  first('acks=all, min.insync.replicas=2, 3 replicas, crashes only (orders-acksall.mmd), no loss', acksAll, { property: 'no-loss', budget: 50, seed: 1, kinds: ['broker', 'leader'] }),
  first('auto-commit without an inbox, no duplicates', autoCommit, { property: 'no-duplicates', budget: 50, seed: 1 }),
  '',
];
writeSection('Find a failure benchmark', lines.join('\n'));
recordHistory('Find a failure benchmark', { 'runs/s, one worker': one.toFixed(1), 'runs/s, two workers': two.toFixed(1) });
console.log(lines.join('\n'));

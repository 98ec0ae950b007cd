/**
 * `npm run soak [-- --seeds 10000 --from 1 --scenario both --workers 2]`: the property scenarios over many more seeds
 * than CI runs, invariants after every event:
 * - `single` (engine/testing/property.ts): one broker crashed and restarted under keyed load, acks=all, RF 3;
 * - `cluster` (engine/testing/clusterProperty.ts): random clusters (RF 3-5, min ISR 2-3, bounded retries, leader
 *   rebalancing) under random crash and restart schedules, then a drain.
 * Seeds are split over worker processes; prints seeds per second and every finding with the seed that reproduces it.
 */
import { fork } from 'node:child_process';
import { runClusterProperty } from '../engine/testing/clusterProperty.ts';
import { runProperty } from '../engine/testing/property.ts';

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1]! : fallback;
};
const seeds = Number(arg('--seeds', '10000'));
const from = Number(arg('--from', '1'));
const scenario = arg('--scenario', 'both') as 'single' | 'cluster' | 'both';
const workers = Math.max(1, Number(arg('--workers', '2')));

interface Tally {
  seeds: number;
  checks: number;
  findings: string[];
}

/** Runs one scenario over [first, first + count) in this process. */
function run(which: 'single' | 'cluster', first: number, count: number): Tally {
  const t: Tally = { seeds: 0, checks: 0, findings: [] };
  for (let seed = first; seed < first + count; seed++) {
    if (which === 'single') {
      const o = runProperty(seed, 'all');
      t.checks += o.invariantChecks;
      if (o.lost.length || o.duplicated || o.reordered || o.unprocessed) t.findings.push(`${which} seed ${seed}: ${JSON.stringify(o)}`);
    } else {
      const o = runClusterProperty(seed);
      t.checks += o.invariantChecks;
      if (o.error || o.lost.length || o.unprocessed || o.lag) t.findings.push(`${which} seed ${seed}: ${JSON.stringify(o)}`);
    }
    t.seeds++;
  }
  return t;
}

if (process.env.SOAK_CHILD) {
  const [which, first, count] = process.env.SOAK_CHILD.split(',');
  process.send!(run(which as 'single' | 'cluster', Number(first), Number(count)));
  process.exit(0);
}

const scenarios: ('single' | 'cluster')[] = scenario === 'both' ? ['single', 'cluster'] : [scenario];
let failed = 0;
for (const which of scenarios) {
  const t0 = performance.now();
  const share = Math.ceil(seeds / workers);
  const parts = await Promise.all(
    Array.from({ length: workers }, (_, k) => {
      const first = from + k * share;
      const count = Math.max(0, Math.min(share, from + seeds - first));
      return new Promise<Tally>((resolve, reject) => {
        const child = fork(process.argv[1]!, [], { env: { ...process.env, SOAK_CHILD: `${which},${first},${count}` } });
        child.on('message', (m) => resolve(m as Tally));
        child.on('exit', (code) => (code === 0 ? undefined : reject(new Error(`worker for seeds ${first}+${count} exited with ${code}`))));
      });
    }),
  );
  const s = (performance.now() - t0) / 1000;
  const total = parts.reduce((a, p) => ({ seeds: a.seeds + p.seeds, checks: a.checks + p.checks, findings: [...a.findings, ...p.findings] }), { seeds: 0, checks: 0, findings: [] as string[] });
  for (const f of total.findings) console.log(`FINDING ${f}`);
  console.log(
    `soak ${which}: ${total.seeds} seeds (${from}-${from + seeds - 1}) in ${s.toFixed(0)} s over ${workers} processes, ${(total.seeds / s).toFixed(1)} seeds/s, ${total.checks.toLocaleString('en-US')} invariant checks, ${total.findings.length} findings`,
  );
  failed += total.findings.length;
}
process.exit(failed ? 1 : 0);

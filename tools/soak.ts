/**
 * `npm run soak [-- --seeds 10000 --from 1]`: the property test's scenario (engine/testing/property.ts) over many
 * more seeds than CI runs: a random single-broker crash and restart under load, acks=all, invariants after every
 * event. Prints seeds per second and every finding, with the seed that reproduces it.
 */
import { runProperty } from '../engine/testing/property.ts';

const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const seeds = arg('--seeds', 10_000);
const from = arg('--from', 1);
const t0 = performance.now();
const findings: string[] = [];
let checks = 0;
for (let seed = from; seed < from + seeds; seed++) {
  const o = runProperty(seed, 'all');
  checks += o.invariantChecks;
  if (o.lost.length || o.duplicated || o.reordered || o.unprocessed) {
    findings.push(JSON.stringify(o));
    console.log(`FINDING seed ${seed}: ${JSON.stringify(o)}`);
  }
  if ((seed - from + 1) % 500 === 0) {
    const s = (performance.now() - t0) / 1000;
    console.log(`${seed - from + 1} seeds, ${((seed - from + 1) / s).toFixed(1)} seeds/s, ${findings.length} findings`);
  }
}
const s = (performance.now() - t0) / 1000;
console.log(`soak: ${seeds} seeds (${from}-${from + seeds - 1}) in ${s.toFixed(0)} s, ${(seeds / s).toFixed(1)} seeds/s, ${checks.toLocaleString('en-US')} invariant checks, ${findings.length} findings`);
process.exit(findings.length ? 1 : 0);

/**
 * `npm run sim -- <topology.mmd> [--seed N] [--duration 60s] [--fault '<time> <action> <target> [args]']... [--json]`
 *
 * Runs a topology headless and prints what happened: messages at each stage, what was lost, duplicated or
 * reordered (with the ids that prove it), consumer lag, latency percentiles, checkouts, and when partitions or
 * writes were unavailable. `--json` prints one object instead.
 */
import { readFileSync } from 'node:fs';
import { createSimulation, formatDuration, loadSchemaSupport, parseDuration, parseTopology, toFault } from '../engine/index.ts';
import { describeReport, jsonReport } from './simReport.ts';

const USAGE =
  "usage: npm run sim -- <topology.mmd> [--seed N] [--duration 60s] [--fault '10s crash Kafka/2']... [--json]\n       npm run sim -- <topology.mmd> --search 200 [--property no-loss|no-duplicates|order] [--workers N] [--json]";

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const args = process.argv.slice(2);
// --search: look for a fault schedule that breaks a property, and shrink it (tools/simSearch.ts); a search process
// started by one with --workers runs its share of the runs.
if (process.env['EVENTLAB_SEARCH_WORKER']) await (await import('./simSearch.ts')).searchWorker();
else if (args.includes('--search')) process.exit(await (await import('./simSearch.ts')).searchCli(args));
let file: string | undefined;
let seed = 1;
let durationUs = 60_000_000;
let json = false;
const faults: string[] = [];
for (let i = 0; i < args.length; i++) {
  const a = args[i]!;
  const value = () => args[++i] ?? fail(`${a} needs a value\n${USAGE}`);
  if (a === '--seed') seed = Number(value());
  else if (a === '--duration') durationUs = parseDuration(value(), 1_000_000) ?? fail(`--duration: '${args[i]}' is not a duration like 60s\n${USAGE}`);
  else if (a === '--fault') faults.push(value());
  else if (a === '--json') json = true;
  else if (a === '--help' || a === '-h') {
    console.log(USAGE);
    process.exit(0);
  } else if (a.startsWith('--')) fail(`unknown option ${a}\n${USAGE}`);
  else file = a;
}
if (!file) fail(USAGE);
if (!Number.isInteger(seed)) fail('--seed must be a whole number');

let text: string;
try {
  text = readFileSync(file, 'utf8');
} catch (e) {
  fail(`cannot read ${file}: ${(e as Error).message}`);
}
// Schemas need the Avro library, loaded only for a topology that declares them (as the app's worker does).
if (text.includes('@schema')) await loadSchemaSupport();
const parsed = parseTopology(text);
for (const d of parsed.diagnostics) console.error(`${file}:${d.line}:${d.column}: ${d.severity}: ${d.message}`);
if (!parsed.ok) fail(`${file} has errors; nothing was simulated.`);
for (const f of faults) {
  const parsedFault = toFault(f);
  if (typeof parsedFault === 'string') fail(`--fault '${f}': ${parsedFault}`);
}

const sim = createSimulation(parsed.topology, { seed, faults });
for (const d of sim.diagnostics) console.error(`${file}:${d.line}:${d.column}: ${d.severity}: ${d.message}`);
const t0 = performance.now();
sim.run(durationUs);
const wallMs = Math.round(performance.now() - t0);
if (json) console.log(JSON.stringify(jsonReport(sim, wallMs), null, 2));
else console.log(describeReport(sim, { file, seed, duration: formatDuration(durationUs), wallMs }));

/**
 * `npm run sim -- <topology.mmd> [--seed N] [--duration 60s] [--fault '<time> <action> <target> [args]']... [--json]`
 *
 * Runs a topology headless and prints what happened: messages at each stage, what was lost, duplicated or
 * reordered (with the ids that prove it), consumer lag, latency percentiles, checkouts, and when partitions or
 * writes were unavailable. `--json` prints one object instead.
 *
 * `--lesson 5` runs the topology as lesson 5 runs it (its seed, duration and faults) and then judges the lesson's
 * goals, as the app's Check does; the exit status is 1 when a goal is not met. A fault may name a service by a word
 * of its name, as lessons do: `--fault '30s crash {Billing}'`.
 */
import { readFileSync } from 'node:fs';
import { createSimulation, evaluateLesson, expandFaults, formatDuration, loadSchemaSupport, parseDuration, parseTopology, toFault } from '../engine/index.ts';
import { loadLesson } from './lessonLoad.ts';
import { describeReport, jsonReport } from './simReport.ts';

const USAGE =
  "usage: npm run sim -- <topology.mmd> [--seed N] [--duration 60s] [--fault '10s crash Kafka/2']... [--json]\n       npm run sim -- <topology.mmd> --lesson 5   (the lesson's run, then its goals judged)\n       npm run sim -- <topology.mmd> --search 200 [--property no-loss|no-missed|no-duplicates|order|checkout-within=<ms>|sagas-settled|lesson-goals --lesson N] [--workers N] [--json]";

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
let faults: string[] = [];
let lessonArg: string | undefined;
for (let i = 0; i < args.length; i++) {
  const a = args[i]!;
  const value = () => args[++i] ?? fail(`${a} needs a value\n${USAGE}`);
  if (a === '--seed') seed = Number(value());
  else if (a === '--duration') durationUs = parseDuration(value(), 1_000_000) ?? fail(`--duration: '${args[i]}' is not a duration like 60s\n${USAGE}`);
  else if (a === '--fault') faults.push(value());
  else if (a === '--json') json = true;
  else if (a === '--lesson') lessonArg = value();
  else if (a === '--help' || a === '-h') {
    console.log(USAGE);
    process.exit(0);
  } else if (a.startsWith('--')) fail(`unknown option ${a}\n${USAGE}`);
  else file = a;
}
if (!file) fail(USAGE);
if (!Number.isInteger(seed)) fail('--seed must be a whole number');
if (lessonArg !== undefined && (faults.length > 0 || args.includes('--seed') || args.includes('--duration'))) {
  fail("--lesson runs the lesson's own seed, duration and faults: leave out --seed, --duration and --fault");
}

const loaded = lessonArg === undefined ? undefined : await loadLesson(lessonArg);
if (typeof loaded === 'string') fail(loaded);
const lesson = loaded;
if (lesson) {
  seed = lesson.lesson.run.seed;
  durationUs = lesson.lesson.run.durationS * 1_000_000;
  faults = [...lesson.lesson.run.faults];
}

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
// `{Billing}` names every service whose id or label holds the word, as in a lesson's faults.
const expanded = expandFaults(faults, parsed.topology);
for (const u of expanded.unmatched) fail(`--fault '${u.line}': no service's id or label contains '${u.matcher.slice(1, -1)}'`);
faults = expanded.lines;
for (const f of faults) {
  const parsedFault = toFault(f);
  if (typeof parsedFault === 'string') fail(`--fault '${f}': ${parsedFault}`);
}

const sim = createSimulation(parsed.topology, { seed, faults });
for (const d of sim.diagnostics) console.error(`${file}:${d.line}:${d.column}: ${d.severity}: ${d.message}`);
const t0 = performance.now();
sim.run(durationUs);
const wallMs = Math.round(performance.now() - t0);
// The goals are judged on a run of their own, with the same seed and faults: the same history as the report's.
const judged = lesson ? evaluateLesson(text, lesson.lesson) : undefined;
const goals = lesson && judged ? lesson.lesson.goals.map((g, i) => ({ id: g.id, text: g.text, pass: judged.results[i]!.pass, explanation: judged.results[i]!.explanation })) : undefined;
if (json) console.log(JSON.stringify(goals ? { ...jsonReport(sim, wallMs), lesson: lesson!.dir, goals } : jsonReport(sim, wallMs), null, 2));
else {
  console.log(describeReport(sim, { file, seed, duration: formatDuration(durationUs), wallMs }));
  if (goals) {
    const met = goals.filter((g) => g.pass).length;
    console.log(`goals of lesson ${Number(lesson!.dir.slice(0, 2))}, ${lesson!.title}: ${met} of ${goals.length} met`);
    for (const g of goals) console.log(`  ${g.pass ? 'met    ' : 'NOT MET'} ${g.text}\n          ${g.explanation}`);
  }
}
if (goals?.some((g) => !g.pass)) process.exitCode = 1;

/**
 * `npm run sim -- <topology.mmd> --search <runs|60s> [--property no-loss|no-missed|no-duplicates|order|checkout-within=<ms>
 *  |sagas-settled|lesson-goals] [--lesson N] [--seed N] [--duration 30s] [--faults broker,leader,consumer,split,controller,
 *  service,slow] [--workers N|auto] [--json]`
 *
 * Searches fault schedules for a run that breaks the property (engine/search/), shrinks the first one found, and
 * prints it as the fault lines that replay it with `npm run sim`. With `--workers N` the runs are shared among N
 * processes as the app shares them among its workers (engine/search/scan.ts): the first failing run is the same one a
 * single process finds, so the answer does not depend on the number of processes, only the wall time does.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { expandFaults, formatDuration, parseDuration, parseTopology, type Topology } from '../engine/index.ts';
import { propertiesFor, sendsCheckouts, type Property } from '../engine/search/properties.ts';
import { runScan, type ScanJob } from '../engine/search/scan.ts';
import { FAULT_KINDS, PROPERTIES, defaultKinds, describeRun, faultVocabulary, runLength, search, shrink, type FaultKind, type PropertyName, type Run, type SearchResult, type Violation } from '../engine/search/search.ts';
import { createSimulation } from '../engine/simulation.ts';
import { loadLesson } from './lessonLoad.ts';

const USAGE =
  'usage: npm run sim -- <topology.mmd> --search <runs|60s> [--property no-loss|no-missed|no-duplicates|order|checkout-within=<ms>|sagas-settled|lesson-goals] [--lesson N] [--seed N] [--duration 30s] [--faults broker,leader,consumer,split,controller,service,slow] [--workers N|auto] [--json]';

/** The properties as `--property` takes them. */
const PROPERTY_WORDS = PROPERTIES.map((p) => (p === 'checkout-within' ? 'checkout-within=<ms>' : p === 'lesson-goals' ? 'lesson-goals (with --lesson N)' : p));

/** `checkout-within=500` (or `=2s`), or a property's name; a message listing the valid ones otherwise. */
export function parseProperty(v: string): Property | string {
  const within = /^checkout-within(?:=(.*))?$/.exec(v);
  if (within) {
    const raw = within[1] ?? '';
    const us = /^\d+(\.\d+)?$/.test(raw) ? Number(raw) * 1000 : parseDuration(raw);
    if (us === undefined || !(us > 0)) return `--property checkout-within needs its limit: checkout-within=500 (milliseconds) or checkout-within=2s, not '${v}'`;
    return { name: 'checkout-within', withinMs: us / 1000 };
  }
  if (!PROPERTIES.includes(v as PropertyName)) return `--property is one of ${PROPERTY_WORDS.join(', ')}, not '${v}'`;
  return { name: v as PropertyName };
}

/** What a search process and the one that started it say to each other. */
type ToWorker = { type: 'job'; text: string; job: ScanJob } | { type: 'limit'; value: number };
type FromWorker = { type: 'step'; index: number; run: Run; violation?: Violation; seen?: string[]; hit?: string[] } | { type: 'done'; tried: number };

/** A search process's side: runs its share of the job it is sent, reports each run, obeys new limits, then exits. */
export async function searchWorker(): Promise<never> {
  let limit = Number.MAX_SAFE_INTEGER;
  const job = await new Promise<{ text: string; job: ScanJob }>((resolve) => {
    process.on('message', (m: ToWorker) => {
      if (m.type === 'job') resolve(m);
      else limit = Math.min(limit, m.value);
    });
  });
  const topology = parseTopology(job.text).topology;
  const send = (m: FromWorker) => new Promise<void>((resolve) => process.send!(m, undefined, {}, () => resolve()));
  const tried = await runScan(topology, job.job, (s) => void send({ type: 'step', index: s.index, run: s.run, violation: s.violation, seen: s.seen, hit: s.hit }), () => limit, () => new Promise((r) => setImmediate(r)));
  await send({ type: 'done', tried });
  process.exit(0);
}

/**
 * The search shared among `workers` processes: each runs the indices i ≡ k (mod workers); a violation at index i stops
 * the others past i, and the lowest failing index wins. Shrinking runs here, after, as `search` does it.
 */
async function searchInProcesses(text: string, topology: Topology, opts: { property: Property; budget: number; timeBudgetMs?: number; seed: number; durationUs: number; kinds?: FaultKind[] }, workers: number): Promise<SearchResult> {
  const t0 = performance.now();
  const vocabulary = faultVocabulary(createSimulation(topology, { traceCapacity: 16 }).spec, opts.kinds ?? defaultKinds(opts.property.name));
  const result: SearchResult = { property: opts.property.name, runs: 0, shrinkRuns: 0, wallMs: 0, vocabulary, guidedRuns: 0, coverage: { moments: [], covered: [] } };
  const seen = new Set<string>();
  const hit = new Set<string>();
  if (vocabulary.length > 0) {
    let best: { index: number; run: Run; violation: Violation; at: number } | null = null;
    let tried = 0;
    const children: ChildProcess[] = [];
    const broadcast = (value: number) => {
      for (const c of children) if (c.connected) c.send({ type: 'limit', value } satisfies ToWorker);
    };
    const timer = opts.timeBudgetMs === undefined ? null : setTimeout(() => broadcast(-1), opts.timeBudgetMs);
    await Promise.all(
      Array.from({ length: workers }, (_, worker) => new Promise<void>((resolve, reject) => {
        const child = fork(process.argv[1]!, [], { env: { ...process.env, EVENTLAB_SEARCH_WORKER: '1' }, execArgv: process.execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
        children.push(child);
        child.on('message', (m: FromWorker) => {
          if (m.type === 'step') {
            tried++;
            for (const p of m.seen ?? []) seen.add(p);
            for (const p of m.hit ?? []) hit.add(p);
            if (m.violation && (!best || m.index < best.index)) {
              best = { index: m.index, run: m.run, violation: m.violation, at: performance.now() - t0 };
              broadcast(m.index);
            }
          }
        });
        child.on('error', reject);
        child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`search process ${worker} exited with ${code}`))));
        const job: ScanJob = { property: opts.property, seed: opts.seed, budget: opts.budget, durationUs: opts.durationUs, kinds: opts.kinds, workers, worker };
        child.send({ type: 'job', text, job } satisfies ToWorker);
      })),
    ).finally(() => timer && clearTimeout(timer));
    const found = best as { index: number; run: Run; violation: Violation; at: number } | null;
    // Coverage over the runs tried (those past a lower failing index included, as they were run).
    result.coverage = { moments: [...seen].sort(), covered: [...hit].sort() };
    // The runs a single process would have tried: up to the failing one, or all that were tried.
    result.runs = found ? found.index + 1 : tried;
    if (found) {
      result.found = { run: found.run, violation: found.violation };
      result.firstMs = found.at;
      const s = shrink(topology, found.run, opts.property, 300);
      result.shrunk = { run: s.run, violation: s.violation };
      result.shrinkRuns = s.runs;
    }
  }
  result.wallMs = performance.now() - t0;
  return result;
}

/** Runs the search the arguments describe; returns the exit code (1 when a counterexample was found). */
export async function searchCli(args: string[]): Promise<number> {
  let file: string | undefined;
  let budget = 100;
  let timeBudgetMs: number | undefined;
  let property: Property | undefined;
  let lessonArg: string | undefined;
  let seed = 1;
  let durationUs = 30_000_000;
  let kinds: FaultKind[] | undefined;
  let json = false;
  let workers = 1;
  const fail = (message: string): never => {
    throw new Error(message);
  };
  try {
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      const value = () => args[++i] ?? fail(`${a} needs a value`);
      if (a === '--search') {
        const v = value();
        if (/^\d+$/.test(v)) budget = Number(v);
        else {
          const us = parseDuration(v, 1_000_000) ?? fail(`--search takes a number of runs or a wall time like 60s, not '${v}'`);
          timeBudgetMs = us / 1000;
          budget = Number.MAX_SAFE_INTEGER;
        }
      } else if (a === '--property') {
        const p = parseProperty(value());
        property = typeof p === 'string' ? fail(p) : p;
      } else if (a === '--lesson') lessonArg = value();
      else if (a === '--seed') seed = Number(value());
      else if (a === '--duration') durationUs = parseDuration(value(), 1_000_000) ?? fail(`--duration: '${args[i]}' is not a duration like 30s`);
      else if (a === '--faults') {
        kinds = value().split(',') as FaultKind[];
        const bad = kinds.find((k) => !FAULT_KINDS.includes(k));
        if (bad) fail(`--faults takes ${FAULT_KINDS.join(', ')}, not '${bad}'`);
      } else if (a === '--workers') {
        const v = value();
        workers = v === 'auto' ? Math.max(1, availableParallelism() - 1) : Number(v);
        if (!Number.isInteger(workers) || workers < 1) fail(`--workers takes a whole number of processes or auto, not '${v}'`);
      } else if (a === '--json') json = true;
      else if (a.startsWith('--')) fail(`unknown option ${a} with --search`);
      else file = a;
    }
    if (!file) fail('no topology file');
    if (!Number.isInteger(seed)) fail('--seed must be a whole number');
    // A lesson's goals are what a search with --lesson checks unless told otherwise.
    property ??= { name: lessonArg !== undefined ? 'lesson-goals' : 'no-loss' };
    if (property.name === 'lesson-goals' && lessonArg === undefined) fail('--property lesson-goals needs the lesson: add --lesson N');
    if (lessonArg !== undefined && property.name !== 'lesson-goals') fail(`--lesson goes with --property lesson-goals, not ${property.name}`);
    if (property.name === 'lesson-goals' && args.includes('--duration')) fail("--property lesson-goals runs the lesson's own length: leave out --duration");
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(file!, 'utf8');
  } catch (e) {
    console.error(`cannot read ${file}: ${(e as Error).message}`);
    return 2;
  }
  const parsed = parseTopology(text);
  for (const d of parsed.diagnostics) console.error(`${file}:${d.line}:${d.column}: ${d.severity}: ${d.message}`);
  if (!parsed.ok) {
    console.error(`${file} has errors; nothing was searched.`);
    return 2;
  }
  if (lessonArg !== undefined) {
    const loaded = await loadLesson(lessonArg);
    if (typeof loaded === 'string') {
      console.error(loaded);
      return 2;
    }
    property = { ...property!, lesson: loaded.lesson };
  }
  const prop = property!;
  // Only what makes sense for this design: no checkouts to time where nothing sends any, no sagas to settle without sagas.
  const spec = createSimulation(parsed.topology, { traceCapacity: 16 }).spec;
  if (!propertiesFor(spec, { lesson: prop.lesson !== undefined }).includes(prop.name)) {
    const why = prop.name === 'checkout-within' && !sendsCheckouts(spec) ? 'nothing in it sends checkouts (no client calls a service, no service originates events at a rate)' : 'it has no saga';
    console.error(`${file}: --property ${prop.name} does not apply: ${why}. It can be searched for ${propertiesFor(spec).join(', ')}.`);
    return 2;
  }
  durationUs = runLength(prop, durationUs);
  const r =
    workers > 1
      ? await searchInProcesses(text, parsed.topology, { property: prop, budget, timeBudgetMs, seed, durationUs, kinds }, workers)
      : search(parsed.topology, { property: prop, budget, timeBudgetMs, seed, durationUs, kinds, clock: () => performance.now() });
  // A lesson's own faults run under the search's: the replay needs them too.
  const base = prop.lesson ? expandFaults(prop.lesson.run.faults, parsed.topology).lines : [];
  const replay = (run: { seed: number; durationUs: number; faults: string[] }) =>
    `npm run sim -- ${file} --seed ${run.seed} --duration ${formatDuration(run.durationUs).replace(/\s/g, '')} ${[...base, ...run.faults].map((f) => `--fault '${f}'`).join(' ')}`;
  const named = prop.name === 'checkout-within' ? `checkout-within=${prop.withinMs}ms` : prop.name;
  if (json) {
    console.log(
      JSON.stringify(
        {
          file,
          property: prop.name,
          withinMs: prop.withinMs,
          lesson: lessonArg,
          searchSeed: seed,
          workers,
          runs: r.runs,
          shrinkRuns: r.shrinkRuns,
          wallMs: Math.round(r.wallMs),
          firstCounterexampleMs: r.firstMs === undefined ? null : Math.round(r.firstMs),
          vocabulary: r.vocabulary.map((e) => e.fault),
          guidedRuns: workers > 1 ? undefined : r.guidedRuns,
          coverage: { covered: r.coverage.covered.length, moments: r.coverage.moments.length, hit: r.coverage.covered, seen: r.coverage.moments },
          found: r.found ?? null,
          shrunk: r.shrunk ? { ...r.shrunk, story: describeRun(r.shrunk.run, r.shrunk.violation), replay: replay(r.shrunk.run) } : null,
        },
        null,
        2,
      ),
    );
  } else {
    const lines = [`${file}: searched ${named}${prop.lesson ? ` (lesson ${lessonArg}'s goals, with its faults)` : ''} with ${r.vocabulary.length} faults to draw from (search seed ${seed}${workers > 1 ? `, ${workers} processes` : ''})`];
    lines.push(`  runs tried: ${r.runs}${r.shrunk ? ` (+${r.shrinkRuns} shrinking)` : ''}, ${(r.wallMs / 1000).toFixed(1)} s wall${r.firstMs !== undefined ? `, first counterexample after ${(r.firstMs / 1000).toFixed(2)} s` : ''}`);
    if (r.coverage.moments.length > 0) lines.push(`  moments covered: ${r.coverage.covered.length} of ${r.coverage.moments.length} (kind and component the checkers saw, hit by a fault)`);
    if (!r.found) lines.push(`  no run broke ${named}: the design survived ${r.runs} schedules in ${(r.wallMs / 1000).toFixed(1)} s`);
    else {
      lines.push(`  found:  ${describeRun(r.found.run, r.found.violation)}`);
      const s = r.shrunk ?? r.found;
      lines.push(`  shrunk: ${describeRun(s.run, s.violation)}`);
      lines.push(`  replay: ${replay(s.run)}`);
    }
    console.log(lines.join('\n'));
  }
  return r.found ? 1 : 0;
}

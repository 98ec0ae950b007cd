/**
 * `npm run sim -- <topology.mmd> --search <runs|60s> [--property no-loss|no-duplicates|order] [--seed N]
 *  [--duration 30s] [--faults broker,leader,consumer,split,controller] [--json]`
 *
 * Searches fault schedules for a run that breaks the property (engine/search/), shrinks the first one found, and
 * prints it as the fault lines that replay it with `npm run sim`.
 */
import { readFileSync } from 'node:fs';
import { formatDuration, parseDuration, parseTopology } from '../engine/index.ts';
import { FAULT_KINDS, PROPERTIES, describeRun, search, type FaultKind, type PropertyName } from '../engine/search/search.ts';

const USAGE =
  'usage: npm run sim -- <topology.mmd> --search <runs|60s> [--property no-loss|no-duplicates|order] [--seed N] [--duration 30s] [--faults broker,leader,consumer,split,controller] [--json]';

/** Runs the search the arguments describe; returns the exit code (1 when a counterexample was found). */
export function searchCli(args: string[]): number {
  let file: string | undefined;
  let budget = 100;
  let timeBudgetMs: number | undefined;
  let property: PropertyName = 'no-loss';
  let seed = 1;
  let durationUs = 30_000_000;
  let kinds: FaultKind[] | undefined;
  let json = false;
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
        const v = value();
        if (!PROPERTIES.includes(v as PropertyName)) fail(`--property is one of ${PROPERTIES.join(', ')}, not '${v}'`);
        property = v as PropertyName;
      } else if (a === '--seed') seed = Number(value());
      else if (a === '--duration') durationUs = parseDuration(value(), 1_000_000) ?? fail(`--duration: '${args[i]}' is not a duration like 30s`);
      else if (a === '--faults') {
        kinds = value().split(',') as FaultKind[];
        const bad = kinds.find((k) => !FAULT_KINDS.includes(k));
        if (bad) fail(`--faults takes ${FAULT_KINDS.join(', ')}, not '${bad}'`);
      } else if (a === '--json') json = true;
      else if (a.startsWith('--')) fail(`unknown option ${a} with --search`);
      else file = a;
    }
    if (!file) fail('no topology file');
    if (!Number.isInteger(seed)) fail('--seed must be a whole number');
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
  const r = search(parsed.topology, { property, budget, timeBudgetMs, seed, durationUs, kinds, clock: () => performance.now() });
  const replay = (run: { seed: number; durationUs: number; faults: string[] }) =>
    `npm run sim -- ${file} --seed ${run.seed} --duration ${formatDuration(run.durationUs).replace(/\s/g, '')} ${run.faults.map((f) => `--fault '${f}'`).join(' ')}`;
  if (json) {
    console.log(
      JSON.stringify(
        {
          file,
          property,
          searchSeed: seed,
          runs: r.runs,
          shrinkRuns: r.shrinkRuns,
          wallMs: Math.round(r.wallMs),
          firstCounterexampleMs: r.firstMs === undefined ? null : Math.round(r.firstMs),
          vocabulary: r.vocabulary.map((e) => e.fault),
          found: r.found ?? null,
          shrunk: r.shrunk ? { ...r.shrunk, story: describeRun(r.shrunk.run, r.shrunk.violation), replay: replay(r.shrunk.run) } : null,
        },
        null,
        2,
      ),
    );
  } else {
    const lines = [`${file}: searched ${property} with ${r.vocabulary.length} faults to draw from (search seed ${seed})`];
    lines.push(`  runs tried: ${r.runs}${r.shrunk ? ` (+${r.shrinkRuns} shrinking)` : ''}, ${(r.wallMs / 1000).toFixed(1)} s wall${r.firstMs !== undefined ? `, first counterexample after ${(r.firstMs / 1000).toFixed(2)} s` : ''}`);
    if (!r.found) lines.push(`  no run broke ${property}: the design survived ${r.runs} schedules in ${(r.wallMs / 1000).toFixed(1)} s`);
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

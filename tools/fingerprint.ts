/**
 * `npm run fingerprint [-- --out file.json]`: what every run of a corpus does, event by event, in a form that does
 * not depend on how the engine numbers its events or trace kinds: per run, a hash of the (time, event name) sequence,
 * a hash of the trace in words, and the final report. Run it on two commits and diff the files: a refactoring that
 * must not change behaviour (the engine seam) must give identical output.
 *
 * The corpus: the docs' topologies, the examples, every lesson's starter and solution, the benchmark topology, and
 * property scenarios, each under no fault, a broker crash and restart, a split, and a consumer crash.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkHistory, createSimulation, describeEntry, parseTopology } from '../engine/index.ts';
import { entries } from '../engine/history/trace.ts';
import { kindName, step } from '../engine/sim/loop.ts';
import { peekTime } from '../engine/sim/queue.ts';
import { clusterScenario } from '../engine/testing/clusterProperty.ts';
import { benchTopology } from '../bench/topology.ts';

const args = process.argv.slice(2);
const out = args.includes('--out') ? args[args.indexOf('--out') + 1]! : '';

const files: [string, string][] = [];
const add = (dir: string, pick: (f: string) => boolean) => {
  for (const f of readdirSync(dir).sort()) if (pick(f)) files.push([join(dir, f), readFileSync(join(dir, f), 'utf8')]);
};
add('docs/topologies', (f) => f.endsWith('.mmd'));
add('app/examples', (f) => f.endsWith('.mmd'));
for (const d of readdirSync('lessons').sort()) if (/^\d\d-/.test(d)) add(join('lessons', d), (f) => f === 'starter.mmd' || f === 'solution.mmd');
files.push(['bench', benchTopology(20_000)]);
for (const seed of [1, 2, 3, 1173]) files.push([`cluster-${seed}`, clusterScenario(seed).text]);

function fnv(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function faultsFor(text: string): string[][] {
  const t = parseTopology(text).topology;
  const kafka = t.nodes.find((n) => n.kind === 'kafka')?.id;
  const consumer = t.edges.find((e) => e.kind === 'subscribe')?.to;
  const schedules: string[][] = [[]];
  if (kafka) schedules.push([`5s crash ${kafka}/2`, `15s restart ${kafka}/2`], [`5s partition ${kafka}/1 | ${kafka}/2,${kafka}/3,${kafka}/controller`, `12s heal`]);
  if (consumer) schedules.push([`6s crash ${consumer}`, `9s restart ${consumer}`]);
  return schedules;
}

const result: Record<string, unknown> = {};
const t0 = performance.now();
for (const [name, text] of files) {
  const parsed = parseTopology(text);
  if (!parsed.ok) continue;
  for (const faults of faultsFor(text)) {
    let sim;
    try {
      sim = createSimulation(parsed.topology, { seed: 7, faults, traceCapacity: 1 << 20 });
    } catch (e) {
      result[`${name} | ${faults.join(', ')}`] = { error: (e as Error).message };
      continue;
    }
    const w = sim.world;
    let events = 0x811c9dc5;
    while (peekTime(w.queue) <= 20_000_000) {
      const kind = w.queue.kind[w.queue.heap[0]!]!;
      events = fnv(events, `${peekTime(w.queue)} ${kindName(kind)};`);
      step(w);
    }
    let trace = 0x811c9dc5;
    for (const e of entries(w.trace)) trace = fnv(trace, `${e.time} ${describeEntry(w, e).text};`);
    const h = checkHistory(w);
    result[`${name} | ${faults.join(', ')}`] = {
      events: w.events,
      eventHash: events.toString(16),
      traceHash: trace.toString(16),
      report: sim.metrics(),
      lost: h.lost.count,
      duplicated: h.duplicated.count,
      reordered: h.reordered.count,
      diagnostics: sim.diagnostics.map((d) => d.message),
    };
  }
}
const json = JSON.stringify(result, (k, v) => (k === 'wallMs' ? undefined : v), 1);
if (out) writeFileSync(out, json);
else console.log(json);
console.error(`fingerprint: ${Object.keys(result).length} runs in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

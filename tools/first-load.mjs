#!/usr/bin/env node
// What a first visit downloads, after `vite build`: the main thread's JavaScript (the page's module scripts, the entry
// and the chunks vite lists beside it, and every chunk they import statically, as the browser must fetch them before
// the app runs), the engine worker's (its entry and its static imports), and the stylesheets, each raw and gzipped (level 9, exact bytes). Chunks loaded on use (mermaid,
// uPlot, the dock's panels, the lessons, Avro) are summed apart.
//
//   node tools/first-load.mjs [--dir dist] [--check]
//
// With --check it fails (exit 1) when the main thread's or the worker's first-load JavaScript passes its budget,
// below: the one place the budgets live (the README states them). Sizes are exact, so this may fail a test; timings
// never do (they go in npm run bench). Issue 18's targets (tools/chunks.mjs) are 200 KB for the main thread and 100 KB
// for the worker.
import { readdirSync } from 'node:fs';
import { buildDir, kb, moduleScripts, TARGET } from './chunks.mjs';

/**
 * Budgets in bytes of gzip (level 9): what the first load measured when they were set, with about a KiB to spare, so
 * a few bytes of another chunk's hash do not fail a test. Lower them when a change makes the first load smaller, so it
 * stays there. The main thread's was 294,912 B until its own first-screen code became one chunk instead of some forty
 * (282,923 B measured), then 284,160 B until the nodes' idle row stopped pulling in every live row (281,747 B). The
 * worker's was raised from 48,128 B when the parsing of retry topics, partitions added live, processing threads,
 * upcasting and inline projections came to 802 B more, and to 50,176 B when the transactions' settings (49,174 B
 * measured) came.
 */
export const BUDGET = { main: 282_880, worker: 50_176 };

const args = process.argv.slice(2);
const dir = args.includes('--dir') ? args[args.indexOf('--dir') + 1] : (process.env.E2E_OUTDIR ?? 'dist');
const check = args.includes('--check');

const { read, gz, closure } = buildDir(dir);

const html = read('index.html').toString('utf8');
const entries = moduleScripts(html);
if (entries.length === 0) throw new Error(`${dir}/index.html has no module script`);
const assets = readdirSync(`${dir}/assets`);
const workers = assets.filter((f) => /^worker-.*\.js$/.test(f)).map((f) => `assets/${f}`);
if (workers.length !== 1) throw new Error(`expected one engine worker in ${dir}/assets, found ${workers.length}`);
const main = closure(...entries);
const worker = closure(workers[0]);
const css = [...html.matchAll(/href="\.\/(assets\/[^"]+\.css)"/g)].map((m) => m[1]);

const sum = (files) => files.reduce((s, f) => s + gz(f), 0);
const show = (title, files) => {
  console.log(title);
  for (const f of [...files].sort((a, b) => gz(b) - gz(a))) console.log(`  ${f.padEnd(46)} ${kb(read(f).length).padStart(10)} ${kb(gz(f)).padStart(10)} gzip`);
};
show('main thread, JavaScript', main);
show('engine worker, JavaScript', worker);
show('stylesheets', css);
const totals = { main: sum(main), worker: sum(worker) };
const lazy = assets.filter((f) => f.endsWith('.js') && !main.includes(`assets/${f}`) && !worker.includes(`assets/${f}`)).map((f) => `assets/${f}`);
console.log('');
for (const part of /** @type {const} */ (['main', 'worker'])) {
  const over = totals[part] > BUDGET[part];
  console.log(`${`${part === 'main' ? 'main thread' : 'worker'} first load`.padEnd(24)} ${kb(totals[part]).padStart(9)} gzip (${totals[part]} B; budget ${BUDGET[part]} B${over ? ', OVER' : ''}; target ${kb(TARGET[part])}${totals[part] <= TARGET[part] ? ', met' : ', not yet met'})`);
}
console.log(`${'stylesheets'.padEnd(24)} ${kb(sum(css)).padStart(9)} gzip`);
console.log(`${`loaded on use (${lazy.length} chunks)`.padEnd(24)} ${kb(sum(lazy)).padStart(9)} gzip`);

if (check) {
  const over = ['main', 'worker'].filter((part) => totals[part] > BUDGET[part]);
  if (over.length) {
    console.error(`first-load JavaScript over budget: ${over.map((p) => `${p} ${totals[p]} B > ${BUDGET[p]} B`).join('; ')} (tools/first-load.mjs). Load what the first screen does not need on use (a dynamic import).`);
    process.exit(1);
  }
  console.log('first-load JavaScript within budget');
}

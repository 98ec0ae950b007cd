#!/usr/bin/env node
// Reports what a first visit downloads (after `vite build`): the entry script, its static imports, the stylesheet and
// the engine worker, raw and gzipped. Lazily loaded chunks (mermaid and the Preview tab) are listed apart.
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const html = readFileSync('dist/index.html', 'utf8');
const initial = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
const worker = readdirSync('dist/assets').filter((f) => /^worker-.*\.js$/.test(f)).map((f) => `assets/${f}`);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
let raw = 0;
let gz = 0;
for (const file of [...initial, ...worker]) {
  const bytes = readFileSync(`dist/${file}`);
  const zipped = gzipSync(bytes, { level: 9 }).length;
  raw += bytes.length;
  gz += zipped;
  console.log(`${file.padEnd(44)} ${kb(bytes.length).padStart(10)} ${kb(zipped).padStart(10)} gzip`);
}
console.log(`${'first load, total'.padEnd(44)} ${kb(raw).padStart(10)} ${kb(gz).padStart(10)} gzip`);
const lazy = readdirSync('dist/assets').filter((f) => f.endsWith('.js') && !initial.includes(`assets/${f}`) && !worker.includes(`assets/${f}`));
const lazyGz = lazy.reduce((sum, f) => sum + gzipSync(readFileSync(`dist/assets/${f}`), { level: 9 }).length, 0);
console.log(`${`loaded on demand (${lazy.length} chunks, mermaid)`.padEnd(44)} ${''.padStart(10)} ${kb(lazyGz).padStart(10)} gzip`);

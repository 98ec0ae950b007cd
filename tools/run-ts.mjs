#!/usr/bin/env node
// Runs a TypeScript entry point at full speed: bundles it with esbuild into one ES module (no per-import
// getters, as a loader like tsx adds) and imports it. Used by `npm run sim`, `npm run bench` and `npm run soak`.
// Usage: node tools/run-ts.mjs <entry.ts> [args...]
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node tools/run-ts.mjs <entry.ts> [args...]');
  process.exit(2);
}
const outdir = resolve('node_modules/.cache/eventlab');
mkdirSync(outdir, { recursive: true });
const outfile = resolve(outdir, `${basename(entry, '.ts')}.mjs`);
await build({
  entryPoints: [entry],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outfile,
  logLevel: 'error',
  sourcemap: 'inline',
  // esbuild runs its own binary, found from its package's path: a script that bundles on the spot imports it as is.
  external: ['esbuild'],
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});
process.argv = [process.argv[0], outfile, ...args];
await import(pathToFileURL(outfile).href);

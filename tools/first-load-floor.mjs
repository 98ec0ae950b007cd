#!/usr/bin/env node
// The floor under issue 18's first-load target: the gzip of two pages that hold nothing but the three libraries the
// first screen must show (React DOM, CodeMirror, React Flow), built by vite as the app is. `bare` uses each as little
// as it can be used; `usable` adds what makes them an editor and a canvas (line numbers, keys, highlighting, the
// canvas's background and zoom buttons). Whatever the app adds to its first screen comes on top.
//
//   node tools/first-load-floor.mjs        (npm run size:floor)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDir, kb, moduleScripts, TARGET } from './chunks.mjs';

const config = new URL('./first-load-floor/vite.config.ts', import.meta.url).pathname;

for (const page of ['bare', 'usable']) {
  const out = mkdtempSync(join(tmpdir(), `floor-${page}-`));
  try {
    const build = spawnSync('npx', ['vite', 'build', '--config', config], { stdio: 'inherit', env: { ...process.env, FLOOR_PAGE: page, FLOOR_OUT: out } });
    if (build.status !== 0) process.exit(build.status ?? 1);
    const { read, gz, closure } = buildDir(out);
    const bytes = closure(...moduleScripts(read(`${page}.html`).toString('utf8'))).reduce((sum, f) => sum + gz(f), 0);
    const room = TARGET.main - bytes;
    const verdict = room >= 0 ? `leaves ${kb(room)} of issue 18's 200 KB for all the rest of the first screen` : `passes issue 18's 200 KB by ${kb(-room)} before any code of the app's own`;
    console.log(`${page.padEnd(7)} ${kb(bytes).padStart(9)} gzip (${bytes} B): ${verdict}`);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

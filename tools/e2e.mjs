#!/usr/bin/env node
// Runs the end-to-end specs: finds a Chromium (Debian's /usr/bin/chromium, else Playwright's own, installing it
// when missing), builds the app, then runs Playwright. Extra arguments go to `playwright test`.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

const system = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
if (system) {
  console.log(`e2e: using ${system}`);
} else {
  const { chromium } = await import('@playwright/test');
  if (!existsSync(chromium.executablePath())) {
    console.log("e2e: no Chromium found; installing Playwright's own (npx playwright install chromium)");
    run('npx', ['playwright', 'install', 'chromium']);
  }
  console.log(`e2e: using ${chromium.executablePath()}`);
}

run('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', process.env.E2E_OUTDIR ?? 'dist']);
run('npx', ['playwright', 'test', ...process.argv.slice(2)]);

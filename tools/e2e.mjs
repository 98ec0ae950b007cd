#!/usr/bin/env node
// Runs the end-to-end specs: finds a Chromium (Debian's /usr/bin/chromium, else Playwright's own, installing it
// when missing), builds the app, then runs Playwright. Extra arguments go to `playwright test`.
import { existsSync, readFileSync } from 'node:fs';
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
const outDir = process.env.E2E_OUTDIR ?? 'dist';
const report = `${outDir === 'dist' ? 'test-results' : `test-results-${outDir}`}/e2e-report.json`;

/** The slowest tests of the run (every attempt counted), from Playwright's JSON report: where the e2e time goes. */
const slowest = (count) => {
  if (!existsSync(report)) return;
  const tests = [];
  const visit = (suite, file) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        const ms = (test.results ?? []).reduce((sum, r) => sum + (r.duration ?? 0), 0);
        tests.push({ name: `${spec.file ?? file}:${spec.line} ${spec.title}`, ms });
      }
    }
    for (const child of suite.suites ?? []) visit(child, suite.file ?? file);
  };
  for (const suite of JSON.parse(readFileSync(report, 'utf8')).suites ?? []) visit(suite, suite.file);
  const total = tests.reduce((s, t) => s + t.ms, 0);
  console.log(`e2e: ${tests.length} tests took ${(total / 1000).toFixed(0)} s in all; the slowest ${count}:`);
  for (const t of tests.sort((a, b) => b.ms - a.ms).slice(0, count)) console.log(`  ${(t.ms / 1000).toFixed(1).padStart(6)} s  ${t.name}`);
};

const r = spawnSync('npx', ['playwright', 'test', ...process.argv.slice(2)], { stdio: 'inherit', shell: process.platform === 'win32' });
slowest(15);
process.exit(r.status ?? 1);

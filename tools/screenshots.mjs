#!/usr/bin/env node
// Writes docs/screenshots/*.png of the real app, built and served as in production, with the practice template
// loaded: the drawing, the inspector, a parse error, mermaid's preview and an example; then the simulation playing,
// a fault, the partition inspector, the observation panels, and lesson 1 with its reading and the goals after a run.
// SCREENSHOT_PORT picks the port (else E2E_PORT, else 4180).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { observeShots } from './screenshots-observe.mjs';
import { playbackShots } from './screenshots-playback.mjs';
import { screenShots } from './screenshots-screens.mjs';

const port = Number(process.env.SCREENSHOT_PORT ?? process.env.E2E_PORT ?? 4180);
const out = 'docs/screenshots';
const executablePath = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
mkdirSync(out, { recursive: true });

const server = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort'], { stdio: 'ignore', detached: true });
const stop = () => {
  try {
    process.kill(-server.pid);
  } catch {
    // already gone
  }
};
process.on('exit', stop);

async function waitForServer() {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`http://localhost:${port}/`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the preview server did not start on port ${port}`);
}

await waitForServer();
const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
const shot = async (name) => {
  await page.waitForTimeout(400); // let fades and the fit-view settle
  await page.screenshot({ path: `${out}/${name}.png` });
  console.log(`screenshots: ${out}/${name}.png`);
};
const settled = () => page.getByTestId('parse-status').filter({ hasNotText: 'reading…' }).waitFor();

await page.goto(`http://localhost:${port}/`);
await settled();
await shot('editor');

await page.getByTestId('node-KafkaBroker').click();
await shot('inspector');

await page.locator('.cm-content').click();
await page.keyboard.press('Control+End');
await page.keyboard.type('\nPayments[Payment Service --> KafkaBroker');
await page.getByTestId('parse-error').waitFor();
await shot('parse-error');
for (let i = 0; i < 3; i++) await page.keyboard.press('Control+z');
await settled();

await page.getByTestId('tab-preview').click();
await page.getByTestId('preview-image').waitFor({ timeout: 30_000 });
await shot('preview');
await page.getByTestId('tab-text').click();

await page.getByTestId('examples').click();
await page.getByTestId('example-kafka-partitions-consumer-group').click();
await settled();
await shot('example-kafka-partitions');

/** Lesson 1 as a learner first sees it after pressing "Run and check": the reading beside the sandbox, the goals. */
async function lessonScreenshot() {
  await page.goto(`http://localhost:${port}/#/lessons/01-decouple-the-checkout`);
  await settled();
  await page.getByTestId('reading-diagram').first().waitFor({ timeout: 30_000 });
  await page.getByTestId('lesson-run').click();
  await page.locator('[data-testid="goal-checkouts"][data-state="fail"]').waitFor({ timeout: 30_000 });
  // Show the reading from its first diagram, with the learner's figures further down.
  await page.getByTestId('reading-diagram').first().evaluate((el) => {
    const reading = el.closest('.lesson-scroll');
    if (reading) reading.scrollTop += el.getBoundingClientRect().top - reading.getBoundingClientRect().top - 40;
  });
  await shot('lesson');
}

// The lesson first, while the dock is as a new learner finds it; the observation shots resize it.
await lessonScreenshot();
await playbackShots({ page, shot, base: `http://localhost:${port}/` });
await observeShots({ page, shot, base: `http://localhost:${port}/` });
await screenShots({ browser, base: `http://localhost:${port}/`, out });

await browser.close();
stop();

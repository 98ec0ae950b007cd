/**
 * `npm run bench:ui`: how smooth the app stays while the simulation runs flat out, and how fast it scrubs.
 *
 * Builds and serves the app as in production, opens the generated topology of 300 nodes and 500 edges
 * (bench/uiTopology.ts) in headless Chromium with the whole drawing in view, and plays at full speed:
 * - frame rate: requestAnimationFrame timestamps over a window after a warm-up, as frames per second per second;
 * - main-thread long tasks: PerformanceObserver('longtask') over the same window;
 * - seeking: the run goes on to 10 simulated minutes, then the timeline is clicked at several moments and each seek
 *   is timed from the click to the clock showing the new moment. The same is measured on a learner-sized topology
 *   (docs/topologies/orders-acks1.mmd), where a 10-minute run is quick to make.
 * Medians throughout. Writes its section of bench/RESULTS.md, keeping the engine's.
 * BENCH_UI_PORT picks the port (default 4190); BENCH_UI_SECONDS the measured window (default 20).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { chromium, type Page } from '@playwright/test';
import { encodeShare } from '../app/persistence/share.ts';
import { recordHistory, writeSection } from './results.ts';
import { uiBenchTopology } from './uiTopology.ts';

const port = Number(process.env.BENCH_UI_PORT ?? 4190);
const WINDOW_S = Number(process.env.BENCH_UI_SECONDS ?? 20);
const RUN_S = 600;
// Fifteen moments across the run, far from each other in turn (seven until 2026-12-06: too few for a steady median,
// as the snapshots the budget keeps lie nearer some of them than others from one change to the next).
const SEEKS_S = [60, 540, 270, 30, 435, 120, 330, 495, 15, 390, 210, 585, 165, 300, 90];
// Issue #18: a median seek under 1 s at 300 nodes and under 100 ms on orders-acks1.
const TARGET = { fps: 55, longTaskMs: 50, bigSeekMs: 1000, smallSeekMs: 100 };
const median = (xs: number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]! : NaN);

if (spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' }).status !== 0) process.exit(1);
const server = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort'], { stdio: 'ignore', detached: true });
const stopServer = () => {
  try {
    process.kill(-server.pid!);
  } catch {
    // already gone
  }
};
process.on('exit', stopServer);
for (let i = 0; i < 100; i++) {
  if (await fetch(`http://localhost:${port}/`).then((r) => r.ok, () => false)) break;
  await new Promise((r) => setTimeout(r, 200));
}

const executablePath = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
async function freshPage(): Promise<Page> {
  const p = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  // tsx keeps function names with an `__name` helper that the functions sent to the page would miss.
  await p.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  return p;
}
let page = await freshPage();

async function open(text: string, name: string) {
  await page.goto(`http://localhost:${port}/${encodeShare({ text, name })}`);
  await page.getByTestId('parse-status').filter({ hasNotText: 'reading…' }).waitFor({ timeout: 60_000 });
}

async function simSeconds(): Promise<number> {
  const t = ((await page.getByTestId('sim-time').textContent()) ?? '').trim();
  const m = /^(?:(\d+)m)?([\d.]+)s$/.exec(t);
  return m ? Number(m[1] ?? 0) * 60 + Number(m[2]) : 0;
}

async function playAtFullSpeed() {
  const slider = page.getByTestId('speed');
  await slider.fill(String(await slider.getAttribute('max')));
  await page.getByTestId('play').click();
}

async function runTo(seconds: number) {
  while ((await simSeconds()) < seconds) await page.waitForTimeout(500);
  await page.getByTestId('play').click();
  await page.getByTestId('play').and(page.locator('[aria-label="Play"]')).waitFor();
  // The frame asked for before the pause may still arrive: seeks start from a clock at rest.
  for (let last = ''; ; ) {
    await page.waitForTimeout(300);
    const now = (await page.getByTestId('sim-time').textContent()) ?? '';
    if (now === last) break;
    last = now;
  }
}

/** Frames per second (one figure per wall second) and long tasks, over `seconds` of the page running. */
async function measureSmoothness(p: Page, seconds: number): Promise<{ fps: number[]; longTasks: number[] }> {
  return p.evaluate(async (ms) => {
    const frames: number[] = [];
    const long: number[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) long.push(e.duration);
    });
    observer.observe({ type: 'longtask' });
    let on = true;
    const loop = (t: number) => {
      frames.push(t);
      if (on) requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
    await new Promise((r) => setTimeout(r, ms));
    on = false;
    observer.disconnect();
    const fps: number[] = [];
    const start = frames[0] ?? 0;
    for (let s = 0; s < Math.floor(ms / 1000); s++) fps.push(frames.filter((t) => t >= start + s * 1000 && t < start + (s + 1) * 1000).length);
    return { fps, longTasks: long };
  }, seconds * 1000);
}

/**
 * Clicks the timeline at `seconds` and times it until the clock shows that moment: `exact` once it is there with the
 * replay done (no "replaying to" left), `first` when the clock first showed something else than the moment left (the
 * nearest snapshot, on a long seek). The clock must reach the moment clicked (within two pixels of the timeline): a
 * late frame of the moment before, or of the pause that ended the run, is not the seek's answer.
 */
async function timeSeek(seconds: number): Promise<{ first: number; exact: number }> {
  const track = page.getByTestId('scrubber-track');
  const box = (await track.boundingBox())!;
  const head = Number(await track.getAttribute('aria-valuemax')) / 1e6;
  const span = Math.max(head, 10);
  await page.evaluate(
    ({ target, tolerance }) => {
      const clock = document.querySelector('[data-testid="sim-time"]')!;
      const bar = clock.parentElement!;
      const seconds = (text: string | null) => {
        const m = /^(?:(\d+)m)?([\d.]+)s$/.exec((text ?? '').trim());
        return m ? Number(m[1] ?? 0) * 60 + Number(m[2]) : NaN;
      };
      const w = window as unknown as { seekDone: Promise<{ first: number; exact: number }> };
      w.seekDone = new Promise((resolve) => {
        let t0 = 0;
        let first = 0;
        const before = clock.textContent;
        document.addEventListener('pointerdown', () => (t0 = performance.now()), { capture: true, once: true });
        new MutationObserver((_, mo) => {
          if (t0 === 0 || clock.textContent === before) return;
          const now = performance.now() - t0;
          first ||= now;
          if (bar.querySelector('[data-testid="sim-replaying"]') || Math.abs(seconds(clock.textContent) - target) > tolerance) return;
          mo.disconnect();
          resolve({ first, exact: now });
        }).observe(bar, { childList: true, characterData: true, subtree: true });
      });
    },
    { target: seconds, tolerance: (2 * span) / box.width },
  );
  await page.mouse.click(box.x + (box.width * seconds) / span, box.y + box.height / 2);
  return page.evaluate(() => (window as unknown as { seekDone: Promise<{ first: number; exact: number }> }).seekDone);
}

// 1. Smoothness with 300 nodes and 500 edges at full speed.
await open(uiBenchTopology(), 'ui-bench');
await page.getByTestId('counts').filter({ hasText: '300 nodes · 500 edges' }).waitFor();
await playAtFullSpeed();
await page.waitForTimeout(3000); // warm-up: the first frames, the JIT, the consumer groups forming
const smooth = await measureSmoothness(page, WINDOW_S);
const simAfterWindow = await simSeconds();
console.log(`bench:ui: ${WINDOW_S} s at full speed: median ${median(smooth.fps)} fps, ${smooth.longTasks.length} long tasks (max ${Math.round(Math.max(0, ...smooth.longTasks))} ms), simulated ${simAfterWindow.toFixed(1)} s`);

// 2. Seeking in a 10-minute run of the same topology.
const runStarted = performance.now();
await runTo(RUN_S);
const runWallS = (performance.now() - runStarted) / 1000 + WINDOW_S + 3;
const bigTimed: { first: number; exact: number }[] = [];
for (const s of SEEKS_S) bigTimed.push(await timeSeek(s));
const bigSeeks = bigTimed.map((x) => x.exact);
const bigFirst = bigTimed.map((x) => x.first);
console.log(`bench:ui: 300 nodes, 10-minute run made in ${Math.round(runWallS)} s; seeks ${bigSeeks.map((x) => Math.round(x)).join(', ')} ms (nearest snapshot shown after ${bigFirst.map((x) => Math.round(x)).join(', ')} ms)`);

// 3. Seeking in a 10-minute run of a learner-sized topology, in a page (and worker) of its own: the 300-node run's
// gigabyte of snapshots and chart series must not weigh on it.
await page.close();
page = await freshPage();
await open(readFileSync('docs/topologies/orders-acks1.mmd', 'utf8'), 'orders-acks1');
await playAtFullSpeed();
const smallStarted = performance.now();
await runTo(RUN_S);
const smallRunS = (performance.now() - smallStarted) / 1000;
const smallSeeks: number[] = [];
for (const s of SEEKS_S) smallSeeks.push((await timeSeek(s)).exact);
console.log(`bench:ui: orders-acks1, 10-minute run made in ${Math.round(smallRunS)} s; seeks ${smallSeeks.map((x) => Math.round(x)).join(', ')} ms`);

await browser.close();
stopServer();

const verdict = (ok: boolean) => (ok ? 'meets target' : 'MISSES target');
const fps = median(smooth.fps);
const longMax = Math.max(0, ...smooth.longTasks);
const section = [
  '# UI benchmark',
  '',
  `Measured ${new Date().toISOString().slice(0, 10)} by \`npm run bench:ui\` (bench/ui.bench.ts) in headless Chromium (software rendering, 1440×900) on ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB.`,
  '',
  `Topology: bench/uiTopology.ts, 300 nodes and 500 edges (8 Kafka clusters with 24 topics of 6 partitions, replication factor 3; 40 clients at 10 requests/s, 40 APIs, 100 enrichers, 88 projectors, 24 databases), the whole drawing in view, played at full speed. Smoothness over ${WINDOW_S} s after 3 s of warm-up; seeks are clicks on the timeline of a 10-minute run, timed from the click to the clock showing the moment (a long replay shows the nearest snapshot before it first: timed apart, as the first picture).`,
  '',
  '| measure | result | target |',
  '| --- | --- | --- |',
  `| frame rate, median of per-second counts | ${fps} fps | at least ${TARGET.fps}: ${verdict(fps >= TARGET.fps)} |`,
  `| main-thread long tasks | ${smooth.longTasks.length}, longest ${Math.round(longMax)} ms | none over ${TARGET.longTaskMs} ms: ${verdict(longMax <= TARGET.longTaskMs)} |`,
  `| seek in a 10-minute run, 300 nodes, median | ${Math.round(median(bigSeeks))} ms | under ${TARGET.bigSeekMs} ms: ${verdict(median(bigSeeks) < TARGET.bigSeekMs)} |`,
  `| first picture of that seek (nearest snapshot), median | ${Math.round(median(bigFirst))} ms | no target |`,
  `| seek in a 10-minute run, orders-acks1, median | ${Math.round(median(smallSeeks))} ms | under ${TARGET.smallSeekMs} ms: ${verdict(median(smallSeeks) < TARGET.smallSeekMs)} |`,
  '',
  `Per second: ${smooth.fps.join(', ')} fps. Long tasks: ${smooth.longTasks.map((x) => Math.round(x)).join(', ') || 'none'} ms. The simulation reached ${simAfterWindow.toFixed(1)} simulated seconds during the window.`,
  `Seeks to ${SEEKS_S.map((s) => `${s} s`).join(', ')}: 300 nodes ${bigSeeks.map((x) => Math.round(x)).join(', ')} ms (the run took ${Math.round(runWallS)} s to make); orders-acks1 ${smallSeeks.map((x) => Math.round(x)).join(', ')} ms (${Math.round(smallRunS)} s to make).`,
  '',
].join('\n');

writeSection('UI benchmark', section);
recordHistory('UI benchmark', {
  fps: String(fps),
  'long tasks': `${smooth.longTasks.length} (longest ${Math.round(longMax)} ms)`,
  'seek 300 nodes, median': `${Math.round(median(bigSeeks))} ms (first picture ${Math.round(median(bigFirst))} ms)`,
  'seek orders-acks1, median': `${Math.round(median(smallSeeks))} ms`,
});
console.log(section);

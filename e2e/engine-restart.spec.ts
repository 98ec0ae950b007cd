/**
 * The engine's worker dies under the app (mid-load, mid-run) or gets stuck in a load. The page keeps every word, the
 * canvas is drawn again by a new worker, and the learner is told what happened and what to do.
 */
import { expect, test, type Page } from '@playwright/test';
import { canvasNodes, openFresh, settled } from './app.ts';

/** Keeps every Worker the page creates, so a test can kill one the way a crash would. */
async function trackWorkers(page: Page) {
  await page.addInitScript(() => {
    const all: Worker[] = [];
    (window as unknown as { workers: Worker[] }).workers = all;
    window.Worker = class extends Worker {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        all.push(this);
      }
    };
  });
}

/** Terminates the newest worker and fires the `error` event a crashed worker fires. */
const killEngine = (page: Page) =>
  page.evaluate(() => {
    const w = (window as unknown as { workers: Worker[] }).workers.at(-1)!;
    w.terminate();
    w.dispatchEvent(new ErrorEvent('error', { message: 'killed by the test' }));
  });

/** Keeps the engine busy for `ms`, so that what the app sends meanwhile waits in the worker. */
function blockEngine(page: Page, ms: number) {
  const worker = page.workers().find((w) => /worker/.test(w.url()))!;
  // The evaluation fails when the worker is killed under it: that is the point.
  void worker.evaluate((until) => {
    while (Date.now() < until) {
      /* busy */
    }
  }, Date.now() + ms).catch(() => undefined);
}

test.use({ viewport: { width: 1280, height: 720 } });

test('a worker killed mid-load: the new worker draws the latest text, and the learner is told', async ({ page }, info) => {
  await trackWorkers(page);
  await openFresh(page);
  blockEngine(page, 5_000);
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.insertText('\n  Audit[Audit Service]');
  await expect(page.getByTestId('parse-status')).toHaveText('reading…');
  await page.waitForTimeout(300); // the load is in the worker, behind the block
  await killEngine(page);
  await expect(page.getByTestId('notice')).toHaveText(/EventLab's engine stopped \(killed by the test\) and was restarted\. Nothing you wrote is lost\./);
  await settled(page);
  await expect(canvasNodes(page)).toHaveCount(8);
  await expect(page.getByTestId('node-Audit')).toBeVisible();
  await page.screenshot({ path: info.outputPath('engine-restarted.png') });
  // The new worker answers what follows too.
  await page.keyboard.insertText('\n  Audit --> Ledger[Ledger Service]');
  await expect(canvasNodes(page)).toHaveCount(9);
});

test('a worker killed mid-run: the run ends with a message, and play starts it again', async ({ page }, info) => {
  await trackWorkers(page);
  await openFresh(page);
  await page.getByTestId('play').click();
  await expect(page.getByTestId('play')).toHaveAttribute('aria-label', 'Pause');
  await killEngine(page);
  await expect(page.getByTestId('notice')).toContainText('The simulation that was running ended with it: press play to start it again.');
  await expect(page.getByTestId('playback-error')).toBeVisible();
  await page.screenshot({ path: info.outputPath('run-ended.png') });
  await page.getByTestId('play').click();
  await expect(page.getByTestId('play')).toHaveAttribute('aria-label', 'Pause');
  await expect(page.getByTestId('sim-time')).not.toHaveText('0s', { timeout: 10_000 });
});

/** Adds a line at the end of the text. */
async function append(page: Page, line: string) {
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.insertText(`\n  ${line}`);
}

test('a load the worker is stuck in gives way to a newer text within seconds', async ({ page }) => {
  await openFresh(page);
  blockEngine(page, 60_000); // as a text whose layout never ends would
  await append(page, 'Audit[Audit Service]');
  await page.waitForTimeout(500);
  await append(page, 'Ledger[Ledger Service]');
  await expect(canvasNodes(page)).toHaveCount(9, { timeout: 8_000 });
  await expect(page.getByTestId('notice')).toHaveCount(0); // nothing was lost: nothing to say
});

test('a load stuck for 20 s is given up, saying what to do, and the next text draws', async ({ page }, info) => {
  await openFresh(page);
  blockEngine(page, 60_000);
  await append(page, 'Audit[Audit Service]');
  const banner = page.getByTestId('parse-error');
  await expect(banner).toContainText('EventLab stopped reading this text after 20 s: laying it out takes too long', { timeout: 25_000 });
  await expect(banner).toHaveCSS('opacity', '1');
  await page.screenshot({ path: info.outputPath('load-given-up.png') });
  await append(page, 'Ledger[Ledger Service]');
  await settled(page);
  await expect(canvasNodes(page)).toHaveCount(9);
});

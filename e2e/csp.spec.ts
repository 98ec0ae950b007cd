/**
 * The built page carries a Content-Security-Policy (tools/csp.ts) with no inline script and no eval, and the app does
 * everything a learner does under it without a single violation: load, edit, simulate, export a picture, and draw
 * mermaid diagrams in the preview and in a lesson.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { canvasNodes, openFresh } from './app.ts';

const builtPage = () => readFileSync(`${process.env.E2E_OUTDIR ?? 'dist'}/index.html`, 'utf8');

test('the built page has a policy before anything it governs, and no inline script', () => {
  const html = builtPage();
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html);
  expect(meta, 'a Content-Security-Policy meta tag').not.toBeNull();
  const policy = Object.fromEntries(meta![1]!.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
  expect(policy['script-src']).toEqual(["'self'"]);
  expect(meta![1]).not.toContain('unsafe-eval');
  expect(policy['object-src']).toEqual(["'none'"]);
  expect(html.indexOf(meta![0])).toBeLessThan(html.search(/<script|<link rel="(stylesheet|modulepreload)"/));
  // Every script is a file: an inline one would need 'unsafe-inline' or a hash.
  for (const [tag] of html.matchAll(/<script\b[^>]*>/g)) expect(tag).toMatch(/\ssrc="/);
});

test('the app works under it: load, edit, play, export, mermaid in the preview and in a lesson, with no violation', async ({ page }) => {
  const problems: string[] = [];
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`));
  });
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`page: ${e.message}`));
  page.on('worker', (w) => w.on('console', (m) => m.type() === 'error' && problems.push(`worker console: ${m.text()}`)));

  await openFresh(page);
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.insertText('\n  Audit[Audit Service]');
  await expect(canvasNodes(page)).toHaveCount(8);

  await page.getByTestId('play').click();
  await expect(page.getByTestId('sim-time')).not.toHaveText('0.000s', { timeout: 10_000 });
  await page.getByTestId('play').click();

  await page.getByTestId('file').click();
  const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()]);
  expect(png.suggestedFilename()).toMatch(/\.png$/);

  await page.getByTestId('tab-preview').click();
  await expect(page.getByTestId('preview-image')).toBeVisible({ timeout: 30_000 });

  await page.goto('./#/lessons/01-decouple-the-checkout');
  await expect(page.getByTestId('reading-diagram')).toHaveCount(2, { timeout: 30_000 });
  for (const img of await page.getByTestId('reading-diagram').locator('img').all()) {
    expect(await img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0)).toBe(true);
  }

  expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
  expect(problems).toEqual([]);
});

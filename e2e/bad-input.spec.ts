import { expect, test } from '@playwright/test';
import { encodeShare } from '../app/persistence/share.ts';
import { canvasNodes, openFresh, settled } from './app.ts';

/** A tree of `n` services: one line per node and one per edge. */
function bigText(n: number): string {
  const lines = ['graph TD'];
  for (let i = 0; i < n; i++) lines.push(`  N${i}[Service ${i}]`);
  for (let i = 1; i < n; i++) lines.push(`  N${Math.floor((i - 1) / 3)} --> N${i}`);
  return lines.join('\n');
}

test('a 5,000-line text neither freezes nor crashes the page', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const text = bigText(2500);
  expect(text.split('\n').length).toBeGreaterThanOrEqual(5000);
  await page.goto('./' + encodeShare({ text, name: 'Big' }));
  // While the worker parses and lays out, the page keeps answering.
  await page.getByTestId('examples').click();
  await expect(page.getByTestId('examples-menu')).toBeVisible({ timeout: 1000 });
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('counts')).toHaveText('2500 nodes · 2499 edges', { timeout: 30_000 });
  await expect(page.getByTestId('load-ms')).toContainText('fast layout');
  // Only what is in view is drawn.
  expect(await canvasNodes(page).count()).toBeLessThan(400);
  // An edit on the big text goes through, with the last drawing kept meanwhile.
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.insertText('\n  N2499 --> N0');
  await expect(page.getByTestId('counts')).toHaveText('2500 nodes · 2500 edges', { timeout: 30_000 });
  expect(errors).toEqual([]);
});

test('labels render as text, never as HTML', async ({ page }) => {
  await openFresh(page);
  const label = "<img src=x onerror='window.pwned=1'><b>bold</b>";
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(`\nX["${label}"] --> Y`);
  await settled(page);
  const node = page.getByTestId('node-X');
  await expect(node).toContainText('<b>bold</b>');
  await expect(node.locator('img, b')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
  await expect(canvasNodes(page)).toHaveCount(9);
});

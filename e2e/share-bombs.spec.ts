/**
 * Hostile share links, built here as an attacker would: one whose 1.9 MB unpack to 1.4 GB, and one nested a thousand
 * subgraphs deep. Each is refused or reported at once, with a message that says what is wrong and what to do, and
 * the page answers throughout.
 */
import { expect, test } from '@playwright/test';
import { encodeShare } from '../app/persistence/share.ts';
import { bombLink, nestedText } from '../app/persistence/testing/shareBombs.ts';
import { canvasNodes, editorText, openFresh, settled } from './app.ts';

test.use({ viewport: { width: 1280, height: 720 } });

test('a link that unpacks to 1.4 GB is refused at once, saying what is wrong and what to do', async ({ page }, info) => {
  await openFresh(page);
  const before = await editorText(page);
  const link = bombLink(1400);
  expect(link.length).toBeGreaterThan(1_800_000);
  const started = Date.now();
  await page.goto('about:blank');
  await page.goto(`./${link}`);
  await expect(page.getByTestId('notice')).toContainText(
    'This share link is damaged (it unpacks to more than 8 MB, far more than any topology: ask whoever sent it for the .mmd file instead). Nothing was changed.',
  );
  const refusedMs = Date.now() - started;
  info.annotations.push({ type: 'refused in', description: `${refusedMs} ms for a ${link.length.toLocaleString('en')}-character link` });
  console.log(`bomb link (${link.length} chars) refused in ${refusedMs} ms`);
  await settled(page);
  expect(await editorText(page)).toBe(before);
  await page.screenshot({ path: info.outputPath('bomb-refused.png') });
});

test("a link nested 1,000 subgraphs deep shows the parser's error, and the page answers meanwhile", async ({ page }, info) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`./${encodeShare({ text: nestedText(1000), name: 'Nested' })}`);
  await page.getByTestId('examples').click();
  await expect(page.getByTestId('examples-menu')).toBeVisible({ timeout: 1000 });
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('parse-error')).toContainText('subgraphs nest more than 64 deep here', { timeout: 10_000 });
  await expect(page.getByTestId('parse-error')).toHaveCSS('opacity', '1'); // it fades in after a pause in typing
  await page.screenshot({ path: info.outputPath('nested-error.png') });
  // The learner can replace it with something that draws.
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText('graph LR\n  A[Orders] --> B[Billing]');
  await settled(page);
  await expect(canvasNodes(page)).toHaveCount(2);
  expect(errors).toEqual([]);
});

/**
 * An edit made a moment before the page goes away (a reload, a closed tab) is saved on the way out, not lost with
 * the autosave timer that had not fired yet: typed in the sandbox or in a lesson, or made on the canvas.
 */
import { expect, test } from '@playwright/test';
import { canvasNodes, editorText, openFresh, settled } from './app.ts';

for (const delay of [0, 100]) {
  test(`an edit made ${delay} ms before a reload survives it`, async ({ page }) => {
    await openFresh(page);
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(`\n%% typed ${delay} ms before the reload`);
    if (delay) await page.waitForTimeout(delay);
    await page.reload();
    await settled(page);
    expect(await editorText(page)).toContain(`%% typed ${delay} ms before the reload`);
  });
}

test("an edit made just before a reload survives it in a lesson's workspace", async ({ page }) => {
  await page.goto('./#/lessons/01-decouple-the-checkout');
  await settled(page);
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\n%% typed in the lesson');
  await page.reload();
  await settled(page);
  await expect(page.getByTestId('lesson-title')).toHaveText('Decouple the checkout');
  expect(await editorText(page)).toContain('%% typed in the lesson');
});

test('a component added on the canvas just before a reload survives it', async ({ page }) => {
  await openFresh(page);
  await page.getByTestId('palette-database').click();
  await expect(canvasNodes(page)).toHaveCount(8);
  await page.reload();
  await settled(page);
  await expect(canvasNodes(page)).toHaveCount(8);
  expect(await editorText(page)).toContain('[Database]');
});

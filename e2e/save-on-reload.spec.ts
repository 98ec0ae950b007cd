/**
 * An edit made a moment before the page goes away (a reload, a closed tab) is saved on the way out, not lost with
 * the autosave timer that had not fired yet.
 */
import { expect, test } from '@playwright/test';
import { editorText, openFresh, settled } from './app.ts';

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

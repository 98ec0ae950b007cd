/**
 * A save the browser refuses (its storage is full): the learner is told, the text stays, Export and Retry work,
 * and nothing is thrown. IndexedDB puts are made to fail the way a full disk does, with a QuotaExceededError.
 */
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { editorText, openFresh, settled } from './app.ts';

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<typeof put>) {
      if ((window as { failSaves?: boolean }).failSaves) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    };
  });
});

test('storage full: saving failed is said, the text is kept, export and retry work', async ({ page }, info) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openFresh(page);
  await page.evaluate(() => ((window as { failSaves?: boolean }).failSaves = true));
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\n%% precious');

  await expect(page.getByTestId('save-status')).toHaveText('not saved: saving failed');
  await expect(page.getByTestId('save-failed')).toContainText('storage');
  expect(await editorText(page)).toContain('%% precious');
  await page.screenshot({ path: info.outputPath('save-failed.png'), animations: 'disabled' });

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export .mmd' }).click()]);
  expect((await readFile((await download.path())!)).toString('utf8')).toContain('%% precious');

  await page.evaluate(() => ((window as { failSaves?: boolean }).failSaves = false));
  await page.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByTestId('save-failed')).toBeHidden();
  await expect(page.getByTestId('save-status')).toHaveText('saved in this browser');
  await page.reload();
  await settled(page);
  expect(await editorText(page)).toContain('%% precious');
  expect(errors).toEqual([]);
});

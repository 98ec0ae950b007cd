/**
 * A stored workspace that is not what EventLab wrote (`text: 42`): the app opens anyway, the record is set aside
 * (not deleted, and downloadable), the learner is told once, and every other workspace is still there.
 */
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { openFresh, settled } from './app.ts';
import { corruptCurrent } from './storage.ts';

test('a malformed record is set aside with a notice, and the app opens', async ({ page }, info) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openFresh(page);
  await page.getByTestId('workspace-switcher').click();
  await page.getByTestId('workspace-new').click();
  await expect(page.getByTestId('workspace-name')).toHaveText('Untitled');
  await page.getByTestId('workspace-switcher').click();
  await page.getByTestId('workspace-item').filter({ hasText: 'Practice' }).click();
  await expect(page.getByTestId('workspace-name')).toHaveText('Practice: decouple the checkout');
  await settled(page);
  await corruptCurrent(page, { text: 42 });

  await page.reload();
  await settled(page);
  await expect(page.getByTestId('workspace-name')).toHaveText('Untitled');
  await expect(page.getByTestId('set-aside')).toContainText('Practice: decouple the checkout');
  await expect(page.getByTestId('set-aside')).toContainText('its text is not text');
  await page.screenshot({ path: info.outputPath('set-aside.png'), animations: 'disabled' });
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download it' }).click()]);
  expect(JSON.parse((await readFile((await download.path())!)).toString('utf8'))).toMatchObject({ text: 42 });
  await page.getByTestId('workspace-switcher').click();
  await expect(page.getByTestId('workspace-item')).toHaveCount(1);
  await expect(page.getByTestId('workspace-item')).toContainText('Untitled');

  // Told once: the next visit opens without the notice.
  await page.reload();
  await settled(page);
  await expect(page.getByTestId('workspace-name')).toHaveText('Untitled');
  await expect(page.getByTestId('set-aside')).toHaveCount(0);
});

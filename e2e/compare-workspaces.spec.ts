/**
 * A/B's variant B belongs to its workspace (issue 12 §7): opening another workspace does not carry it along, and
 * going back finds it as it was.
 */
import { expect, test } from '@playwright/test';
import { openFresh } from './app.ts';
import { openTab } from './observe.ts';

test('variant B stays with its workspace', async ({ page }) => {
  await openFresh(page);
  await openTab(page, 'compare');
  await expect(page.getByTestId('compare-diff')).toContainText('B is the same as A');
  await page.getByTestId('compare-b-editor').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\n%% @config OrderServiceAsync acks=1');
  await expect(page.getByTestId('compare-diff')).toContainText('+ %% @config OrderServiceAsync acks=1');

  await page.getByTestId('examples').click();
  await page.getByTestId('example-cqrs-read-models').click();
  await expect(page.getByTestId('workspace-name')).toHaveText('CQRS with three read models');
  await openTab(page, 'compare');
  await expect(page.getByTestId('compare-diff')).toContainText('B is the same as A');
  await expect(page.getByTestId('compare-b-editor')).not.toContainText('acks=1');

  await page.getByTestId('workspace-switcher').click();
  await page.getByTestId('workspace-item').filter({ hasText: 'Practice' }).click();
  await expect(page.getByTestId('workspace-name')).toHaveText('Practice: decouple the checkout');
  await openTab(page, 'compare');
  await expect(page.getByTestId('compare-diff')).toContainText('+ %% @config OrderServiceAsync acks=1');
});

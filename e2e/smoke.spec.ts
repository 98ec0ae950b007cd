import { expect, test } from '@playwright/test';

test('the app opens and its engine worker parses the text', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByTestId('parse-status')).toHaveText('parsed');
  await expect(page.getByTestId('load-ms')).toContainText('parse + layout');
});

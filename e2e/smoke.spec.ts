import { expect, test } from '@playwright/test';

test('the app opens and reaches its engine worker', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByTestId('engine-status')).toHaveText('engine: pong');
});

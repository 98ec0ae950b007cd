import { expect, test, type Page } from '@playwright/test';
import { openFresh } from './app.ts';

const height = (page: Page, sel: string) => page.locator(sel).evaluate((el) => el.getBoundingClientRect().height);
const width = (page: Page, sel: string) => page.locator(sel).evaluate((el) => el.getBoundingClientRect().width);

test('the text panel and the dock resize from the keyboard, and keep their size after a reload', async ({ page }) => {
  await openFresh(page);
  const left = await width(page, '.app-left');
  await page.getByTestId('splitter').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => width(page, '.app-left')).toBeCloseTo(left + 48, 0);

  const dock = await height(page, '.dock-body');
  await page.getByRole('separator', { name: 'Resize the panels' }).focus();
  await page.keyboard.press('ArrowUp');
  await expect.poll(() => height(page, '.dock-body')).toBeCloseTo(dock + 24, 0);

  await page.reload();
  await expect.poll(() => width(page, '.app-left')).toBeCloseTo(left + 48, 0);
  await expect.poll(() => height(page, '.dock-body')).toBeCloseTo(dock + 24, 0);
});

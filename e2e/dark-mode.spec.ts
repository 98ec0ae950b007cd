/**
 * Dark mode: the app follows the system's setting, a pick in the top bar's theme menu overrides it and is
 * remembered, and "Match the system" goes back to following it.
 */
import { expect, test, type Page } from '@playwright/test';
import { settled } from './app.ts';

/** Relative luminance (0 black … 1 white) of an element's computed colour property. */
const luminance = (page: Page, selector: string, property: 'backgroundColor' | 'color') =>
  page.locator(selector).first().evaluate((el, prop) => {
    const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)/.exec(getComputedStyle(el)[prop as 'color'])!;
    const [r, g, b] = [m[1], m[2], m[3]].map((v) => {
      const c = Number(v) / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  }, property);

async function expectDark(page: Page) {
  for (const panel of ['.topbar', '.app-left', '.app-right', '.dock', '.canvas', '.statusbar']) {
    await expect.poll(() => luminance(page, panel, 'backgroundColor'), { message: panel }).toBeLessThan(0.05);
  }
  expect(await luminance(page, '.inspector-head h2', 'color')).toBeGreaterThan(0.6);
  expect(await luminance(page, '.cm-line', 'color')).toBeGreaterThan(0.4);
}

async function expectLight(page: Page) {
  for (const panel of ['.topbar', '.app-left', '.app-right', '.canvas']) {
    await expect.poll(() => luminance(page, panel, 'backgroundColor'), { message: panel }).toBeGreaterThan(0.9);
  }
}

test.describe('with the system set to dark', () => {
  test.use({ colorScheme: 'dark' });

  test('the app is dark from the first visit', async ({ page }) => {
    await page.goto('./');
    await settled(page);
    await expectDark(page);
  });
});

test('the theme menu picks dark over a light system, remembers it, and can follow the system again', async ({ page }) => {
  await page.goto('./');
  await settled(page);
  await expectLight(page);

  await page.getByTestId('theme').click();
  await page.getByTestId('theme-dark').click();
  await expectDark(page);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');

  await page.reload();
  await settled(page);
  await expectDark(page);
  await page.getByTestId('theme').click();
  await expect(page.getByTestId('theme-dark')).toHaveAttribute('aria-checked', 'true');

  await page.getByTestId('theme-system').click();
  await expectLight(page);
  await page.reload();
  await settled(page);
  await expectLight(page);
});

test.describe('with the system set to light', () => {
  test.use({ colorScheme: 'light' });

  test('a dark pick holds on the lessons pages too', async ({ page }) => {
    await page.goto('./#/lessons/01-decouple-the-checkout');
    await settled(page);
    await page.getByTestId('theme').click();
    await page.getByTestId('theme-dark').click();
    await expect.poll(() => luminance(page, '.lesson-panel', 'backgroundColor')).toBeLessThan(0.05);
    expect(await luminance(page, '[data-testid="lesson-title"]', 'color')).toBeGreaterThan(0.6);
    await page.goto('./#/lessons');
    await expect.poll(() => luminance(page, '.lessons-page', 'backgroundColor')).toBeLessThan(0.05);
  });
});

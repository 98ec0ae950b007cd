/**
 * Words are shown whole: the split dialog's host names and the fault rows wrap rather than being cut, and the
 * palette names each kind with its article ("an exchange", "a Kafka cluster", not "a exchange", "a kafka").
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { openFresh } from './app.ts';

/** Elements under `root` whose text is cut: wider than their box, in a box that hides the overflow. */
const cut = (root: Locator) =>
  root.evaluate((r) =>
    [r, ...r.querySelectorAll('*')]
      .filter((el) => {
        const s = getComputedStyle(el);
        const hides = s.overflowX !== 'visible' || s.textOverflow === 'ellipsis';
        return hides && el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1 && (el.textContent ?? '').trim() !== '';
      })
      .map((el) => `${el.tagName.toLowerCase()}.${String(el.className)}: ${el.textContent}`),
  );

async function play(page: Page) {
  await page.getByTestId('play').click();
  await expect(page.getByTestId('play')).toHaveAttribute('aria-label', 'Pause');
  await page.getByTestId('play').click();
}

test('the palette names every kind with its article', async ({ page }) => {
  await openFresh(page);
  await expect(page.getByTestId('palette-kafka')).toHaveAccessibleName('Add a Kafka cluster');
  await expect(page.getByTestId('palette-exchange')).toHaveAccessibleName('Add an exchange');
  await expect(page.getByTestId('palette-outbox')).toHaveAccessibleName('Add an outbox relay');
  await expect(page.getByTestId('palette-event')).toHaveAccessibleName('Add an event');
  await expect(page.getByTestId('palette-service')).toHaveAccessibleName('Add a service');
  const names = await page.locator('.palette-item').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
  expect(names.filter((n) => /\ba [aeiou]/i.test(n))).toEqual([]);
});

for (const viewport of [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
]) {
  test(`at ${viewport.width}x${viewport.height} the split dialog and the fault rows show their words whole`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await openFresh(page);
    await play(page);
    await page.getByTestId('fault-at').fill('20s');
    await page.getByTestId('fault-action').selectOption('crash');
    await page.getByTestId('fault-target').fill('NotificationServiceAsync');
    await page.getByTestId('fault-schedule').click();
    await expect(page.getByTestId('dock-faults')).toContainText('crash NotificationServiceAsync');
    expect(await cut(page.getByTestId('dock-faults'))).toEqual([]);

    await page.getByTestId('open-partition-tool').click();
    await expect(page.getByTestId('partition-tool')).toBeVisible();
    expect(await cut(page.getByTestId('partition-tool'))).toEqual([]);

    await page.getByTestId('node-KafkaBroker').click({ button: 'right' });
    await expect(page.getByTestId('fault-menu')).toBeVisible();
    expect(await cut(page.getByTestId('fault-menu'))).toEqual([]);
    expect(await cut(page.getByTestId('node-KafkaBroker'))).toEqual([]);
  });
}

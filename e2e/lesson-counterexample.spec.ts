import { readdirSync, readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { settled } from './app.ts';
import { goal } from './lessons.ts';

const LESSON_5 = '05-delivery-semantics';

test('lesson 5: the failing goal names the orders never charged, and one opens in the run, on the canvas and in the trace', async ({ page }) => {
  await page.goto(`./#/lessons/${LESSON_5}`);
  await settled(page);
  await expect(page.getByTestId('lesson-title')).toHaveText('Delivery semantics');
  await expect(page.getByTestId('reading-diagram')).toHaveCount(1, { timeout: 30_000 });

  // The starter commits before it charges: the crash right after a poll loses the poll's orders.
  await page.getByTestId('lesson-run').click();
  const noLoss = goal(page, 'no-loss');
  await expect(noLoss).toHaveAttribute('data-state', 'fail', { timeout: 60_000 });
  await expect(noLoss.getByTestId('goal-explanation')).toContainText('BillingService has not processed');
  const messages = noLoss.getByTestId('cx-message');
  await expect(messages.first()).toBeEnabled();
  const id = (await messages.first().locator('.cx-id').textContent())!;
  expect(id).toMatch(/^#\d+$/);
  // The explanation names the first order it lists.
  await expect(noLoss.getByTestId('goal-explanation')).toContainText(id);

  // Following it loads the lesson's own run into the player, stood just after the order was sent.
  await messages.first().click();
  await expect(page.getByTestId('sim-time')).not.toHaveText('0.000s');
  const at = Number.parseFloat((await page.getByTestId('sim-time').textContent()) ?? '');
  expect(at).toBeGreaterThan(5);
  expect(at).toBeLessThan(61);
  await expect(page.getByTestId('node-BillingService')).toHaveClass(/is-highlighted/);

  // ...and its story in the trace: the group moved past it without BillingService charging it.
  await expect(page.getByTestId('dock-tab-trace')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('trace-query')).toHaveValue(id);
  await expect(page.getByTestId('message-card')).toBeVisible();
  await expect(page.getByTestId('message-card')).toContainText(id);
});

test("every lesson's reading has its diagrams drawn by mermaid, none left as text", async ({ page }) => {
  const ids = readdirSync('lessons', { withFileTypes: true })
    .filter((d) => d.isDirectory() && /^\d\d-/.test(d.name))
    .map((d) => d.name)
    .sort();
  expect(ids.length).toBeGreaterThanOrEqual(15); // three modules
  for (const id of ids) {
    const blocks = readFileSync(`lessons/${id}/lesson.md`, 'utf8').match(/^```mermaid$/gm)?.length ?? 0;
    expect(blocks, `${id} has a diagram`).toBeGreaterThan(0);
    await page.goto(`./#/lessons/${id}`);
    await expect(page.getByTestId('reading-diagram'), id).toHaveCount(blocks, { timeout: 30_000 });
    await expect(page.getByTestId('reading-diagram-error'), id).toHaveCount(0);
    // Each image has a size: mermaid drew something, not an empty picture.
    for (const img of await page.getByTestId('reading-diagram').locator('img').all()) {
      await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.naturalWidth), { message: id }).toBeGreaterThan(50);
    }
  }
});

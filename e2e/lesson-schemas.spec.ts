/**
 * The schema lessons in the browser (issue 16 §5): the worker loads Avro for a lesson whose text declares schemas,
 * lesson 22's starter fails on the refused v2 and the stalled reader, its solution (a default) passes; lesson 23's
 * starter, whose release plan ships the producer first, leaves events its consumers cannot read.
 */
import { expect, test } from '@playwright/test';
import { settled } from './app.ts';
import { goal, lessonFile, replaceText } from './lessons.ts';

const LESSON_22 = '22-an-event-that-evolves';
const LESSON_23 = '23-upgrade-in-a-safe-order';

test('lesson 22: without a default the registry refuses v2 and the new reader stalls; with one, every goal passes', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto(`./#/lessons/${LESSON_22}`);
  await settled(page);
  await expect(page.getByTestId('lesson-title')).toHaveText('An event that evolves');

  await page.getByTestId('lesson-run').click();
  await expect(goal(page, 'orders-accepted')).toHaveAttribute('data-state', 'fail', { timeout: 60_000 });
  await expect(goal(page, 'orders-accepted').getByTestId('goal-explanation')).toContainText('schema refused by the registry');
  await expect(goal(page, 'revenue-reads')).toHaveAttribute('data-state', 'fail');
  await expect(goal(page, 'inventory-reads')).toHaveAttribute('data-state', 'pass');
  await expect(goal(page, 'currency')).toHaveAttribute('data-state', 'fail');

  await replaceText(page, lessonFile(LESSON_22, 'solution.mmd'));
  await page.getByTestId('lesson-run').click();
  for (const id of ['orders-accepted', 'revenue-reads', 'inventory-reads', 'currency']) {
    await expect(goal(page, id), id).toHaveAttribute('data-state', 'pass', { timeout: 60_000 });
  }
  await expect(page.getByTestId('lesson-finished')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('lesson-22.png') });
});

test("lesson 23: the starter's release plan, producer first, leaves events its consumers cannot read", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(`./#/lessons/${LESSON_23}`);
  await settled(page);
  await page.getByTestId('lesson-run').click();
  await expect(goal(page, 'shipping-reads')).toHaveAttribute('data-state', 'fail', { timeout: 60_000 });
  await expect(goal(page, 'inventory-reads')).toHaveAttribute('data-state', 'fail');
  await expect(goal(page, 'orders-accepted')).toHaveAttribute('data-state', 'pass');
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: test.info().outputPath('lesson-23.png') });
});

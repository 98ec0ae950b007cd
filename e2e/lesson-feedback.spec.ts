/**
 * What a lesson tells the learner must stay true (issue 12 §7): its notice does not follow into the sandbox, "Lesson
 * complete" goes when a rerun fails, and the checkout goal's pass message gives the run's real p99.
 */
import { expect, test } from '@playwright/test';
import { settled } from './app.ts';
import { goal, lessonFile, replaceText } from './lessons.ts';

const LESSON_1 = '01-decouple-the-checkout';

test("a lesson's notice stays in the lesson: back in the sandbox it is gone", async ({ page }) => {
  await page.goto(`./#/lessons/${LESSON_1}`);
  await settled(page);
  await page.locator('.cm-content').click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('\n%% a note of mine');
  await page.getByTestId('lesson-reset').click();
  await expect(page.getByTestId('notice')).toContainText('The starter is back');

  await page.getByTestId('lesson-all').click();
  await page.getByTestId('lessons-close').click();
  await expect(page).toHaveURL(/#\/$/);
  await expect(page.getByTestId('workspace-name')).toHaveText('Practice: decouple the checkout');
  await expect(page.getByTestId('notice')).toHaveCount(0);
});

test('"Lesson complete" goes away when a rerun fails, and the pass message gives the run\'s p99', async ({ page }) => {
  await page.goto(`./#/lessons/${LESSON_1}`);
  await settled(page);
  const solution = lessonFile(LESSON_1, 'solution.mmd');
  await replaceText(page, solution);
  await page.getByTestId('lesson-run').click();
  await expect(page.getByTestId('lesson-finished')).toContainText('Lesson complete.', { timeout: 30_000 });
  const checkouts = goal(page, 'checkouts');
  await checkouts.getByRole('button').first().click();
  const p99 = /p99 latency ([\d.]+) ms/.exec((await checkouts.getByTestId('goal-explanation').textContent()) ?? '');
  expect(Number(p99?.[1])).toBeGreaterThan(1); // it said 0.0 ms, reading only the clients' checkouts

  // Ten times the orders: Notification cannot catch up by 60 s, and the rerun fails a goal.
  await replaceText(page, `${solution}%% @config OrderServiceAsync rate=2000/s\n`);
  await page.getByTestId('lesson-run').click();
  await expect(goal(page, 'notified')).toHaveAttribute('data-state', 'fail', { timeout: 30_000 });
  await expect(page.getByTestId('lesson-finished')).toHaveCount(0);
});

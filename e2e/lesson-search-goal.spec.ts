/**
 * The "survives the search" goal in the lesson panel (issue 17 §5): lesson 7's solution shows it met, with how many
 * schedules it survived; the starter shows it failed, with the shrunk schedule that loses acknowledged events.
 */
import { expect, test } from '@playwright/test';
import { settled } from './app.ts';
import { goal, lessonFile, replaceText } from './lessons.ts';

const LESSON_7 = '07-replication-and-acks';

test("lesson 7's solution survives the search, and the panel says how many schedules", async ({ page }) => {
  // Two lesson runs, each with ten search runs beside it, on a shared two-core machine.
  test.setTimeout(240_000);
  await page.goto(`./#/lessons/${LESSON_7}`);
  await settled(page);
  const row = goal(page, 'survives-search');
  await expect(row).toContainText('10 fault schedules');

  await page.getByTestId('lesson-run').click();
  await expect(row).toHaveAttribute('data-state', 'fail', { timeout: 100_000 });
  await row.getByRole('button').first().click();
  await expect(row.getByTestId('goal-explanation')).toContainText(/Schedule \d+ of 10 broke it\..* loses [\d,]+ acknowledged events?: #\d+/);

  await replaceText(page, lessonFile(LESSON_7, 'solution.mmd'));
  await page.getByTestId('lesson-run').click();
  await expect(row).toHaveAttribute('data-state', 'pass', { timeout: 100_000 });
  await expect(page.getByTestId('lesson-finished')).toContainText('Lesson complete.');
  // Still unfolded from the failing run.
  await expect(row.getByTestId('goal-explanation')).toContainText('Your design survived 10 fault schedules');
  await page.setViewportSize({ width: 1280, height: 720 });
  await row.scrollIntoViewIfNeeded();
  if (process.env.SHOT) await page.screenshot({ path: process.env.SHOT });

  // Past the goals, the search is one click away: it opens the play bar's Find a failure panel.
  await page.getByTestId('lesson-find-failure').click();
  await expect(page.getByTestId('find-failure')).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByTestId('find-panel')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('find-from-lesson.png') });
});

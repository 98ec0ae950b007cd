import { expect, test } from '@playwright/test';
import { editorText, settled } from './app.ts';
import { goal, lessonFile, replaceText } from './lessons.ts';

const LESSON_1 = '01-decouple-the-checkout';
const LESSON_1_GOALS = ['broker', 'publishes', 'inventory', 'notification', 'no-sync-call', 'checkouts', 'notified'];

test('a new learner opens lesson 1, reads it, types the solution, runs it, and finds it done after a reload', async ({ page }) => {
  await page.goto('./');
  await settled(page);
  await page.getByTestId('lessons-link').click();
  await expect(page).toHaveURL(/#\/lessons$/);
  const row = page.getByTestId(`lesson-row-${LESSON_1}`);
  await expect(row).toHaveAttribute('data-status', 'not-started');
  await row.click();
  await expect(page).toHaveURL(new RegExp(`#/lessons/${LESSON_1}$`));
  await expect(page.getByTestId('lesson-title')).toHaveText('Decouple the checkout');
  await expect(page.getByTestId('workspace-name')).toHaveText('Lesson 1: Decouple the checkout');
  expect(await editorText(page)).toBe(lessonFile(LESSON_1, 'starter.mmd'));

  // The reading: its diagrams drawn by mermaid, its figures worked out from the text in the editor.
  await expect(page.getByTestId('reading-diagram')).toHaveCount(2, { timeout: 30_000 });
  await expect(page.getByTestId('figure-availability')).toHaveText('100% × 100% × 100% = 100%');
  await page.locator('.cm-content').click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('\n%% @config NotificationServiceSync availability=0.95 latency=120ms');
  await expect(page.getByTestId('figure-availability')).toHaveText('100% × 100% × 95% = 95%');
  await expect(page.getByTestId('figure-latency')).toHaveText('5 ms + 5 ms + 120 ms = 130 ms');

  // The starter fails the structure as soon as it is read; the run's goals wait for a run.
  await expect(goal(page, 'no-sync-call')).toHaveAttribute('data-state', 'fail');
  // The first goal that needs work shows why; the others say it when asked.
  await expect(goal(page, 'publishes').getByTestId('goal-explanation')).toContainText('not OrderCreatedEvent');
  await goal(page, 'no-sync-call').getByRole('button').first().click();
  await expect(goal(page, 'no-sync-call').getByTestId('goal-explanation')).toContainText('still calls');
  await expect(goal(page, 'checkouts')).toHaveAttribute('data-state', 'unchecked');

  // Typing the solution turns the structural goals green before any run.
  const solution = lessonFile(LESSON_1, 'solution.mmd');
  await replaceText(page, solution);
  await expect(goal(page, 'no-sync-call')).toHaveAttribute('data-state', 'pass');
  await expect(goal(page, 'publishes')).toHaveAttribute('data-state', 'pass');
  await expect(page.getByTestId('lesson-finished')).toHaveCount(0);

  await page.getByTestId('lesson-run').click();
  for (const id of LESSON_1_GOALS) await expect(goal(page, id)).toHaveAttribute('data-state', 'pass');
  await expect(page.getByTestId('goals-count')).toHaveText('7 of 7');
  await expect(page.getByTestId('lesson-finished')).toContainText('Lesson complete.');
  await expect(page.getByTestId('lesson-next')).toHaveAttribute('href', '#/lessons/02-a-log-not-a-queue');
  await expect(page.getByTestId('lesson-done-badge')).toBeVisible();

  await page.reload();
  await settled(page);
  await expect(page.getByTestId('lesson-title')).toHaveText('Decouple the checkout');
  await expect(page.getByTestId('lesson-done-badge')).toBeVisible();
  expect(await editorText(page)).toBe(solution);
  await page.getByTestId('lesson-all').click();
  await expect(row).toHaveAttribute('data-status', 'done');
  await expect(page.getByTestId('module-foundations').getByTestId('module-done')).toHaveText('1 of 8 done');
  // The second module is listed after the first, its lessons as yet untouched.
  await expect(page.getByTestId('module-queues').getByTestId('module-done')).toHaveText('0 of 5 done');
  await expect(page.getByTestId('lesson-row-09-a-queue-is-not-a-log')).toHaveAttribute('data-status', 'not-started');
});

test('the second module opens from the list, numbers its lessons within it, and steps back into the first', async ({ page }) => {
  await page.goto('./#/lessons');
  await settled(page);
  await page.getByTestId('module-queues').getByTestId('lesson-row-09-a-queue-is-not-a-log').click();
  await expect(page).toHaveURL(/#\/lessons\/09-a-queue-is-not-a-log$/);
  await expect(page.getByTestId('lesson-title')).toHaveText('A queue is not a log');
  await expect(page.getByTestId('lesson-all')).toHaveText('Queues and routing');
  await expect(page.getByTestId('lesson-of')).toHaveText('Lesson 1 of 5');
  expect(await editorText(page)).toBe(lessonFile('09-a-queue-is-not-a-log', 'starter.mmd'));
  await expect(page.getByRole('link', { name: 'Previous lesson' })).toHaveAttribute('href', '#/lessons/08-poison-messages');
  await expect(page.getByTestId('lesson-step-next')).toHaveAttribute('href', '#/lessons/10-routing-with-exchanges');
});

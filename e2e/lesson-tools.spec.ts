import { expect, test } from '@playwright/test';
import { editorText, settled } from './app.ts';
import { goal, lessonFile, replaceText } from './lessons.ts';

const LESSON_3 = '03-partitions-and-keys';

test('lesson URLs: a deep link opens in a fresh tab, an unknown lesson leads to the list, the sandbox keeps its own work', async ({ page, context }) => {
  await page.goto(`./#/lessons/${LESSON_3}`);
  await settled(page);
  await expect(page.getByTestId('lesson-title')).toHaveText('Partitions and keys');
  expect(await editorText(page)).toBe(lessonFile(LESSON_3, 'starter.mmd'));

  const fresh = await context.newPage();
  await fresh.goto(`./#/lessons/${LESSON_3}`);
  await expect(fresh.getByTestId('lesson-title')).toHaveText('Partitions and keys');
  await fresh.goto('./#/lessons/99-no-such-lesson');
  await expect(fresh).toHaveURL(/#\/lessons$/);
  await expect(fresh.getByTestId('notice')).toContainText('There is no lesson “99-no-such-lesson”');
  await fresh.close();

  // Leaving for the sandbox opens a sandbox workspace; coming back finds the lesson's text as it was left.
  await page.locator('.cm-content').click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('\n%% my note');
  const mine = await editorText(page);
  await page.getByTestId('lessons-link').click();
  await page.getByTestId('lessons-close').click();
  await expect(page).toHaveURL(/#\/$/);
  await expect(page.getByTestId('lesson-panel')).toHaveCount(0);
  await expect(page.getByTestId('workspace-name')).toHaveText('Practice: decouple the checkout');
  await page.goBack();
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`#/lessons/${LESSON_3}$`));
  await settled(page);
  expect(await editorText(page)).toBe(mine);

  // Picking the lesson's workspace in the switcher is the same as following its link.
  await page.getByTestId('workspace-switcher').click();
  await page.getByTestId('workspace-item').filter({ hasText: 'Practice' }).click();
  await expect(page).toHaveURL(/#\/$/);
  await page.getByTestId('workspace-switcher').click();
  await page.getByTestId('workspace-item').filter({ hasText: 'Lesson 3' }).click();
  await expect(page).toHaveURL(new RegExp(`#/lessons/${LESSON_3}$`));
  await expect(page.getByTestId('lesson-title')).toHaveText('Partitions and keys');
});

test('hints one at a time, the solution as a diff against the learner text, and an undoable reset', async ({ page }) => {
  await page.goto(`./#/lessons/${LESSON_3}`);
  await settled(page);
  await expect(page.getByTestId('hint')).toHaveCount(0);
  await page.getByTestId('lesson-hint').click();
  await expect(page.getByTestId('hint')).toHaveCount(1);
  await expect(page.getByTestId('lesson-hint')).toHaveText('Show the next hint (2 of 3)');
  await page.getByTestId('lesson-hint').click();
  await page.getByTestId('lesson-hint').click();
  await expect(page.getByTestId('hint')).toHaveCount(3);
  await expect(page.getByTestId('lesson-hint')).toHaveCount(0);

  const starter = lessonFile(LESSON_3, 'starter.mmd');
  const solution = lessonFile(LESSON_3, 'solution.mmd');
  await page.getByTestId('lesson-solution').click();
  const diff = page.getByTestId('diff');
  await expect(page.getByTestId('solution-diff')).toBeVisible();
  const added = solution.split('\n').filter((l) => l !== '' && !starter.split('\n').includes(l));
  expect(added.length).toBeGreaterThan(0);
  for (const line of added) await expect(diff.locator('.diff-add .diff-text').filter({ hasText: line }).first()).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('solution-diff')).toHaveCount(0);

  await replaceText(page, solution);
  await expect(goal(page, 'partitions')).toHaveAttribute('data-state', 'pass');
  await page.getByTestId('lesson-solution').click();
  await expect(page.getByTestId('solution-diff')).toContainText('Your text is the solution, line for line.');
  await page.getByRole('button', { name: 'Close' }).click();

  await page.getByTestId('lesson-reset').click();
  expect(await editorText(page)).toBe(starter);
  await expect(page.getByTestId('notice')).toContainText('The starter is back.');
  await expect(goal(page, 'partitions')).toHaveAttribute('data-state', 'fail');
  await page.getByTestId('undo').click();
  expect(await editorText(page)).toBe(solution);
  await expect(goal(page, 'partitions')).toHaveAttribute('data-state', 'pass');

  // Hints revealed stay revealed.
  await page.reload();
  await expect(page.getByTestId('hint')).toHaveCount(3);
});

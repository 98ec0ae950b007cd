/**
 * Issue 12, item 8: lessons ask for decisions. The reading explains, the learner chooses, the exact edit waits in the
 * last hint; and goals judge what a setting does in the run, so an answer that is right in the text only fails.
 */
import { expect, test, type Page } from '@playwright/test';
import { settled } from './app.ts';
import { goal, lessonFile, replaceText } from './lessons.ts';

const LESSON_2 = '02-a-log-not-a-queue';
const LESSON_4 = '04-consumer-groups';
const LESSON_7 = '07-replication-and-acks';

async function open(page: Page, id: string) {
  await page.goto(`./#/lessons/${id}`);
  await settled(page);
  await expect(page.getByTestId('lesson-reading')).toBeVisible();
}

/** Runs the lesson's checks on the text in the editor and waits for every goal's verdict. */
async function runGoals(page: Page) {
  await page.getByTestId('lesson-run').click();
  await expect(page.locator('[data-testid^="goal-"][data-state="unchecked"]')).toHaveCount(0, { timeout: 30_000 });
}

test('lesson 7: the reading leaves the settings to the learner, and acks=all without min.insync.replicas loses orders in the run', async ({ page }) => {
  await open(page, LESSON_7);
  const reading = page.getByTestId('lesson-reading');
  await expect(reading).toContainText('min.insync.replicas');
  await expect(reading).not.toContainText('min.insync.replicas=2');

  // The hints go from a nudge to the answer: only the last one writes the settings out.
  const hint = page.getByTestId('lesson-hint');
  await hint.click();
  await hint.click();
  await expect(page.getByTestId('hint')).toHaveCount(2);
  await expect(page.getByTestId('hints')).not.toContainText('min.insync.replicas=2');
  await hint.click();
  await expect(page.getByTestId('hint').last()).toContainText('min.insync.replicas=2');

  // acks=all alone: every write waits for the ISR, but the ISR is the leader alone once the followers are gone.
  const solution = lessonFile(LESSON_7, 'solution.mmd');
  await replaceText(page, solution.replace(' min.insync.replicas=2', ''));
  await runGoals(page);
  await expect(goal(page, 'no-loss')).toHaveAttribute('data-state', 'fail');
  await expect(goal(page, 'no-loss').getByTestId('goal-explanation')).toContainText('acknowledged events are gone from every replica');

  await replaceText(page, solution);
  await runGoals(page);
  await expect(goal(page, 'no-loss')).toHaveAttribute('data-state', 'pass');
  await expect(goal(page, 'available')).toHaveAttribute('data-state', 'pass');
});

test('lesson 4: a group that keeps up only while all its consumers live fails once one dies', async ({ page }) => {
  await open(page, LESSON_4);
  await expect(page.getByTestId('lesson-reading')).not.toContainText('session.timeout.ms=10s');
  const solution = lessonFile(LESSON_4, 'solution.mmd');
  await replaceText(page, solution.replace('instances=4', 'instances=3'));
  await runGoals(page);
  await expect(goal(page, 'keeps-up')).toHaveAttribute('data-state', 'pass');
  await expect(goal(page, 'after-crash')).toHaveAttribute('data-state', 'fail');
  const why = goal(page, 'after-crash').getByTestId('goal-explanation');
  if (!(await why.isVisible())) await goal(page, 'after-crash').getByRole('button').first().click();
  await expect(why).toContainText('InventoryService has not processed');
});

test('lesson 2: the run does not replay for the learner; the fixed Billing must be made to read the history', async ({ page }) => {
  await open(page, LESSON_2);
  await runGoals(page);
  await expect(goal(page, 'replay')).toHaveAttribute('data-state', 'fail');
  const why = goal(page, 'replay').getByTestId('goal-explanation');
  if (!(await why.isVisible())) await goal(page, 'replay').getByRole('button').first().click();
  await expect(why).toContainText('which BillingFixed joined');

  await replaceText(page, lessonFile(LESSON_2, 'solution.mmd'));
  await runGoals(page);
  await expect(goal(page, 'replay')).toHaveAttribute('data-state', 'pass');
  await expect(page.getByTestId('goals-count')).toHaveText('4 of 4');
});

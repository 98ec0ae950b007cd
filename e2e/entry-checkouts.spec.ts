/**
 * The seed challenge reads as two numbers (issue 12 §3): with the Notification services of the practice template
 * crashed, the legacy design's checkouts fail while the event-driven one's go on, and every panel says so apart:
 * the counters, the run's summary, the checkout chart (one line per entry point), the async Order Service's
 * inspector (its acknowledged events, not "requests 0 ok") and lesson 1's checkout goal.
 */
import { expect, test, type Page } from '@playwright/test';
import { openFresh } from './app.ts';
import { goal } from './lessons.ts';
import { playUntil, setSpeed } from './live.ts';

/** A share as the panels print it (`23.3%`), as a number. */
const percentOf = async (page: Page, testid: string, entry: string) => {
  const text = (await page.locator(`[data-testid="${testid}"][data-entry="${entry}"]`).textContent()) ?? '';
  return Number(/([\d.]+)%/.exec(text)?.[1] ?? NaN);
};

async function crashAt10s(page: Page, target: string) {
  await page.getByTestId('fault-at').fill('10s');
  await page.getByTestId('fault-action').selectOption('crash');
  await page.getByTestId('fault-target').fill(target);
  await page.getByTestId('fault-schedule').click();
}

test('the practice template with Notification crashed: checkouts per entry point in counters, summary, chart and inspector', async ({ page }) => {
  await openFresh(page);
  await crashAt10s(page, 'NotificationServiceSync');
  await crashAt10s(page, 'NotificationServiceAsync');
  await setSpeed(page, '10×');
  await playUntil(page, 30);

  // Counters: one share per entry point, the legacy one failing, the event-driven one whole.
  const counters = page.getByTestId('counter-entry');
  await expect(counters).toHaveCount(2);
  expect(await percentOf(page, 'counter-entry', 'OrderServiceSync')).toBeLessThan(90);
  await expect(page.locator('[data-testid="counter-entry"][data-entry="OrderServiceAsync"] b')).toHaveText('100%');

  // The run's summary, with nothing selected.
  await expect(page.getByTestId('run-entry')).toHaveCount(2);
  await expect(page.locator('[data-testid="run-entry"][data-entry="OrderServiceSync"]')).toContainText('users of OrderServiceSync');
  await expect(page.locator('[data-testid="run-entry"][data-entry="OrderServiceAsync"]')).toContainText('events of OrderServiceAsync: 100% of');
  expect(await percentOf(page, 'run-entry', 'OrderServiceSync')).toBeLessThan(90);

  // The chart: a line per entry point, named in its legend.
  await page.getByTestId('dock-tab-metrics').click();
  const legend = page.getByTestId('chart-checkouts').locator('.u-series .u-label');
  await expect(legend).toHaveText(['time', 'OrderServiceSync', 'OrderServiceAsync']);

  // The async Order Service published hundreds of acknowledged events: its inspector says so.
  await page.getByTestId('node-OrderServiceAsync').click();
  const events = page.getByTestId('live-events');
  await expect(events).toContainText(/^[\d,]+ acknowledged, 0 failed$/);
  expect(Number((await events.textContent())!.replace(/,/g, '').split(' ')[0])).toBeGreaterThan(100);
  await expect(page.getByTestId('live-section')).not.toContainText('0 ok, 0 failed');
  // The legacy one: its users' checkouts, with the failures.
  await page.getByTestId('node-OrderServiceSync').click();
  await expect(page.getByTestId('live-checkouts')).toContainText('failed');
  // Not "0 failed" (a count such as "260 failed" contains those words; Playwright trims the expected text).
  await expect(page.getByTestId('live-checkouts')).not.toContainText(/(^|[^\d,])0 failed/);
});

test("lesson 1's checkout goal explains its verdict per entry point", async ({ page }) => {
  await page.goto('./#/lessons/01-decouple-the-checkout');
  await expect(page.getByTestId('lesson-title')).toHaveText('Decouple the checkout');
  await page.getByTestId('lesson-run').click();
  await expect(goal(page, 'checkouts')).toHaveAttribute('data-state', 'fail', { timeout: 30_000 });
  const why = goal(page, 'checkouts').getByTestId('goal-explanation');
  if (!(await why.isVisible())) await goal(page, 'checkouts').getByRole('button').first().click();
  await expect(why).toContainText(/Per entry point: users of OrderServiceSync [\d.]+% \([\d,]+ of [\d,]+\) and events of OrderServiceAsync 100\.0% \([\d,]+ of [\d,]+\)\./);
});

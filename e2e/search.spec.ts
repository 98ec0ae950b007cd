/**
 * "Find a failure" (issue 17 §4) as a learner uses it: on acks=1 the search finds a loss, shrinks it, and opens it in
 * the player with its fault lines and its lost messages; on acks=all with three replicas, under crashes, the design
 * survives; a long search stops at Cancel. Budgets in runs keep each search a few seconds on two cores.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { openTab, openTopology, topology } from './observe.ts';

/** axe's violations inside the panel, in words a failure message can show. */
async function panelViolations(page: Page) {
  await page.waitForTimeout(300); // fades settle (axe reads colours as drawn)
  const result = await new AxeBuilder({ page }).include('[data-testid="find-panel"]').options({ rules: { 'label-content-name-mismatch': { enabled: true } } }).analyze();
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`);
}

async function findFailure(page: Page, budget: string, kinds?: string[]) {
  await page.getByTestId('find-failure').click();
  await expect(page.getByTestId('find-panel')).toBeVisible();
  await page.getByTestId('find-budget').selectOption(budget);
  if (kinds) {
    for (const k of ['broker', 'leader', 'split', 'consumer']) await page.getByTestId(`find-kind-${k}`).setChecked(kinds.includes(k));
  }
  await page.getByTestId('find-start').click();
}

test('acks=1: the search finds a loss, and opening it shows its fault lines and the lost messages', async ({ page }) => {
  await openTopology(page, topology('orders-acks1.mmd'), 'acks1');
  await findFailure(page, '20 runs');
  await expect(page.getByTestId('find-progress')).toBeVisible();
  await expect(page.getByTestId('find-found')).toBeVisible({ timeout: 50_000 });
  await expect(page.getByTestId('find-story')).toContainText(/loses \d[\d,]* acknowledged messages?/);
  const lines = await page.getByTestId('find-faults').locator('li').count();
  expect(lines).toBeGreaterThanOrEqual(1);
  expect(lines).toBeLessThanOrEqual(3);
  const ids = (await page.getByTestId('find-id').allTextContents()).map((t) => Number(t.replace('#', '')));
  expect(ids.length).toBeGreaterThan(0);
  expect(await panelViolations(page)).toEqual([]);

  await page.getByTestId('find-open').click();
  await expect(page.getByTestId('find-panel')).toHaveCount(0);
  // The schedule is the player's now: its lines are in the faults panel, to remove, add to and replay.
  await openTab(page, 'faults');
  await expect(page.getByTestId('fault-row')).toHaveCount(lines);
  await expect(page.getByTestId('counter-lost')).not.toHaveText(/^0\b/);
  await page.getByTestId('counter-lost').click();
  const listed = page.getByTestId('findings-lost').getByTestId('finding');
  await expect(listed.first()).toBeVisible();
  const shown = (await listed.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-message'))))) as number[];
  expect(ids.some((id) => shown.includes(id)), `ids ${ids.join(', ')} among ${shown.join(', ')}`).toBe(true);
});

test('acks=all with min.insync.replicas=2 under broker and leader crashes: the design survives the budget', async ({ page }) => {
  await openTopology(page, topology('orders-acksall.mmd'), 'acksall');
  await findFailure(page, '20 runs', ['broker', 'leader']);
  await expect(page.getByTestId('find-survived')).toHaveText(/^Your design survived 20 schedules in [\d.]+ s$/, { timeout: 50_000 });
  await expect(page.getByTestId('find-failure')).toHaveText('Find a failure');
});

test('checkout-within: offered where checkouts are sent (sagas-settled is not, without sagas); slowed services answer late', async ({ page }) => {
  await openTopology(page, topology('orders-acks1.mmd'), 'acks1');
  await page.getByTestId('find-failure').click();
  const property = page.getByTestId('find-property');
  await expect(property.locator('option[value="checkout-within"]')).toHaveCount(1, { timeout: 20_000 });
  await expect(property.locator('option[value="sagas-settled"]')).toHaveCount(0);
  await property.selectOption('checkout-within');
  await page.getByTestId('find-within').fill('500');
  for (const k of ['broker', 'leader', 'split', 'consumer', 'service']) await page.getByTestId(`find-kind-${k}`).setChecked(false);
  await expect(page.getByTestId('find-kind-slow')).toBeChecked();
  await page.getByTestId('find-budget').selectOption('20 runs');
  expect(await panelViolations(page)).toEqual([]);
  await page.getByTestId('find-start').click();
  await expect(page.getByTestId('find-found')).toBeVisible({ timeout: 50_000 });
  await expect(page.getByTestId('find-story')).toContainText(/^Slow (Orders|Inventory|Notification) \d+ms at .* checkouts?\b/);
  await expect(page.getByTestId('find-summary')).toContainText('every checkout is answered in time (500 ms)');
});

test('Cancel stops a search', async ({ page }) => {
  await openTopology(page, topology('orders-acksall.mmd'), 'acksall');
  await findFailure(page, '1000 runs', ['broker', 'leader']);
  await expect(page.getByTestId('find-progress')).toContainText(/of 1,000 runs/, { timeout: 20_000 });
  await expect(page.getByTestId('find-failure')).toHaveText('Searching…');
  await page.getByTestId('find-cancel').click();
  await expect(page.getByTestId('find-cancelled')).toContainText('Cancelled after');
  await expect(page.getByTestId('find-failure')).toHaveText('Find a failure');
  await expect(page.getByTestId('find-start')).toBeEnabled();
});

test.describe('dark theme', () => {
  test.use({ colorScheme: 'dark' });
  test('axe finds nothing in the panel before a search', async ({ page }) => {
    await openTopology(page, topology('orders-acksall.mmd'), 'acksall');
    await page.getByTestId('find-failure').click();
    await expect(page.getByTestId('find-panel')).toBeVisible();
    expect(await panelViolations(page)).toEqual([]);
  });
});

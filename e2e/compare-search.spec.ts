/**
 * "Find a failure in A and B" (issue 17 §4: the A/B panel searches both variants under the same budget), as a
 * learner uses it: acks=1 against acks=all with min.insync.replicas=2, searched under the same budget and search
 * seed: A's smallest failing run is told and opens in the player, B survives. Opening B's counterexample swaps the
 * texts after asking, and A's text stays in the panel. Cancel stops both. Budgets in runs keep each search a few
 * seconds a run on two cores.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { openTab, openTopology, topology } from './observe.ts';

const acks1 = topology('orders-acks1.mmd');
const acksAll = acks1.replace('Orders acks=1', 'Orders acks=all');

/** Changes variant B's last setting line from `from` to `to`, typed as a learner would. */
async function editB(page: Page, from: string, to: string) {
  const editor = page.getByTestId('compare-b-editor');
  await editor.click();
  await page.keyboard.press('Control+End'); // the empty line after the last one
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('End');
  for (let i = 0; i < from.length; i++) await page.keyboard.press('Backspace');
  await page.keyboard.type(to);
  await expect(page.getByTestId('compare-diff')).toContainText(`+ %% @config Orders acks=${to}`);
}

/** axe's violations in the search's part of the A/B panel, in words a failure message can show. */
async function violations(page: Page) {
  await page.waitForTimeout(300); // fades settle (axe reads colours as drawn)
  const result = await new AxeBuilder({ page }).include('[data-testid="compare-search"]').analyze();
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`);
}

async function searchBoth(page: Page, budget: string) {
  await page.getByTestId('compare-search-budget').selectOption(budget);
  await page.getByTestId('compare-search-start').click();
}

test('acks=1 against acks=all: the same search finds a loss in A, B survives, and A’s run opens in the player', async ({ page }) => {
  test.setTimeout(150_000);
  await openTopology(page, acks1, 'acks=1 or acks=all');
  await openTab(page, 'compare');
  await editB(page, '1', 'all');
  await searchBoth(page, '20 runs');
  await expect(page.getByTestId('compare-search-progress-a')).toBeVisible();
  await expect(page.getByTestId('compare-search-progress-b')).toBeVisible();
  await expect(page.getByTestId('compare-search-cancel')).toBeVisible();

  await expect(page.getByTestId('compare-search-story-a')).toContainText(/loses \d[\d,]* acknowledged messages?\.$/, { timeout: 120_000 });
  await expect(page.getByTestId('compare-search-survived-b')).toHaveText(/^B survived 20 schedules in [\d.]+ s$/, { timeout: 120_000 });
  await expect(page.getByTestId('compare-search-note')).toContainText('Both: no acknowledged message is lost · 20 runs each · search seed 1');
  expect(await violations(page)).toEqual([]);

  // As a person sees it, on a big screen and a laptop's.
  await page.screenshot({ path: test.info().outputPath('ab-search-1440x900.png') });
  await page.setViewportSize({ width: 1280, height: 720 });
  await expect(page.getByTestId('compare-search-open-a')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('ab-search-1280x720.png') });

  await page.getByTestId('compare-search-open-a').click();
  await expect(page.getByTestId('dock-tab-faults')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('fault-row').first()).toBeVisible();
  await expect(page.getByTestId('counter-lost')).not.toHaveText(/^0\b/);
  // The results wait in the A/B tab.
  await openTab(page, 'compare');
  await expect(page.getByTestId('compare-search-survived-b')).toBeVisible();
});

test('B’s counterexample opens after asking: B’s text goes to the editor, A’s stays in the panel as B', async ({ page }) => {
  test.setTimeout(150_000);
  await openTopology(page, acksAll, 'acks=all or acks=1');
  await openTab(page, 'compare');
  await editB(page, 'all', '1');
  await searchBoth(page, '20 runs');
  await expect(page.getByTestId('compare-search-survived-a')).toBeVisible({ timeout: 120_000 });
  await expect(page.getByTestId('compare-search-story-b')).toBeVisible({ timeout: 120_000 });

  await page.getByTestId('compare-search-open-b').click();
  await expect(page.getByTestId('compare-search-ask')).toContainText("B's text goes to the editor and A's text becomes B here");
  expect(await violations(page)).toEqual([]);
  await page.screenshot({ path: test.info().outputPath('ab-search-ask-1440x900.png') });
  await page.getByTestId('compare-search-swap-open').click();
  await expect(page.getByTestId('dock-tab-faults')).toHaveAttribute('aria-selected', 'true', { timeout: 20_000 });
  await expect(page.getByTestId('fault-row').first()).toBeVisible();
  await expect(page.getByTestId('counter-lost')).not.toHaveText(/^0\b/);
  await expect(page.getByTestId('text-editor')).toContainText('Orders acks=1');

  // A's text is B now, and its survival came along; a swap brings it back to the editor.
  await openTab(page, 'compare');
  await expect(page.getByTestId('compare-b-editor')).toContainText('Orders acks=all');
  await expect(page.getByTestId('compare-search-story-a')).toBeVisible();
  await expect(page.getByTestId('compare-search-survived-b')).toBeVisible();
  await page.getByTestId('compare-swap').click();
  await expect(page.getByTestId('text-editor')).toContainText('Orders acks=all');
  await expect(page.getByTestId('compare-b-editor')).toContainText('Orders acks=1');
});

test.describe('dark theme', () => {
  test.use({ colorScheme: 'dark' });
  test('Cancel stops the searches of both variants, and axe finds nothing in what they show', async ({ page }) => {
    await openTopology(page, acks1, 'acks=1 or acks=all');
    await openTab(page, 'compare');
    await editB(page, '1', 'all');
    await searchBoth(page, '1000 runs');
    await expect(page.getByTestId('compare-search-progress-b')).toContainText(/of 1,000 runs/, { timeout: 30_000 });
    await page.getByTestId('compare-search-cancel').click();
    // A may have found a loss before Cancel (then it is kept, not shrunk); B has nothing to show but the runs tried.
    await expect(page.getByTestId('compare-search-cancelled-b')).toContainText('Cancelled after');
    await expect(page.getByTestId('compare-search-a')).not.toContainText('Starting the workers');
    await expect(page.getByTestId('compare-search-start')).toBeEnabled();
    expect(await violations(page)).toEqual([]);
    await page.screenshot({ path: test.info().outputPath('ab-search-cancelled-dark-1440x900.png') });
  });
});

import { expect, test } from '@playwright/test';
import { openTab, openTopology, scheduleIsolatedLeader, topology } from './observe.ts';

test('A/B: acks=1 against acks=all under the same split loses messages only with acks=1', async ({ page }) => {
  const text = topology('orders-acks1.mmd');
  await openTopology(page, text, 'acks=1 or acks=all');
  await scheduleIsolatedLeader(page);
  await openTab(page, 'compare');
  await expect(page.getByTestId('compare-diff')).toContainText('B is the same as A');
  await expect(page.getByTestId('compare-faults')).toHaveValue(/5s partition Kafka\/1 \| Kafka\/2,Kafka\/3,Kafka\/controller; 25s heal/);

  // B: the same topology with acks=all, typed as a learner would.
  const editor = page.getByTestId('compare-b-editor');
  await editor.click();
  await page.keyboard.press('Control+End'); // the empty line after the last one
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('End'); // after `acks=1`
  await page.keyboard.press('Backspace');
  await page.keyboard.type('all');
  await expect(page.getByTestId('compare-diff')).toContainText('− %% @config Orders acks=1');
  await expect(page.getByTestId('compare-diff')).toContainText('+ %% @config Orders acks=all');

  await page.getByTestId('compare-run').click();
  await expect(page.getByTestId('compare-table')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('compare-note')).toContainText('1 min simulated, seed 1, 2 faults');
  const lostA = page.getByTestId('compare-lost-a');
  await expect(lostA).toHaveText(/^[1-9][\d,]*$/);
  await expect(lostA).toHaveClass(/is-worse/);
  await expect(page.getByTestId('compare-lost-b')).toHaveText('0');
  await expect(page.getByTestId('compare-lost-b')).toHaveClass(/is-better/);
  // What acks=all costs: the writes the isolated leader can no longer take fail instead.
  await expect(page.getByTestId('compare-checkouts-failed-b')).toHaveClass(/is-worse/);
  await expect(page.getByTestId('chart-ab-throughput')).toBeVisible();
  await expect(page.getByTestId('chart-ab-latency').locator('canvas')).toHaveCount(1);
});

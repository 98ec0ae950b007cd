/**
 * Kafka transactions in the app (issue 14 §5): a transactional producer's COMMIT markers and a producer crash's
 * aborted transaction in the event log's transaction filter.
 */
import { expect, test } from '@playwright/test';
import { setSpeed, playUntil } from './live.ts';
import { openTab, openTopology, scheduleFault, topology } from './observe.ts';

test('a producer crash mid-transaction: the event log shows the commits, the abort and its ABORT marker', async ({ page }) => {
  await openTopology(page, topology('orders-transactions.mmd'), 'Transactions');
  await scheduleFault(page, '3s', 'crash', 'Orders');
  await scheduleFault(page, '4s', 'restart', 'Orders');
  // At 10× the run stops soon after 6 s, so the abort at 4 s is among the log's last 500 transaction entries.
  await setSpeed(page, '10×');
  await playUntil(page, 6);
  await openTab(page, 'events');
  await page.getByTestId('log-family-transaction').click();
  const entries = page.getByTestId('log-entry');
  await expect(entries.first()).toBeVisible();
  await expect(entries.filter({ hasText: 'transaction of orders-tx committed (' }).first()).toBeVisible();
  // The list draws only the rows in view: search for the crash's abort, at about 4 s.
  await page.getByTestId('log-search').fill('abort');
  await expect(entries.filter({ hasText: 'the transaction coordinator aborts the open transaction of orders-tx' }).first()).toBeVisible();
  await expect(entries.filter({ hasText: /ABORT marker at offset \d+/ }).first()).toBeVisible();
  await expect(entries.filter({ hasText: 'COMMIT' })).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('transactions-log.png') });
});

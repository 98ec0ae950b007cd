/**
 * The event log says what happened to an instance, once (issue 12 §7): a service with a start delay comes up as a
 * start, not a crash; a crash is one line, not one per client the instance had.
 */
import { expect, test } from '@playwright/test';
import { openTab, openTopology } from './observe.ts';
import { playUntil, setSpeed } from './live.ts';

const text = `graph LR
  Orders[Order Service] -->|OrderCreatedEvent| K[Kafka: orders]
  K -->|subscribe| Billing[Billing Service]
  K -->|subscribe| Analytics[Analytics Service]
  %% @config Orders rate=20/s
  %% @config Analytics start=3s
`;

test('a delayed start is logged as a start, and one crash as one line', async ({ page }) => {
  await openTopology(page, text, 'a late service');
  await setSpeed(page, '2×');
  await playUntil(page, 1);
  await page.getByTestId('node-Billing').click({ button: 'right' });
  await page.getByTestId('fault-crash').click();
  await playUntil(page, 4);
  await openTab(page, 'events');
  await page.getByTestId('log-family-fault').click();
  const entries = page.getByTestId('log-entry');
  await expect(entries.first()).toBeVisible();

  const billing = entries.filter({ has: page.getByTestId('log-node').getByText('Billing', { exact: true }) });
  await expect(billing.and(page.locator('[data-kind="crash"]'))).toHaveCount(1);
  await expect(billing.and(page.locator('[data-kind="crash"]'))).toContainText('Billing crashed');
  const analytics = entries.filter({ has: page.getByTestId('log-node').getByText('Analytics', { exact: true }) });
  await expect(analytics).toHaveCount(1);
  await expect(analytics).toHaveAttribute('data-kind', 'start');
  await expect(analytics).toContainText('Analytics started for the first time');
});

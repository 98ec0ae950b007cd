import { expect, test } from '@playwright/test';
import { openTab, openTopology, runUntil, topology } from './observe.ts';

test('the spacetime diagram of a key draws each of its messages across the nodes, and a message opens its card', async ({ page }) => {
  await openTopology(page, topology('orders-acks1.mmd'));
  await runUntil(page, 12);
  await openTab(page, 'trace');
  await page.getByTestId('trace-query').fill('customer-7');
  await page.getByTestId('trace-show').click();
  await expect(page.getByTestId('trace-status')).toHaveText(/^\d+ newest messages? of customer-7$/);

  const lanes = await page.getByTestId('spacetime-lane').allTextContents();
  // A lane per host, in the order a message meets them: client, producer, brokers, then the consumers.
  expect(lanes.slice(0, 5)).toEqual(['Client', 'Orders', 'Kafka/1', 'Kafka/2', 'Kafka/3']);
  expect(lanes.slice(5).sort()).toEqual(['Inventory', 'Notification']);
  const messages = page.getByTestId('spacetime-message');
  const count = await messages.count();
  expect(count).toBeGreaterThan(0);
  // Every message has its produce hop; the processed ones their deliveries too.
  await expect(page.locator('[data-testid="spacetime-message"] [data-hop="produce"]')).toHaveCount(count);
  expect(await page.locator('[data-hop="deliver"]').count()).toBeGreaterThan(0);
  expect(await page.locator('[data-hop="replicate"]').count()).toBeGreaterThanOrEqual(2 * count);

  await page.getByTestId('spacetime-id').last().click();
  const card = page.getByTestId('message-card');
  await expect(card).toContainText('customer-7');
  await expect(card).toContainText(/correlation\s*request \d+ \(checkout from Client/);
  await expect(page.getByTestId('node-Inventory')).toHaveClass(/is-highlighted/);
});

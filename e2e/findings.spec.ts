import { expect, test } from '@playwright/test';
import { openTab, openTopology, runUntil, scheduleIsolatedLeader, topology } from './observe.ts';

test('the lost counter lists the acknowledged acks=1 writes an isolated leader lost, with their life lines', async ({ page }) => {
  await openTopology(page, topology('orders-acks1.mmd'), 'acks=1 under a split');
  await scheduleIsolatedLeader(page);
  await runUntil(page, 20); // a new leader is elected about 7 s after the split: Kafka/1's writes are gone from the log
  const lost = page.getByTestId('counter-lost');
  await expect(lost).toHaveText(/^[1-9][\d,]* lost$/);

  await lost.click();
  const list = page.getByTestId('findings-lost');
  await expect(list).toBeVisible();
  await expect(list.getByTestId('finding').first()).toBeVisible();
  const first = list.getByTestId('finding').first();
  await expect(first).toContainText('Kafka/1 acknowledged it');
  await expect(first).toContainText('lost');
  await expect(first.getByTestId('life-line').locator('[data-stage="lost"]')).toHaveCount(1);
  await expect(first.getByTestId('life-line').locator('[data-stage="acknowledged"]')).toHaveCount(1);
  // The messages, and the nodes they passed through, are highlighted on the canvas.
  await expect(page.getByTestId('node-Kafka')).toHaveClass(/is-highlighted/);
  await expect(page.getByTestId('node-Orders')).toHaveClass(/is-highlighted/);

  // Follow one into the trace: its path ends at Kafka/1, where it was lost.
  const id = await first.getAttribute('data-message');
  await first.getByTestId('finding-trace').click();
  await page.keyboard.press('Escape');
  await expect(list).toBeHidden();
  await openTab(page, 'trace');
  await expect(page.getByTestId('trace-query')).toHaveValue(`#${id}`);
  await expect(page.getByTestId('spacetime-lost')).toHaveCount(1);
  await expect(page.getByTestId('message-card')).toContainText('lost');
});

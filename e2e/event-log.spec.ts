import { expect, test } from '@playwright/test';
import { openTab, openTopology, runUntil, scheduleIsolatedLeader, topology } from './observe.ts';

test('the event log shows the split and the leader election it forces, each linked to its node', async ({ page }) => {
  await openTopology(page, topology('orders-acks1.mmd'));
  await scheduleIsolatedLeader(page);
  await runUntil(page, 15);
  await openTab(page, 'events');
  await expect(page.getByTestId('log-entry').first()).toBeVisible();

  await page.getByTestId('log-family-election').click();
  await page.getByTestId('log-family-fault').click();
  const entries = page.getByTestId('log-entry');
  await page.getByTestId('log-search').fill('network split');
  await expect(entries).toHaveCount(1);
  await expect(entries).toContainText('network split: Kafka/1 | Kafka/2, Kafka/3, Kafka/controller');
  await page.getByTestId('log-search').fill('');
  const election = entries.filter({ hasText: /elected leader \(epoch 1/ }).first();
  await expect(election).toBeVisible();
  await expect(entries.filter({ hasText: 'in-sync replicas shrank' }).first()).toBeVisible();
  // Only the families asked for (the rows in view: the list draws no others).
  for (const kind of await entries.evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')))) expect(['election', 'isr', 'controller', 'fault', 'crash', 'start']).toContain(kind);

  // The entry's node is a link to the drawing: Kafka/2 is a broker of the node Kafka.
  await election.getByTestId('log-node').click();
  await expect(page.getByTestId('node-Kafka')).toHaveClass(/is-highlighted/);
  await expect(page.getByTestId('inspector-title')).toHaveText('Kafka: orders-topic');

  // Filtered to one broker, only its entries remain.
  await page.getByTestId('log-node-filter').selectOption('Kafka/3');
  await expect(entries.first()).toBeVisible();
  for (const node of await entries.getByTestId('log-node').allTextContents()) expect(node).toBe('Kafka/3');
});

test('a long line is shown whole: it wraps, and the rows below it make room', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openTopology(page, topology('orders-acks1.mmd'));
  await scheduleIsolatedLeader(page);
  await runUntil(page, 15);
  await openTab(page, 'events');
  const entries = page.getByTestId('log-entry');
  await expect(entries.first()).toBeVisible();
  // Every text in view is whole (nothing clipped) and the rows do not overlap.
  const rows = await entries.evaluateAll((els) =>
    els.map((e) => {
      const text = e.querySelector('.log-text') as HTMLElement;
      const r = e.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, clipped: text.scrollWidth > text.clientWidth + 1 || text.scrollHeight > text.clientHeight + 1 };
    }),
  );
  expect(rows.filter((r) => r.clipped)).toEqual([]);
  const sorted = rows.sort((a, b) => a.top - b.top);
  for (let i = 1; i < sorted.length; i++) expect(sorted[i]!.top).toBeGreaterThanOrEqual(sorted[i - 1]!.bottom - 0.5);
  expect(sorted.some((r) => r.bottom - r.top > 30)).toBe(true); // at 1280 px some line needs two
  if (process.env.SHOT) await page.screenshot({ path: process.env.SHOT });
});

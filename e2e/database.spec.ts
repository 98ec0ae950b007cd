/**
 * A database through the seam, as a learner meets it: its live row counts rows and commits per second; crashing it
 * from its menu rolls back the transactions open in it, its inspector says so, and the event log tells each one.
 */
import { expect, test } from '@playwright/test';
import { encodeShare } from '../app/persistence/share.ts';
import { settled } from './app.ts';
import { playUntil, setSpeed } from './live.ts';

const TEXT = `graph LR
  Client[Client] -->|checkout| Orders[Order Service]
  Orders -->|INSERT order| DB[(Orders DB)]
  %% @config Client rate=200/s
  %% @config DB transaction=50ms
`;

test('a database counts its rows live, and a crash rolls back what was open in it', async ({ page }) => {
  await page.goto(`./${encodeShare({ text: TEXT, name: 'orders-db' })}`);
  await settled(page);
  await setSpeed(page, '5×');
  await playUntil(page, 3);
  const row = page.getByTestId('live-DB');
  await expect(row.getByTestId('live-up')).toHaveText('up');
  await expect(row.getByTestId('live-tps')).toHaveText(/^(1[5-9]\d|2[0-4]\d) tx\/s$/);
  // The chip reads `1.2k rows`; its title has the exact count.
  const rows = Number(/^(\d+) committed rows/.exec((await row.getByTestId('live-rows').getAttribute('title')) ?? '')?.[1]);
  expect(rows).toBeGreaterThan(300);

  // Its menu offers what a database can suffer: crash and slow, not reject or poison.
  await page.getByTestId('node-DB').click({ button: 'right' });
  await expect(page.getByTestId('fault-reject')).toHaveCount(0);
  await page.getByTestId('fault-crash').click();
  await expect(row.getByTestId('live-up')).toHaveText('down');
  await expect(row.getByTestId('live-rolled-back')).toBeVisible();

  await page.getByTestId('node-DB').click();
  const detail = page.getByTestId('database-detail');
  await expect(detail).toContainText('crashed');
  await expect(detail).toContainText(/\d+ open transactions rolled back/);
  await expect(page.getByTestId('database-rows')).toContainText('INSERT order');

  await page.getByTestId('dock-tab-events').click();
  await expect(page.getByText(/DB rolled back 1 row \(#\d+\): the transaction was open when it crashed/).first()).toBeVisible();
});

test('with no broker in the design, the run summary says so instead of counting zero messages', async ({ page }) => {
  await page.goto(`./${encodeShare({ text: TEXT, name: 'orders-db' })}`);
  await settled(page);
  await setSpeed(page, '5×');
  await playUntil(page, 2);
  const summary = page.getByTestId('run-summary');
  await expect(summary.getByTestId('run-no-broker')).toContainText('No Kafka or RabbitMQ');
  await expect(summary.getByTestId('run-produced')).toHaveCount(0);
  // Nor does the counters bar show lost, duplicated or reordered messages: there are none to count.
  await expect(page.getByTestId('counter-lost')).toHaveCount(0);
  await expect(page.getByTestId('counter-checkouts')).toBeVisible();
  // Checkouts still count: they are the design's requests, broker or not.
  await expect(summary.getByTestId('run-checkouts')).toContainText('ok');
});

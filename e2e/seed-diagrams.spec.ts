/**
 * The seeds' diagrams run in the browser as what they draw: seed 003's topic of partitions with its implied producer
 * counts broker messages; seed 001's CQRS client is two entries (its command and its query); seed 003's drawn event
 * store replays into its state; the CAP concept map says there is nothing to simulate.
 */
import { expect, test, type Page } from '@playwright/test';
import { openTopology, playUntil, setSpeed } from './live.ts';

const run = async (page: Page, file: string) => {
  await openTopology(page, `app/examples/${file}.mmd`);
  await setSpeed(page, '5×');
  await playUntil(page, 3);
};

test("seed 003's topic of partitions runs: its implied producer's records are counted as broker messages", async ({ page }) => {
  await run(page, 'kafka-partitions-consumer-group');
  await expect(page.getByTestId('run-no-broker')).toHaveCount(0);
  expect(Number((await page.getByTestId('run-produced').textContent())!.replace(/,/g, ''))).toBeGreaterThan(20);
  expect(Number((await page.getByTestId('run-processed').textContent())!.replace(/,/g, ''))).toBeGreaterThan(0);
  await expect(page.getByText('nothing drawn writes to order-events: an implied producer writes')).toBeVisible();
});

test("seed 001's CQRS client is two entries, its command and its query", async ({ page }) => {
  await run(page, 'cqrs-event-bus');
  const entries = page.getByTestId('run-entry');
  await expect(entries).toHaveCount(2);
  await expect(entries.nth(0)).toContainText('Client → Write Side - Command Model');
  await expect(entries.nth(1)).toContainText('Client → Read Side - Query Model');
});

test("seed 003's drawn event store replays into its state", async ({ page }) => {
  await run(page, 'event-sourcing-replay');
  await page.locator('.react-flow__controls-fitview').click();
  await expect(page.getByTestId('live-S1').getByTestId('live-lag')).toHaveAttribute('title', /0 events behind the store .* at position 5/);
  await page.screenshot({ path: test.info().outputPath('replay.png') });
});

test('a concept map says it has nothing to simulate', async ({ page }) => {
  await run(page, 'cap-theorem');
  await expect(page.getByTestId('run-nothing')).toBeVisible();
  await expect(page.getByTestId('run-checkouts')).toHaveCount(0);
});

test("an event store's inspector lists its streams and shows one aggregate's events with the state after each", async ({ page }) => {
  await openTopology(page, 'app/examples/cqrs-read-models.mmd');
  await setSpeed(page, '5×');
  await playUntil(page, 3);
  await page.getByTestId('node-ES').click({ position: { x: 12, y: 12 } });
  await expect(page.getByTestId('eventstore-detail')).toBeVisible();
  await expect(page.getByTestId('eventstore-streams').locator('tbody tr').first()).toBeVisible();
  await page.getByTestId('stream-pick').nth(1).click();
  const rows = page.getByTestId('aggregate-events').locator('tbody tr');
  await expect(rows.first()).toContainText('OrderPlaced');
  await expect(rows.last()).toContainText(/OrderPlaced ×\d+/);
  await expect(page.getByTestId('aggregate-load')).toContainText(/A load now replays \d+ events from the start/);
  await page.screenshot({ path: test.info().outputPath('eventstore.png') });
});

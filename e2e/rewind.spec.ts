/**
 * Rewinding as a new user would: scrub back to before a crash and see the broker alive again; then the classic
 * lesson, forked: an isolated leader loses acks=1 writes, and the same run forked before the split with acks=all
 * loses nothing.
 */
import { expect, test, type Page } from '@playwright/test';
import { openTopology, playUntil, setSpeed, simSeconds } from './live.ts';

/** Clicks the timeline at simulated second `s` (the track spans 0 to its right-hand label). */
async function scrubTo(page: Page, s: number) {
  const track = page.getByTestId('scrubber-track');
  const box = (await track.boundingBox())!;
  const span = Number(await track.getAttribute('aria-valuemax')) / 1e6;
  const end = Math.max(10, span);
  await track.click({ position: { x: (box.width * s) / end, y: box.height / 2 } });
}

test('scrub back to before a crash: the broker is alive again and the clock reads the earlier time', async ({ page }) => {
  await openTopology(page, 'docs/topologies/orders-acks1.mmd');
  await setSpeed(page, '5×');
  await playUntil(page, 4);
  await page.getByTestId('node-Kafka').click({ button: 'right' });
  await page.getByTestId('fault-crash-broker-3').click();
  await setSpeed(page, '10×');
  await playUntil(page, 16);
  await expect(page.getByTestId('broker-Kafka-3')).toHaveAttribute('data-state', 'crashed');
  await expect(page.locator('[data-testid="fault-mark"][data-state="applied"]')).toHaveCount(1);

  await scrubTo(page, 2);
  await expect.poll(() => simSeconds(page)).toBeLessThan(4);
  await expect(page.getByTestId('broker-Kafka-3')).toHaveAttribute('data-state', 'alive');
  await expect(page.locator('[data-testid="fault-row"][data-state="applied"]')).toHaveCount(0);

  // Forward again to where it was: the crash happened at the same moment, as recorded.
  await scrubTo(page, 15);
  await expect.poll(() => simSeconds(page)).toBeGreaterThan(10);
  await expect(page.getByTestId('broker-Kafka-3')).toHaveAttribute('data-state', 'crashed');
});

test('fork with acks=all instead of acks=1: the loss the isolated leader caused is gone', async ({ page }) => {
  await openTopology(page, 'docs/topologies/orders-acks1.mmd');
  // Cut the leader of two partitions off from its followers and the controller at 10 s; heal at 45 s.
  await page.getByTestId('open-partition-tool').click();
  await page.getByTestId('side-Kafka/1-a').click();
  for (const host of ['Kafka/2', 'Kafka/3', 'Kafka/controller']) await page.getByTestId(`side-${host}-b`).click();
  await page.getByTestId('split-at').fill('10s');
  await page.getByTestId('split-schedule').click();
  await page.getByTestId('fault-at').fill('45s');
  await page.getByTestId('fault-action').selectOption('heal');
  await page.getByTestId('fault-schedule').click();
  await expect(page.locator('[data-testid="fault-row"][data-state="due"]')).toHaveCount(2);

  await setSpeed(page, 'max');
  await playUntil(page, 60, 90_000);
  await expect(page.getByTestId('run-lost')).not.toHaveText('0');

  // Back to 5 s, before the split; acks=all in the text; fork from there.
  await scrubTo(page, 5);
  await expect.poll(() => simSeconds(page)).toBeLessThan(10);
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+End');
  const text = await page.locator('.cm-content').textContent();
  expect(text).toContain('acks=1');
  await page.getByText('acks=1').click();
  await page.keyboard.press('End');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('all');
  await expect(page.getByTestId('text-changed')).toContainText('settings changed');
  await page.getByTestId('fork').click();
  await expect(page.getByTestId('text-changed')).toHaveCount(0);

  await playUntil(page, 60, 90_000);
  await expect(page.getByTestId('run-lost')).toHaveText('0');
  await expect(page.locator('[data-testid="fault-row"][data-state="applied"]')).toHaveCount(2);
});

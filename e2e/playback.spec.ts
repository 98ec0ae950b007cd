/**
 * Playback as a new user meets it: the practice template's target architecture comes alive, messages reach the
 * consumers, and once the producer stops the consumers catch up and their lag falls to zero.
 */
import { expect, test, type Page } from '@playwright/test';
import { openFresh } from './app.ts';
import { playUntil, setSpeed, simSeconds } from './live.ts';

const lag = (page: Page, node: string) => page.getByTestId(`live-${node}`).getByTestId('live-lag');

test('play the target architecture: messages are delivered, then the lag falls to zero', async ({ page }) => {
  await openFresh(page);
  await expect(page.getByTestId('sim-time')).toHaveText('0.000s');
  await setSpeed(page, '5×');
  await playUntil(page, 8);

  // Both subscribers have processed orders, and the publish and subscribe edges carried them.
  for (const consumer of ['InventoryServiceAsync', 'NotificationServiceAsync']) {
    await expect(page.getByTestId(`live-${consumer}`).getByTestId('live-processed')).not.toHaveText('✓ 0');
  }
  await expect(page.getByTestId('partition-orders-topic-0')).toHaveAttribute('data-leader', /^[123]$/);

  // Space pauses and plays when the focus is on the canvas, not in the text.
  await page.getByTestId('canvas').click({ position: { x: 10, y: 10 } });
  const before = await simSeconds(page);
  await page.keyboard.press('Space');
  await expect(page.getByTestId('play')).toHaveAttribute('aria-label', 'Pause');
  await expect.poll(() => simSeconds(page)).toBeGreaterThan(before);
  await page.keyboard.press('Space');
  await expect(page.getByTestId('play')).toHaveAttribute('aria-label', 'Play');

  // Stop the producer: the consumers process what is left and commit, and their lag reaches zero.
  await page.getByTestId('node-OrderServiceAsync').click({ button: 'right' });
  await page.getByTestId('fault-crash').click();
  await expect(page.getByTestId('down-OrderServiceAsync')).toBeVisible();
  await page.getByTestId('play').click();
  await expect(lag(page, 'InventoryServiceAsync')).toHaveText('lag 0', { timeout: 20_000 });
  await expect(lag(page, 'NotificationServiceAsync')).toHaveText('lag 0');
  await expect(page.getByTestId('fault-row')).toContainText('crash OrderServiceAsync');
});

test('step one event, step to the next hop, step back, reset', async ({ page }) => {
  await openFresh(page);
  await page.getByTestId('step-event').click();
  await expect(page.getByTestId('play')).toHaveAttribute('aria-label', 'Play');
  await page.getByTestId('step-hop').click();
  await setSpeed(page, '10×');
  await playUntil(page, 4);
  const at = await simSeconds(page);
  await page.getByTestId('step-back').click();
  await expect.poll(() => simSeconds(page)).toBeCloseTo(at - 1, 1);
  await page.getByTestId('reset').click();
  await expect(page.getByTestId('sim-time')).toHaveText('0.000s');
});

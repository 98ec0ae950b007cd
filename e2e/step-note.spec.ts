/**
 * Stepping says what happened (issue 12 §7): one event, or to the next message hop, names the event it ran and shows
 * the event log's lines for it; playing on puts the note away.
 */
import { expect, test } from '@playwright/test';
import { openTopology, playUntil, setSpeed } from './live.ts';

test('a step names the event it ran and what it did', async ({ page }) => {
  await openTopology(page, 'docs/topologies/orders-acks1.mmd');
  await setSpeed(page, '5×');
  await playUntil(page, 2);
  await expect(page.getByTestId('step-note')).toHaveCount(0);

  await page.getByTestId('step-event').click();
  const note = page.getByTestId('step-note');
  await expect(note).toContainText(/^Stepped one event to \d+\.\d{3}s: [a-z]/);
  const clock = (await page.getByTestId('sim-time').textContent())!;
  await expect(note).toContainText(`to ${clock}`);

  // To the next hop: a message moves, and the event log's line for it is shown.
  for (let i = 0; i < 5 && (await page.getByTestId('step-line').count()) === 0; i++) await page.getByTestId('step-hop').click();
  await expect(page.getByTestId('step-line').first()).toContainText(/\S+ \S+/);

  await page.getByTestId('play').click();
  await expect(note).toHaveCount(0);
});

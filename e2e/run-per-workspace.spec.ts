import { expect, test } from '@playwright/test';
import { openFresh } from './app.ts';

test('a run belongs to its workspace: opening an example ends it, and the new drawing starts from 0 s', async ({ page }) => {
  await openFresh(page);
  await page.getByTestId('play').click();
  await expect(page.getByTestId('sim-time')).not.toHaveText('0.000s');
  await page.getByTestId('play').click();

  await page.getByTestId('examples').click();
  await page.getByTestId('example-kafka-partitions-consumer-group').click();
  await expect(page.getByTestId('sim-time')).toHaveText('0.000s');
  await expect(page.getByTestId('playback')).toContainText('press play to simulate');
  // Nothing of the old run is offered for the new drawing.
  await expect(page.getByTestId('playback')).not.toContainText('drawing changed');
});

/**
 * The controller quorum from the fault menu (issue 11 §1): crash two of the three controller voters and the node says
 * the quorum has no majority; restart one and it has again.
 */
import { expect, test } from '@playwright/test';
import { openTopology, playUntil, setSpeed } from './live.ts';

const TOPOLOGY = 'docs/topologies/orders-acks1.mmd';

test('crash two controller voters from the fault menu: no quorum; restart one: the quorum is back', async ({ page }) => {
  await openTopology(page, TOPOLOGY);
  await setSpeed(page, '5×');
  await playUntil(page, 3);
  await expect(page.getByTestId('brokers-Kafka')).toHaveAttribute('title', /Kafka\/controller-1 is the active controller \(3 of 3 controllers up\)/);

  await page.getByTestId('node-Kafka').click({ button: 'right' });
  await expect(page.getByTestId('fault-crash-controller')).toBeVisible();
  await page.getByTestId('fault-crash-controller-2').click();
  await page.getByTestId('node-Kafka').click({ button: 'right' });
  await page.getByTestId('fault-crash-controller-3').click();
  await expect(page.getByTestId('quorum-Kafka')).toHaveText('no quorum');
  await expect(page.getByTestId('brokers-Kafka')).toHaveAttribute('title', /no controller majority \(1 of 3 controllers up\)/);

  await page.getByTestId('node-Kafka').click({ button: 'right' });
  await page.getByTestId('fault-restart-controller-2').click();
  await expect(page.getByTestId('quorum-Kafka')).toHaveCount(0);
  await expect(page.getByTestId('brokers-Kafka')).toHaveAttribute('title', /2 of 3 controllers up/);
});

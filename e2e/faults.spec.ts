/**
 * Breaking things as a new user would: right-click a broker to crash it and watch its partitions elect new leaders
 * and their in-sync replicas shrink; right-click a link to cut it and watch the failures mount; split the network
 * with the partition tool; schedule a fault for a later moment.
 */
import { expect, test, type Page } from '@playwright/test';
import { openTopology, playUntil, setSpeed, simSeconds } from './live.ts';

const TOPOLOGY = 'docs/topologies/orders-acks1.mmd';
const cells = (page: Page) => page.getByTestId('partitions').first().locator('[data-testid^="partition-orders-topic-"]');

async function leaders(page: Page): Promise<{ leader: string; isr: string }[]> {
  return cells(page).evaluateAll((els) => els.map((e) => ({ leader: e.getAttribute('data-leader') ?? '', isr: e.getAttribute('data-isr') ?? '' })));
}

test('crash a broker: its partitions elect new leaders and the ISR shrinks', async ({ page }) => {
  await openTopology(page, TOPOLOGY);
  await setSpeed(page, '5×');
  await playUntil(page, 3);
  const before = await leaders(page);
  expect(before).toHaveLength(6);
  const ledBy2 = before.map((p, i) => (p.leader === '2' ? i : -1)).filter((i) => i >= 0);
  expect(ledBy2.length).toBeGreaterThan(0);

  await page.getByTestId('node-Kafka').click({ button: 'right' });
  await page.getByTestId('fault-crash-broker-2').click();
  await expect(page.getByTestId('broker-Kafka-2')).toHaveAttribute('data-state', 'crashed');
  await page.getByTestId('play').click();
  // The controller fences the broker after its session times out (9 s), then elects from the ISR.
  await expect.poll(async () => (await leaders(page)).every((p) => p.leader !== '2' && !p.isr.split(',').includes('2')), { timeout: 20_000 }).toBe(true);
  const after = await leaders(page);
  for (const i of ledBy2) expect(['1', '3']).toContain(after[i]!.leader);
  await page.getByTestId('play').click();

  // The partition inspector says the same in words.
  await cells(page).nth(ledBy2[0]!).click();
  await expect(page.getByTestId('partition-inspector')).toBeVisible();
  await expect(page.getByTestId('partition-state')).toHaveText('under-replicated');
  await expect(page.getByTestId('partition-isr')).not.toContainText('2');
  await expect(page.getByTestId('log-strip')).toBeVisible();
  await expect(page.getByTestId('partition-replicas')).toContainText('out of sync');
});

test('cut a link: the edge shows it, and failed requests mount', async ({ page }) => {
  await openTopology(page, TOPOLOGY);
  await setSpeed(page, '5×');
  await playUntil(page, 3);
  await expect(page.getByTestId('live-Client').getByTestId('live-success')).toHaveText('100% ok');

  await page.getByTestId('edge-L_Orders_Kafka_0').click({ button: 'right' });
  await page.getByTestId('fault-cut').click();
  await expect(page.getByTestId('cut-L_Orders_Kafka_0')).toBeVisible();
  await page.getByTestId('play').click();
  await expect(page.getByTestId('live-Orders').getByTestId('live-failed')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('live-Client').getByTestId('live-success')).not.toHaveText('100% ok');
  await page.getByTestId('play').click();

  await page.getByTestId('heal').click();
  await expect(page.getByTestId('cut-L_Orders_Kafka_0')).toHaveCount(0);
});

test('split the network with the partition tool, and schedule a fault for later', async ({ page }) => {
  await openTopology(page, TOPOLOGY);
  await page.getByTestId('open-partition-tool').click();
  await page.getByTestId('side-Kafka/1-a').click();
  await page.getByTestId('node-Orders').click(); // clicking a node on the canvas puts it on side A…
  await page.getByTestId('node-Orders').click(); // …then on side B
  await expect(page.getByTestId('partition-line')).toHaveText('partition Kafka/1 | Orders');
  await page.getByTestId('split-now').click();
  await expect(page.getByTestId('partition-tool')).toHaveCount(0);
  await expect(page.getByTestId('cut-L_Orders_Kafka_0')).toBeVisible();

  await page.getByTestId('fault-at').fill('2s');
  await page.getByTestId('fault-action').selectOption('crash');
  await page.getByTestId('fault-target').fill('Inventory');
  await page.getByTestId('fault-schedule').click();
  await expect(page.locator('[data-testid="fault-row"][data-state="due"]')).toContainText('crash Inventory');
  await setSpeed(page, '5×');
  await playUntil(page, 3);
  await expect(page.locator('[data-testid="fault-row"][data-state="applied"]')).toHaveCount(2);
  await expect(page.getByTestId('down-Inventory')).toBeVisible();
  expect(await simSeconds(page)).toBeGreaterThanOrEqual(3);
});

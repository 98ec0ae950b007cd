/**
 * The crashes at an unlucky moment, from a node's right-click menu: offered where the design has the moment (a dual
 * write, a consumer's commit), and each one crashes the service at that moment when it comes.
 */
import { expect, test, type Page } from '@playwright/test';
import { encodeShare } from '../app/persistence/share.ts';
import { settled } from './app.ts';
import { playUntil, setSpeed } from './live.ts';

const DUAL_WRITE = `graph LR
  Client[Client] -->|checkout| Orders[Order Service]
  Orders -->|INSERT order| DB[(Orders DB)]
  Orders -->|OrderCreated| Kafka[Kafka Broker: orders]
  Kafka -->|subscribe| Billing[Billing Service]
  %% @config Client rate=20/s
`;

/** Right-clicks a node near its corner (edges cross the middle of some) to open its fault menu. */
async function menuOf(page: Page, id: string) {
  await page.getByTestId(`node-${id}`).click({ button: 'right', position: { x: 12, y: 12 } });
  await expect(page.getByTestId('fault-menu')).toBeVisible();
}

test('a dual write offers the crash between its two writes, a consumer the crash before its commit', async ({ page }) => {
  await page.goto(`./${encodeShare({ text: DUAL_WRITE, name: 'dual-write' })}`);
  await settled(page);
  await setSpeed(page, '5×');
  await playUntil(page, 1);

  // The order service writes its database and publishes: crashed between the two on its next checkout.
  await menuOf(page, 'Orders');
  await expect(page.getByTestId('fault-crash-after-processing')).toHaveCount(0);
  await page.getByTestId('fault-crash-between-writes').click();
  await expect(page.getByTestId('fault-menu')).toHaveCount(0);

  // The client neither writes twice nor consumes: its menu has no such moment.
  await menuOf(page, 'Client');
  await expect(page.getByTestId('fault-crash-between-writes')).toHaveCount(0);
  await expect(page.getByTestId('fault-crash-after-processing')).toHaveCount(0);
  await page.keyboard.press('Escape');

  // Billing consumes: it can crash after processing a record and before committing its offset.
  await menuOf(page, 'Billing');
  await expect(page.getByTestId('fault-crash-after-processing')).toContainText('crash-after-processing Billing');
  await expect(page.getByTestId('fault-crash-between-writes')).toHaveCount(0);
  await page.keyboard.press('Escape');

  // The next checkout (20 a second) reaches the gap between the two writes, and the service goes down.
  await page.getByTestId('play').click();
  await expect(page.getByTestId('live-Orders').getByTestId('live-up')).toHaveText(/^0\/1/, { timeout: 20_000 });
  await page.getByTestId('play').click();
});

test("a projection of an event store is rebuilt from its menu: its read model falls behind by the whole store, then catches up", async ({ page }) => {
  const text = `graph LR
  Client[Client] -->|PlaceOrder| CMD[Command Handler]
  CMD -->|OrderPlaced| ES[(Event Store)]
  ES -->|Publish| PROJ[Projection Engine]
  %% @config Client rate=50/s
  %% @config PROJ handle.ms=2
`;
  await page.goto(`./${encodeShare({ text, name: 'rebuild' })}`);
  await settled(page);
  await setSpeed(page, '5×');
  await playUntil(page, 4);
  const lag = page.getByTestId('live-PROJ').getByTestId('live-lag');
  const behind = async () => Number(/^(\d+) events behind/.exec((await lag.getAttribute('title')) ?? '')?.[1]);
  expect(await behind()).toBeLessThan(20);

  await menuOf(page, 'PROJ');
  await expect(page.getByTestId('fault-rebuild')).toContainText('rebuild PROJ');
  await page.getByTestId('fault-rebuild').click();
  // Paused: the rebuild has cleared the read model, which is now behind by every event the store holds.
  await page.getByTestId('step-event').click();
  await expect.poll(behind, { timeout: 10_000 }).toBeGreaterThan(100);
  await page.getByTestId('play').click();
  await expect.poll(behind, { timeout: 20_000 }).toBeLessThan(20);
});

/**
 * Growing a topic from the inspector during a run, as kafka-topics.sh --alter --partitions does: the cluster's
 * partitions list shows the new ones, taking writes, and a shrink is refused as Kafka refuses it.
 */
import { expect, test } from '@playwright/test';
import { encodeShare } from '../app/persistence/share.ts';
import { settled } from './app.ts';
import { playUntil, setSpeed } from './live.ts';

const TEXT = `graph LR
  Orders[Order Service] -->|OrderCreated| K[Kafka Broker: orders-topic]
  K -->|subscribe| Billing[Billing Service]
  %% @config orders-topic partitions=3 replication.factor=3
  %% @config Orders rate=100/s key=customerId keys=50 metadata.max.age.ms=1000
  %% @config Billing metadata.max.age.ms=1000
`;

test('a topic grows from 3 to 6 partitions in the inspector, and the new ones take writes', async ({ page }) => {
  await page.goto(`./${encodeShare({ text: TEXT, name: 'grow' })}`);
  await settled(page);
  await setSpeed(page, '5×');
  await playUntil(page, 2);
  await page.getByTestId('node-K').click({ position: { x: 12, y: 12 } });
  const form = page.getByTestId('add-partitions-orders-topic');
  await form.getByRole('spinbutton').fill('2');
  await form.getByRole('button', { name: 'Add partitions' }).click();
  await expect(form.getByRole('status')).toHaveText('orders-topic already has 3 partitions; Kafka can only add partitions');
  await form.getByRole('spinbutton').fill('6');
  await form.getByRole('button', { name: 'Add partitions' }).click();
  await expect(form.getByRole('status')).toContainText('orders-topic grows from 3 to 6 partitions');
  await playUntil(page, 6);
  const last = page.getByRole('button', { name: 'orders-topic-5' });
  await expect(last).toBeVisible();
  await expect(last.locator('xpath=following-sibling::span')).toContainText(/HW [1-9]\d*/);
  await page.screenshot({ path: test.info().outputPath('grown.png') });
});

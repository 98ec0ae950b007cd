/**
 * A retry topic and a dead-letter topic drawn on the canvas (issue 14 §4): the edge from the consumer to a topic its
 * settings name as a retry or dead-letter topic says where its failed records go, and the run sends only those there.
 */
import { expect, test } from '@playwright/test';
import { openTopology, runUntil } from './observe.ts';

const text = `graph LR
  Orders[Order Service] -->|OrderCreatedEvent| Kafka[Kafka: orders]
  Kafka --> Billing[Billing Service]
  Billing --> R1[Topic: orders-retry-1]
  Billing --> R2[Topic: orders-retry-2]
  Billing -->|dead letters| DLQ[Topic: orders-dlq]
  Billing -->|BillingDone| Done[Topic: billed]
  %% @config orders partitions=3
  %% @config Orders rate=100/s key=customerId keys=20
  %% @config Billing failure=0.05 retry.topics=orders-retry-1:1s,orders-retry-2:3s dlq=orders-dlq
`;

test('an edge to a drawn retry or dead-letter topic reads as where failed records go, not as a publish', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openTopology(page, text, 'retry topics drawn');
  const chip = page.getByTestId('inspector').locator('.edge-chip');
  const meaning = page.getByTestId('inspector-edge-meaning');

  // On the canvas, the badge names the role in place of 'publish'.
  await expect(page.getByTestId('edge-L_Billing_R1_0')).toHaveAttribute('data-role', 'retry');
  await expect(page.getByTestId('edge-L_Billing_R1_0').locator('.tedge-badge')).toHaveText('retry');
  await expect(page.getByTestId('edge-L_Billing_DLQ_0').locator('.tedge-badge')).toHaveText('dead-letter');
  await expect(page.getByTestId('edge-L_Billing_Done_0').locator('.tedge-badge')).toHaveText('publish');

  await page.getByTestId('edge-L_Billing_R1_0').click();
  await expect(page.getByTestId('inspector-title')).toHaveText('Billing Service → Topic: orders-retry-1');
  await expect(chip).toHaveText('retry');
  await expect(meaning).toContainText('A retry topic of the service');
  await expect(meaning).toContainText('Not events the service publishes.');

  await page.getByTestId('edge-L_Billing_DLQ_0').click();
  await expect(chip).toHaveText('dead-letter');
  await expect(meaning).toContainText('The dead-letter topic of the service');

  // Without the setting naming it, a topic is where the service publishes its own events.
  await page.getByTestId('edge-L_Billing_Done_0').click();
  await expect(chip).toHaveText('publish');
  await expect(meaning).toContainText('The sender publishes messages to the broker');

  await page.getByTestId('edge-L_Billing_R1_0').click();
  await runUntil(page, 6);
  await page.screenshot({ path: test.info().outputPath('retry-topics-drawn-1440x900.png') });
});

import { expect, test } from '@playwright/test';
import { canvasEdges, canvasNodes, editorText, openFresh } from './app.ts';

test('double-click renames a node in the text, keeping everything else', async ({ page }) => {
  await openFresh(page);
  const before = await editorText(page);
  await page.getByTestId('node-InventoryServiceAsync').dblclick();
  const input = page.getByTestId('rename-input');
  await input.fill('Stock Service');
  await input.press('Enter');
  await expect(page.getByTestId('node-InventoryServiceAsync')).toContainText('Stock Service');
  const after = await editorText(page);
  expect(after).toBe(before.replace('InventoryServiceAsync[Inventory Service]', 'InventoryServiceAsync[Stock Service]'));
});

test('Delete removes the selected node and its edges from the text', async ({ page }) => {
  await openFresh(page);
  await page.getByTestId('node-NotificationServiceSync').click();
  await page.keyboard.press('Delete');
  await expect(canvasNodes(page)).toHaveCount(6);
  await expect(canvasEdges(page)).toHaveCount(4);
  const text = await editorText(page);
  expect(text).not.toContain('NotificationServiceSync[');
  expect(text).toContain('OrderServiceSync[Order Service] -->|1. Sync POST| InventoryServiceSync');
  await page.keyboard.press('Control+z');
  await expect(canvasNodes(page)).toHaveCount(7);
});

test('the inspector edits label, kind and settings through the text', async ({ page }) => {
  await openFresh(page);
  await page.getByTestId('node-KafkaBroker').click();
  await expect(page.getByTestId('inspector-title')).toHaveText('Kafka Broker: orders-topic');
  await expect(page.getByTestId('inspector-reason')).toContainText("names a Kafka broker hosting orders-topic");

  await page.getByTestId('config-KafkaBroker').getByTestId('config-new-key').fill('brokers');
  await page.getByTestId('config-KafkaBroker').getByTestId('config-new-value').fill('3');
  await page.getByTestId('config-KafkaBroker').getByTestId('config-add').click();
  await expect(page.getByTestId('node-KafkaBroker').getByTestId('caption')).toHaveText('kafka · 3 brokers');
  expect(await editorText(page)).toContain('%% @config KafkaBroker brokers=3');

  await page.getByTestId('config-orders-topic').getByTestId('config-new-key').fill('partitions');
  await page.getByTestId('config-orders-topic').getByTestId('config-new-value').fill('12');
  await page.getByTestId('config-orders-topic').getByTestId('config-new-value').press('Enter');
  await expect.poll(() => editorText(page)).toContain('partitions=12');

  await page.getByTestId('node-OrderServiceAsync').click();
  await page.getByTestId('inspector-kind').selectOption('client');
  await expect(page.getByTestId('node-OrderServiceAsync')).toHaveAttribute('data-kind', 'client');
  const label = page.getByTestId('inspector-label');
  await label.fill('Checkout');
  await label.press('Enter');
  await expect(page.getByTestId('node-OrderServiceAsync')).toContainText('Checkout');
});

test('clicking an edge badge selects the edge and shows what it means', async ({ page }) => {
  await openFresh(page);
  await page.getByTestId('edge-L_OrderServiceSync_InventoryServiceSync_0').click();
  await expect(page.getByTestId('inspector-title')).toHaveText('Order Service → Inventory Service');
  await expect(page.getByTestId('inspector')).toContainText('OrderServiceSync → InventoryServiceSync');
  await expect(page.getByTestId('inspector')).toContainText('synchronous call');
});

test('a component dragged from the palette lands where it is dropped', async ({ page }) => {
  await openFresh(page);
  const pane = page.locator('.react-flow__pane');
  const box = (await pane.boundingBox())!;
  const drop = { x: box.width - 220, y: 120 };
  await page.getByTestId('palette-database').dragTo(pane, { targetPosition: drop });
  await expect(canvasNodes(page)).toHaveCount(8);
  const added = canvasNodes(page).filter({ has: page.locator('[data-icon="database"]') });
  const at = (await added.boundingBox())!;
  // Centred on the drop point (within the node's size).
  expect(Math.abs(at.x + at.width / 2 - (box.x + drop.x))).toBeLessThan(at.width / 2);
  expect(Math.abs(at.y + at.height / 2 - (box.y + drop.y))).toBeLessThan(at.height);
  expect(await editorText(page)).toContain('[Database]');
});

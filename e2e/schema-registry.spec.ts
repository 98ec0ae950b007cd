/**
 * The registry refusing a change (issue 16, Done when): open the seed's orders.v1 topology with its Avro schema, add
 * a version with a field that has no default, play, and read the registry's refusal in the event log.
 */
import { expect, test } from '@playwright/test';
import { editorText } from './app.ts';
import { replaceText } from './lessons.ts';
import { openTab, openTopology, runUntil } from './observe.ts';

const FIELDS = `{ "name": "eventId", "type": "string" }, { "name": "orderId", "type": "string" },
%%     { "name": "customerId", "type": "string" }, { "name": "amount", "type": "double" }, { "name": "timestamp", "type": "long" }`;

const ORDERS = `graph TD
OrderService[Order Service] -->|Publish| KafkaTopic[orders.v1 Topic]
KafkaTopic -->|Subscribe| InventoryService[Inventory Service]
KafkaTopic -->|Subscribe| NotificationService[Notification Service]
OrderService --> SR[Schema Registry]
%% @config OrderService schema=OrderPlacedEvent:v1 rate=20/s
%% @schema OrderPlacedEvent v1 avro
%% { "type": "record", "name": "OrderPlacedEvent", "namespace": "com.mpc.commerce.orders",
%%   "fields": [ ${FIELDS} ] }
`;

test('a new version with a field that has no default: the registry refuses it, and the sends fail', async ({ page }) => {
  await openTopology(page, ORDERS, 'Orders');
  // The learner adds v2 with a currency and no default, and Order Service writes it.
  const v2 = `%% @schema OrderPlacedEvent v2 avro
%% { "type": "record", "name": "OrderPlacedEvent", "namespace": "com.mpc.commerce.orders",
%%   "fields": [ ${FIELDS}, { "name": "currency", "type": "string" } ] }
`;
  await replaceText(page, (ORDERS + v2).replace('schema=OrderPlacedEvent:v1', 'schema=OrderPlacedEvent:v2'));
  await expect.poll(() => editorText(page)).toContain('"currency"');
  await expect(page.getByTestId('parse-status')).toContainText('parsed');

  await runUntil(page, 3);
  await openTab(page, 'events');
  await page.getByTestId('log-family-schemas').click();
  const refused = page.getByTestId('log-entry').filter({ hasText: 'the registry refused OrderPlacedEvent v2 as incompatible' });
  await expect(refused.first()).toBeVisible();
  await expect(refused.first()).toContainText(/OrderService: sending message #\d+ failed/);
});

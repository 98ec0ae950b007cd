/**
 * AsyncAPI out and in (issue 16 §4), as a learner does it: export the seed's orders.v1 topology with its Avro schema
 * as AsyncAPI (a YAML document the official 3.1.0 schema accepts, and the same as JSON), import it into a new
 * workspace and see the same topology on the canvas; a broken file says what is wrong and imports nothing.
 */
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { parse } from 'yaml';
import { validateAsyncApi } from '../app/asyncapi/validate.ts';
import { canvasNodes, editorText, settled } from './app.ts';
import { openTopology } from './observe.ts';

const ORDERS = `graph TD
OrderService[Order Service] -->|Publish| KafkaTopic[orders.v1 Topic]
KafkaTopic -->|Subscribe| InventoryService[Inventory Service]
KafkaTopic -->|Subscribe| NotificationService[Notification Service]
OrderService --> SR[Schema Registry]
%% @config orders.v1 partitions=6 replication.factor=3 min.insync.replicas=2
%% @config OrderService schema=OrderPlacedEvent:v1
%% @schema OrderPlacedEvent v1 avro
%% { "type": "record", "name": "OrderPlacedEvent", "namespace": "com.mpc.commerce.orders",
%%   "fields": [ { "name": "eventId", "type": "string" }, { "name": "orderId", "type": "string" },
%%     { "name": "customerId", "type": "string" }, { "name": "amount", "type": "double" }, { "name": "timestamp", "type": "long" } ] }
`;

async function exportAs(page: Page, item: string) {
  await page.getByTestId('file').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(item).click()]);
  return { name: download.suggestedFilename(), body: await readFile((await download.path())!) };
}

test('export AsyncAPI as YAML and JSON, and import it into a new workspace with the same topology', async ({ page }) => {
  // The AsyncAPI code loads on use and must run under the app's Content-Security-Policy (no eval).
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'}`));
  });
  await openTopology(page, ORDERS, 'Orders');
  await expect(canvasNodes(page)).toHaveCount(5);

  const yaml = await exportAs(page, 'export-asyncapi-yaml');
  expect(yaml.name).toBe('orders.asyncapi.yaml');
  const doc = parse(yaml.body.toString('utf8'));
  expect(await validateAsyncApi(doc, '3.1.0')).toEqual([]);
  expect(doc).toMatchObject({
    asyncapi: '3.1.0',
    info: { title: 'Orders' },
    channels: { 'orders.v1': { address: 'orders.v1', bindings: { kafka: { partitions: 6, replicas: 3 } } } },
    components: { messages: { OrderPlacedEvent_v1: { payload: { schemaFormat: 'application/vnd.apache.avro;version=1.9.0' } } } },
  });
  const json = await exportAs(page, 'export-asyncapi-json');
  expect(json.name).toBe('orders.asyncapi.json');
  expect(JSON.parse(json.body.toString('utf8'))).toEqual(doc);

  await page.getByTestId('import-asyncapi-input').setInputFiles({ name: yaml.name, mimeType: 'application/yaml', buffer: yaml.body });
  await expect(page.getByTestId('workspace-name')).toHaveText('Orders');
  await page.getByTestId('workspace-switcher').click();
  await expect(page.getByTestId('workspace-item')).toHaveCount(2);
  await page.keyboard.press('Escape');
  await settled(page);
  await expect(canvasNodes(page)).toHaveCount(5);
  for (const id of ['OrderService', 'KafkaTopic', 'InventoryService', 'NotificationService', 'SR']) await expect(page.getByTestId(`node-${id}`)).toBeVisible();
  const text = await editorText(page);
  expect(text).toContain('%% @schema OrderPlacedEvent v1 avro {"type":"record","name":"OrderPlacedEvent"');
  expect(text).toContain('%% @config orders.v1 partitions=6 replication.factor=3 min.insync.replicas=2');
  await expect(page.getByTestId('notice')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
});

test('a broken AsyncAPI file says what is wrong and where, and nothing is imported', async ({ page }) => {
  await openTopology(page, ORDERS, 'Orders');
  await page.getByTestId('import-asyncapi-input').setInputFiles({ name: 'broken.yaml', mimeType: 'application/yaml', buffer: Buffer.from('asyncapi: 3.1.0\ninfo:\n  title: "unclosed\n') });
  await expect(page.getByTestId('notice')).toContainText(/broken\.yaml is not YAML or JSON: line \d+, column \d+/);
  await expect(page.getByTestId('notice')).toContainText('Nothing was imported.');

  await page.getByTestId('import-asyncapi-input').setInputFiles({ name: 'old.json', mimeType: 'application/json', buffer: Buffer.from('{"asyncapi": "2.6.0", "info": {"title": "Old", "version": "1"}}') });
  await expect(page.getByTestId('notice')).toContainText('at line 1, column 14 (/asyncapi), this is AsyncAPI 2.6.0; EventLab reads 3.x documents');
  await expect(page.getByTestId('workspace-name')).toHaveText('Orders');
  await expect(canvasNodes(page)).toHaveCount(5);
});

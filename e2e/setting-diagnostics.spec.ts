/**
 * Issue 12, item 2: settings are checked as the learner types, each problem at its own line and column, in the
 * editor and the banner, before any run; and the editor completes setting names and values from the schema.
 */
import { expect, test, type Page } from '@playwright/test';
import { encodeShare } from '../app/persistence/share.ts';
import { editorText, settled } from './app.ts';

/** Twelve lines, the eighth already setting Orders, the twelfth empty: the learner types line 13. */
const TEXT = [
  'graph LR',
  '  Client[Checkout Client] -->|POST /checkout| Orders[Order Service]',
  '  Orders -->|OrderCreatedEvent| Kafka[Kafka Broker: orders-topic]',
  '  Kafka -.->|subscribe| Billing[Billing Service]',
  '  %% @config orders-topic partitions=6',
  '  %% @config Client rate=50/s',
  '',
  '  %% @config Orders key=customerId',
  '',
  '',
  '',
  '',
].join('\n');

async function typeAtEnd(page: Page, text: string) {
  await page.locator('.cm-content').click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type(text);
}

const warnings = (page: Page) => page.locator('.cm-lintRange-warning');

test('a misspelt key and a bad value are marked at their own line and column as they are typed, before any run', async ({ page }) => {
  await page.goto('./' + encodeShare({ text: TEXT, name: 'Settings' }));
  await settled(page);
  await expect(page.getByTestId('parse-status')).toHaveText('parsed');
  await typeAtEnd(page, '\n  %% @config Orders lingr.ms=5 acks=2');
  expect((await editorText(page)).split('\n')[12]).toBe('  %% @config Orders lingr.ms=5 acks=2');

  await expect(warnings(page)).toHaveText(['lingr.ms', '2']);
  await expect(page.getByTestId('parse-status')).toHaveText('parsed · 2 warnings');
  const banner = page.getByTestId('setting-warning');
  await expect(banner).toContainText("line 13, column 21: unknown setting 'lingr.ms' for Orders (did you mean linger.ms?)");
  await expect(banner).toContainText('(and 1 more)');
  // Nothing was run (Play was never pressed): the warnings come from reading the text.
  await expect(page.getByTestId('run-notes')).toHaveCount(0);

  // The banner takes the learner to the place; fixing the line clears the marks and the banner.
  await banner.getByRole('button', { name: 'Show in text' }).click();
  const selected = await page.evaluate(() => window.getSelection()?.toString());
  expect(selected).toBe('lingr.ms');
  await page.keyboard.type('linger.ms');
  await expect(warnings(page)).toHaveText(['2']);
  await expect(banner).toContainText('line 13, column 38: acks=2: expected one of 0, 1, all, -1');
  await page.keyboard.press('End');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('all');
  await expect(warnings(page)).toHaveCount(0);
  await expect(banner).toHaveCount(0);
  await expect(page.getByTestId('parse-status')).toHaveText('parsed');
});

test('in lesson 6, a misspelt idempotent and two settings run together are each caught where they stand', async ({ page }) => {
  await page.goto('./#/lessons/06-idempotent-consumer');
  await settled(page);
  await expect(page.getByTestId('parse-status')).toHaveText('parsed');
  await typeAtEnd(page, '\n  %% @config BillingService idempotant=true');
  const line = (await editorText(page)).split('\n').length;
  await expect(warnings(page)).toHaveText(['idempotant']);
  await expect(page.getByTestId('setting-warning')).toContainText(`line ${line}, column 29: unknown setting 'idempotant' for BillingService (did you mean idempotent?)`);

  await typeAtEnd(page, '\n  %% @config BillingService idempotent=trueprocessing=5ms');
  await expect(warnings(page)).toHaveText(['idempotant', 'processing=5ms']);
  await expect(page.getByTestId('parse-status')).toHaveText('parsed · 2 warnings');
  await page.locator('.cm-lintRange-warning', { hasText: 'processing=5ms' }).hover();
  await expect(page.locator('.cm-tooltip-lint')).toContainText("runs two settings together, so 'idempotent' gets no value it can use: put a space before 'processing=5ms'");
});

test('the editor completes setting names with their defaults and descriptions, then their values', async ({ page }) => {
  await page.goto('./' + encodeShare({ text: TEXT, name: 'Settings' }));
  await settled(page);
  await typeAtEnd(page, '\n  %% @config Orders ling');
  const list = page.locator('.cm-tooltip-autocomplete');
  await expect(list).toBeVisible();
  const option = list.locator('li', { hasText: 'linger.ms' });
  await expect(option).toContainText('5 · producer');
  await expect(page.locator('.cm-completionInfo')).toHaveText('Wait this long for more records before sending a batch.');
  // Only what a service reads: no topic settings for Orders.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('parti');
  await expect(list.locator('li', { hasText: /^partitions/ })).toHaveCount(0);
  await expect(list.locator('li', { hasText: 'partitioner.ignore.keys' })).toBeVisible();
  await page.keyboard.press('Escape');
  for (let i = 0; i < 5; i++) await page.keyboard.press('Backspace');

  await page.keyboard.type('ack');
  await list.locator('li', { hasText: /^acks/ }).click();
  // Choosing a name writes `acks=` and offers its values, the default marked.
  await expect(list.locator('li')).toHaveCount(4);
  await expect(list.locator('li').first()).toHaveText(/^all\s*default$/);
  await list.locator('li').first().click();
  expect((await editorText(page)).split('\n').at(-1)).toBe('  %% @config Orders acks=all');
  await expect(warnings(page)).toHaveCount(0);
  await expect(page.getByTestId('parse-status')).toHaveText('parsed');
});

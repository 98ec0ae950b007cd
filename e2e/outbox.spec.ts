/**
 * The transactional outbox as a learner meets it (issue 14, done-when): the seed's diagram typed into the editor
 * (a service, its database, an outbox relay, Kafka, a consumer applying payments in a database of its own with an inbox
 * table), played; the relay crashed after a publish and before marking its rows; the duplicate followed from the event
 * log's relay row to its story in the trace, and on to the inbox that skipped it.
 */
import { expect, test } from '@playwright/test';
import { encodeShare } from '../app/persistence/share.ts';
import { canvasNodes, settled } from './app.ts';
import { playUntil, setSpeed } from './live.ts';
import { openTab, scheduleFault } from './observe.ts';

const OUTBOX = [
  '  Client[Client] -->|checkout| Orders[Order Service]',
  '  Orders -->|INSERT order| DB[(Orders DB)]',
  '  DB -->|outbox| Relay[Outbox Relay]',
  '  Relay -->|OrderCreatedEvent| Kafka[Kafka Broker: orders]',
  '  Kafka -->|subscribe| Billing[Billing Service]',
  '  Billing -->|INSERT payment| BDB[(Billing DB)]',
  '  %% @config Client rate=20/s',
  '  %% @config Billing inbox=table',
];

test("a relay crash publishes a batch again, and the consumer's inbox skips each duplicate", async ({ page }) => {
  await page.goto(`./${encodeShare({ text: 'graph LR\n', name: 'outbox' })}`);
  await settled(page);
  await page.locator('.cm-content').click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.insertText(OUTBOX.join('\n'));
  await settled(page);
  await expect(canvasNodes(page)).toHaveCount(7);
  await expect(page.getByTestId('node-Relay')).toHaveAttribute('data-kind', 'outbox');

  // The relay's crash between its two writes: after a batch is published, before it is marked sent.
  await scheduleFault(page, '3s', 'crash-between-writes', 'Relay');
  await expect(page.getByTestId('fault-form-note')).not.toHaveClass(/is-error/);
  await setSpeed(page, '5×');
  // Restarted 5 s after its crash, the relay publishes the batch again; pause while the log still holds that moment.
  await playUntil(page, 11);

  // Each duplicate is handled by the inbox: nothing lost, nothing processed twice, nothing missed.
  await expect(page.getByTestId('counter-lost')).toContainText(/^0/);
  await expect(page.getByTestId('counter-duplicated')).toContainText(/^0/);
  await expect(page.getByTestId('counter-missed')).toHaveCount(0);

  // The event log's relay rows: a row published a second time, under a new message id.
  await openTab(page, 'events');
  await page.getByTestId('log-family-outbox').click();
  await page.getByTestId('log-search').fill('crashed after publishing');
  await expect(page.getByTestId('log-entry')).toHaveCount(1);
  await page.getByTestId('log-search').fill('again as');
  const again = page.getByTestId('log-entry').filter({ hasText: /again as #\d+ \(2 times now\)/ }).first();
  await expect(again).toBeVisible();
  const [, row, copy] = /published outbox row #(\d+) again as #(\d+)/.exec((await again.textContent()) ?? '')!;

  // The duplicate's story in the trace: its card names the outbox row it carries.
  await again.getByTestId('log-message').click();
  const card = page.getByTestId('message-card');
  await expect(card).toContainText(`#${copy}`);
  await expect(card.getByTestId('card-causation')).toHaveText(`message #${row}`);

  // And the inbox that skipped it: Billing found the row's event id in its inbox table.
  await openTab(page, 'events');
  await page.getByTestId('log-family-outbox').click();
  await page.getByTestId('log-family-process').click();
  await page.getByTestId('log-node-filter').selectOption('Billing');
  await page.getByTestId('log-search').fill(`message #${copy}:`);
  const skip = page.getByTestId('log-entry').and(page.locator('[data-kind="inboxSkip"]'));
  await expect(skip).toHaveCount(1);
  await expect(skip).toContainText(`Billing skipped message #${copy}: its inbox table has event #${row} already, so its effect is not applied again`);
});

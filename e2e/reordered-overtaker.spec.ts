/**
 * The reordered list names the message that overtook (issue 12 §7): each reordered message says which later message
 * of its key its group processed first, and that message's story is a click away.
 */
import { expect, test } from '@playwright/test';
import { openTab, openTopology, runUntil } from './observe.ts';

const text = `graph LR
  Orders[Order Service] -->|publish| K[Kafka: orders]
  K -->|subscribe| Billing[Billing Service]
  %% @config orders partitions=6
  %% @config Orders rate=400/s key=customerId keys=40 partitioner.ignore.keys=true
  %% @config Billing instances=3 processing=exp(2ms) auto.offset.reset=earliest
`;

test('a reordered message names the later message of its key that overtook it', async ({ page }) => {
  await openTopology(page, text, 'keys ignored');
  await runUntil(page, 8);
  const counter = page.getByTestId('counter-reordered');
  await expect(counter).toHaveText(/^[1-9][\d,]* reord/);
  await counter.click();
  const first = page.getByTestId('findings-reordered').getByTestId('finding').first();
  const id = Number(await first.getAttribute('data-message'));
  const overtaken = first.getByTestId('finding-overtaken');
  await expect(overtaken).toContainText(/^Overtaken by #\d+, sent after it with the same key and processed before it by Billing\.$/);
  const by = Number(/#(\d+)/.exec((await overtaken.textContent())!)![1]);
  expect(by).toBeGreaterThan(id);

  await first.getByTestId('finding-overtaker').click();
  await page.keyboard.press('Escape');
  await openTab(page, 'trace');
  await expect(page.getByTestId('trace-query')).toHaveValue(`#${by}`);
});

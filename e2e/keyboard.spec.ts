/**
 * The whole loop without a mouse: open the practice template from the Examples menu, make its producer
 * acknowledge early (acks=1, on a replicated topic) in the editor, play, break things from the keyboard (a node's fault menu with
 * Shift+F10, and a network split with the partition tool), and open a finding the split causes.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { editorText, settled } from './app.ts';

/** Presses Tab (or Shift+Tab) until `target` has the focus; fails if it is not reached within `max` presses. */
async function tabTo(page: Page, target: Locator, { back = false, max = 120 } = {}) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  await expect(target).toBeFocused();
}

test('load the template, play, inject faults and open a finding, all from the keyboard', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('./');
  await settled(page);

  // The Examples menu: Enter opens it, Tab walks into it, Enter picks the practice template (a new workspace).
  await tabTo(page, page.getByTestId('examples'));
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByTestId('example-practice-decouple-checkout'));
  await page.keyboard.press('Enter');
  await settled(page);
  await expect(page.locator('[data-testid^="node-"][data-kind]')).toHaveCount(7);

  // The editor: replicate the topic and let the producer acknowledge early, then leave the editor the way its hint says (Escape, then Tab).
  await tabTo(page, page.locator('.cm-content'));
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('\n%% @config orders-topic partitions=6 replication.factor=3 min.insync.replicas=2\n%% @config OrderServiceAsync acks=1');
  await expect.poll(() => editorText(page)).toContain('acks=1');
  // A completion list open at the cursor takes the first Escape; the way out starts once it is closed.
  await page.waitForTimeout(300); // a completion list opens a moment after typing
  for (let i = 0; i < 3 && (await page.locator('.cm-tooltip').count()) > 0; i++) await page.keyboard.press('Escape');
  await expect(page.locator('.cm-tooltip')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  await expect(page.locator('.cm-content')).not.toBeFocused();
  await settled(page);

  // Faster, then play.
  await tabTo(page, page.getByTestId('speed'));
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('speed-value')).toHaveText('10×');
  await tabTo(page, page.getByTestId('play'), { back: true });
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('play')).toHaveAttribute('aria-label', 'Pause');

  // A node's fault menu from the keyboard: Shift+F10 on the focused node, the first entry has the focus.
  const node = page.locator('.react-flow__node[data-id="NotificationServiceAsync"]');
  await tabTo(page, node, { back: true, max: 60 });
  await page.keyboard.press('Shift+F10');
  await expect(page.getByTestId('fault-menu')).toBeVisible();
  await expect(page.getByTestId('fault-crash')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('down-NotificationServiceAsync')).toBeVisible();
  await expect(node).toBeFocused(); // the keyboard is back where it was

  // Split the network with the partition tool: broker 1 alone, against its peers and the controller.
  await tabTo(page, page.getByTestId('open-partition-tool'));
  await page.keyboard.press('Enter');
  for (const [host, side] of [
    ['KafkaBroker/1', 'a'],
    ['KafkaBroker/2', 'b'],
    ['KafkaBroker/3', 'b'],
    ['KafkaBroker/controller', 'b'],
  ]) {
    await tabTo(page, page.getByTestId(`side-${host}-${side}`));
    await page.keyboard.press('Enter');
  }
  await tabTo(page, page.getByTestId('split-now'));
  await page.keyboard.press('Enter');

  // Broker 1 keeps acknowledging alone; once a new leader is elected, those writes are lost.
  const lost = page.getByTestId('counter-lost');
  await expect(lost).toHaveText(/^[1-9][\d,]* lost$/, { timeout: 60_000 });
  await tabTo(page, lost, { back: true });
  await page.keyboard.press('Enter');
  const list = page.getByTestId('findings-lost');
  await expect(list).toBeVisible();
  const trace = list.getByTestId('finding-trace').first();
  await tabTo(page, trace);
  const id = await list.getByTestId('finding').first().getAttribute('data-message');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('trace-query')).toHaveValue(`#${id}`);
  await expect(page.getByTestId('message-card')).toContainText('lost');
});

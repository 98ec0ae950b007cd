import { expect, test, type Page } from '@playwright/test';
import { deflateSync, strToU8 } from 'fflate';
import { encodeShare } from '../app/persistence/share.ts';
import { canvasNodes, editorText, openFresh, settled } from './app.ts';

/** Opens a link as a fresh page load, as when it is followed from a chat or an email. */
async function openLink(page: Page, url: string) {
  await page.goto('about:blank');
  await page.goto(url);
}

const shared = 'graph LR\n  Shop[Order Service] --> Bus[Kafka Broker: orders]\n  Bus --> Mail[Notification Service]\n';

test('a share link opens its topology in a new workspace', async ({ page }) => {
  await openFresh(page);
  await openLink(page, `./${encodeShare({ text: shared, name: 'From a colleague' })}`);
  await settled(page);
  await expect(page.getByTestId('workspace-name')).toHaveText('From a colleague');
  expect(await editorText(page)).toBe(shared);
  await expect(canvasNodes(page)).toHaveCount(3);
  expect(page.url()).not.toContain('#v2:');
  // The practice workspace is still there.
  await page.getByTestId('workspace-switcher').click();
  await expect(page.getByTestId('workspace-item')).toHaveCount(2);
});

test('a damaged share link says so and changes nothing', async ({ page }) => {
  await openFresh(page);
  const before = await editorText(page);
  const link = encodeShare({ text: shared });
  await openLink(page, `./${link.slice(0, -10)}`);
  await settled(page);
  await expect(page.getByTestId('notice')).toContainText(/This share link is damaged \(.+\)\. Nothing was changed\./);
  expect(await editorText(page)).toBe(before);
  await page.getByTestId('workspace-switcher').click();
  await expect(page.getByTestId('workspace-item')).toHaveCount(1);
});

test('a link in an unknown format says so too', async ({ page }) => {
  await openFresh(page);
  await openLink(page, './#v9:abc');
  await expect(page.getByTestId('notice')).toContainText('This share link is damaged (it uses format v9');
});

test('the Share button gives a link that opens the same topology', async ({ page }) => {
  await openFresh(page);
  await page.getByTestId('share').click();
  await expect(page.getByTestId('share-link')).toHaveValue(/#v2:/);
  const link = await page.getByTestId('share-link').inputValue();
  expect(link).toMatch(/#v2:[A-Za-z0-9_-]+$/);
  const text = await editorText(page);
  await openLink(page, link);
  await settled(page);
  expect(await editorText(page)).toBe(text);
  await expect(page.getByTestId('workspace-name')).toHaveText('Practice: decouple the checkout');
});

test('a share link carries the run: its seed and its fault schedule', async ({ page }) => {
  await openFresh(page);
  await page.getByTestId('seed').fill('7');
  await page.getByTestId('seed').press('Enter');
  await page.getByTestId('fault-at').fill('10s');
  await page.getByTestId('fault-action').selectOption('crash');
  await page.getByTestId('fault-target').fill('NotificationServiceSync');
  await page.getByTestId('fault-schedule').click();
  await page.getByTestId('fault-at').fill('30s');
  await page.getByTestId('fault-action').selectOption('restart');
  await page.getByTestId('fault-target').fill('NotificationServiceSync');
  await page.getByTestId('fault-schedule').click();
  await page.getByTestId('share').click();
  await expect(page.getByTestId('share-run')).toContainText('seed 7 and 2 scheduled faults');
  // The link is made once the codec has loaded, after the panel opens: read it only when it is there.
  await expect(page.getByTestId('share-link')).toHaveValue(/#v2:/);
  const link = await page.getByTestId('share-link').inputValue();

  // Opened afresh (the seed and schedule of this page are gone with it): the same text, seed and schedule.
  await openLink(page, link);
  await settled(page);
  await expect(page.getByTestId('seed')).toHaveValue('7');
  const rows = page.locator('[data-testid="fault-row"][data-state="due"]');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('crash NotificationServiceSync');
  await expect(rows.nth(1)).toContainText('restart NotificationServiceSync');
});

test('a link from before runs were shared (v1) still opens', async ({ page }) => {
  await openFresh(page);
  const v1 = '#v1:' + btoa(String.fromCharCode(...deflateSync(strToU8(JSON.stringify({ text: shared, name: 'An old link' }))))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  await openLink(page, `./${v1}`);
  await settled(page);
  await expect(page.getByTestId('workspace-name')).toHaveText('An old link');
  expect(await editorText(page)).toBe(shared);
  await expect(page.getByTestId('fault-row')).toHaveCount(0);
});

import { expect, test, type Page } from '@playwright/test';
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
  expect(page.url()).not.toContain('#v1:');
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
  await expect(page.getByTestId('share-link')).toHaveValue(/#v1:/);
  const link = await page.getByTestId('share-link').inputValue();
  expect(link).toMatch(/#v1:[A-Za-z0-9_-]+$/);
  const text = await editorText(page);
  await openLink(page, link);
  await settled(page);
  expect(await editorText(page)).toBe(text);
  await expect(page.getByTestId('workspace-name')).toHaveText('Practice: decouple the checkout');
});

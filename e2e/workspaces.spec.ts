import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { canvasNodes, editorText, openFresh, settled } from './app.ts';

test('workspaces: new, rename, switch, and each keeps its own text', async ({ page }) => {
  await openFresh(page);
  await page.getByTestId('workspace-switcher').click();
  await page.getByTestId('workspace-new').click();
  await expect(page.getByTestId('workspace-name')).toHaveText('Untitled');
  expect(await editorText(page)).toBe('graph LR\n');
  await page.getByTestId('workspace-switcher').click();
  await page.getByTestId('workspace-rename').click();
  await page.getByTestId('workspace-name-input').fill('Scratch');
  await page.getByTestId('workspace-name-input').press('Enter');
  await expect(page.getByTestId('workspace-name')).toHaveText('Scratch');

  await page.getByTestId('workspace-switcher').click();
  await page.getByTestId('workspace-item').filter({ hasText: 'Practice' }).click();
  await settled(page);
  await expect(canvasNodes(page)).toHaveCount(7);
  await page.reload();
  await settled(page);
  await expect(page.getByTestId('workspace-name')).toHaveText('Practice: decouple the checkout');
  await page.getByTestId('workspace-switcher').click();
  await expect(page.getByTestId('workspace-item')).toHaveText([/Practice|Scratch/, /Practice|Scratch/]);
});

test('examples open in a new workspace', async ({ page }) => {
  await openFresh(page);
  await page.getByTestId('examples').click();
  await page.getByTestId('example-cqrs-read-models').click();
  await expect(page.getByTestId('workspace-name')).toHaveText('CQRS with three read models');
  await settled(page);
  await expect(page.getByTestId('counts')).toContainText('nodes');
  await page.getByTestId('workspace-switcher').click();
  await expect(page.getByTestId('workspace-item')).toHaveCount(2);
});

test('import: a flowchart opens in a new workspace, anything else is explained and refused', async ({ page }) => {
  await openFresh(page);
  await page.getByTestId('import-input').setInputFiles({
    name: 'notes.mmd',
    mimeType: 'text/plain',
    buffer: Buffer.from('sequenceDiagram\n  A->>B: hi\n'),
  });
  await expect(page.getByTestId('notice')).toContainText('notes.mmd is not a Mermaid flowchart');
  await expect(page.getByTestId('notice')).toContainText('Nothing was imported.');
  await expect(page.getByTestId('workspace-name')).toHaveText('Practice: decouple the checkout');

  await page.getByTestId('import-input').setInputFiles({
    name: 'orders.mmd',
    mimeType: 'text/plain',
    buffer: Buffer.from('graph LR\n  A[Order Service] --> B[Kafka Broker: orders]\n'),
  });
  await expect(page.getByTestId('workspace-name')).toHaveText('orders');
  await settled(page);
  await expect(canvasNodes(page)).toHaveCount(2);
});

test('export: the text as .mmd and the drawing as SVG and PNG', async ({ page }) => {
  await openFresh(page);
  const save = async (item: string) => {
    await page.getByTestId('file').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(item).click()]);
    return { name: download.suggestedFilename(), body: await readFile((await download.path())!) };
  };
  const mmd = await save('export-mmd');
  expect(mmd.name).toBe('practice-decouple-the-checkout.mmd');
  expect(mmd.body.toString('utf8')).toBe((await editorText(page)));
  const svg = await save('export-svg');
  expect(svg.name).toBe('practice-decouple-the-checkout.svg');
  expect(svg.body.toString('utf8')).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  expect(svg.body.toString('utf8').match(/<g class="node"/g)).toHaveLength(7);
  const png = await save('export-png');
  expect(png.name).toBe('practice-decouple-the-checkout.png');
  expect([...png.body.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
});

test('the Preview tab draws the text with mermaid itself', async ({ page }) => {
  await openFresh(page);
  await page.getByTestId('tab-preview').click();
  await expect(page.getByTestId('preview-image')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('tab-text').click();
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\nA[broken');
  await page.getByTestId('tab-preview').click();
  await expect(page.getByTestId('preview-error')).toContainText('mermaid cannot draw this text');
});

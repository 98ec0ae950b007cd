import { expect, test } from '@playwright/test';
import { canvasEdges, canvasGroups, canvasNodes, editorText, openFresh, settled } from './app.ts';

test('a first visit opens the practice template: 7 nodes, 5 edges, 2 groups', async ({ page }) => {
  await openFresh(page);
  await expect(canvasEdges(page)).toHaveCount(5);
  await expect(canvasGroups(page)).toHaveCount(2);
  await expect(page.getByTestId('counts')).toHaveText('7 nodes · 5 edges · 2 groups');
  await expect(page.getByTestId('workspace-name')).toHaveText('Practice: decouple the checkout');
  const kafka = page.getByTestId('node-KafkaBroker');
  await expect(kafka).toHaveAttribute('data-kind', 'kafka');
  await expect(kafka.getByTestId('hosted-topics')).toHaveText('orders-topic');
  await expect(page.getByTestId('edge-L_OrderServiceAsync_KafkaBroker_0')).toContainText('publish');
  await expect(page.getByTestId('edge-L_KafkaBroker_InventoryServiceAsync_0')).toContainText('subscribe');
  // The learner's style is honoured.
  await expect(page.getByTestId('node-OrderServiceSync')).toHaveCSS('background-color', 'rgb(255, 170, 170)');
});

test('a syntax error shows its line and column, and the last good drawing stays', async ({ page }) => {
  await openFresh(page);
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\nA[broken --> B');
  await expect(page.getByTestId('parse-error')).toContainText('line 19, column 15');
  await expect(page.getByTestId('parse-status')).toContainText('1 error');
  await expect(page.locator('.cm-lintRange-error')).toHaveCount(1);
  await expect(canvasNodes(page)).toHaveCount(7);
  await expect(canvasEdges(page)).toHaveCount(5);
  // Closing the label fixes the text (one node, labelled "broken --> B"), and the drawing catches up.
  await page.keyboard.type(']');
  await expect(page.getByTestId('parse-error')).toHaveCount(0);
  await expect(canvasNodes(page)).toHaveCount(8);
  await expect(page.getByTestId('node-A')).toContainText('broken --> B');
});

test('nodes added from the palette and connected on the canvas are written into the text, and undo takes them back', async ({
  page,
}) => {
  await openFresh(page);
  const before = await editorText(page);
  await page.getByTestId('palette-service').click();
  await expect(canvasNodes(page)).toHaveCount(8);
  await page.getByTestId('palette-queue').click();
  await expect(canvasNodes(page)).toHaveCount(9);
  const added = await editorText(page);
  expect(added.startsWith(before.trimEnd())).toBe(true);
  const [service, queue] = await canvasNodes(page)
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.slice('node-'.length)))
    .then((ids) => ids.slice(7));
  expect(service && queue).toBeTruthy();

  // Drag from the service's outgoing handle to the queue's incoming one.
  const from = page.locator(`.react-flow__node[data-id="${service}"] .react-flow__handle.source`);
  const to = page.locator(`.react-flow__node[data-id="${queue}"] .react-flow__handle.target`);
  await page.locator(`.react-flow__node[data-id="${service}"]`).hover();
  const a = (await from.boundingBox())!;
  const b = (await to.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 });
  await page.mouse.up();
  await expect(canvasEdges(page)).toHaveCount(6);
  expect(await editorText(page)).toContain(`${service} --> ${queue}`);

  // Undo from the canvas: the edge, then both nodes.
  await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
  await page.keyboard.press('Control+z');
  await expect(canvasEdges(page)).toHaveCount(5);
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await expect(canvasNodes(page)).toHaveCount(7);
  expect(await editorText(page)).toBe(before);
  // And redo brings the first node back.
  await page.keyboard.press('Control+Shift+z');
  await expect(canvasNodes(page)).toHaveCount(8);
});

test('work is restored after a reload', async ({ page }) => {
  await openFresh(page);
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\n%% remember me');
  await expect(page.getByTestId('save-status')).toHaveText('saved in this browser');
  await page.reload();
  await settled(page);
  expect(await editorText(page)).toContain('%% remember me');
  await expect(canvasNodes(page)).toHaveCount(7);
});

import { expect, test } from '@playwright/test';
import { editorText, openFresh } from './app.ts';

test('typing is undone one pause at a time, from inside the editor too', async ({ page }) => {
  await openFresh(page);
  const original = await editorText(page);
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\n%% first thought');
  await page.waitForTimeout(1200); // a pause ends the undo step
  await page.keyboard.type('\n%% second thought');
  await page.keyboard.press('Control+z');
  await expect.poll(() => editorText(page)).toBe(original + '\n%% first thought');
  await page.keyboard.press('Control+z');
  await expect.poll(() => editorText(page)).toBe(original);
  await page.keyboard.press('Control+y');
  await expect.poll(() => editorText(page)).toBe(original + '\n%% first thought');
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(() => editorText(page)).toBe(original + '\n%% first thought\n%% second thought');
  await expect(page.getByTestId('redo')).toBeDisabled();
  await page.getByTestId('undo').click();
  await expect.poll(() => editorText(page)).toBe(original + '\n%% first thought');
});

test('dragging a node keeps it where it was put, and undo moves it back', async ({ page }) => {
  await openFresh(page);
  const node = page.locator('.react-flow__node[data-id="KafkaBroker"]');
  const start = (await node.boundingBox())!;
  await page.mouse.move(start.x + 30, start.y + 10);
  await page.mouse.down();
  await page.mouse.move(start.x + 130, start.y + 90, { steps: 8 });
  await page.mouse.up();
  const moved = (await node.boundingBox())!;
  expect(moved.x - start.x).toBeGreaterThan(60);
  // A text edit lays the drawing out again; the dragged node stays put.
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\nExtra[Audit Service] --> KafkaBroker');
  await expect(page.getByTestId('node-Extra')).toBeVisible();
  const still = (await node.boundingBox())!;
  expect(Math.abs(still.x - moved.x)).toBeLessThan(1);
  expect(Math.abs(still.y - moved.y)).toBeLessThan(1);
  // Undo the typing, then the drag: the node is laid out where it started.
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('node-Extra')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect.poll(async () => Math.round((await node.boundingBox())!.x)).toBe(Math.round(start.x));
  expect(Math.round((await node.boundingBox())!.y)).toBe(Math.round(start.y));
});

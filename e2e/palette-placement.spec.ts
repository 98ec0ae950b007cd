/**
 * Components added by clicking the palette land free of each other and of the drawing (issue 12 §7), and "tidy
 * layout" lays the whole drawing out again as one undoable step.
 */
import { expect, test, type Page } from '@playwright/test';
import { canvasGroups, canvasNodes, openFresh } from './app.ts';

type Rect = { x: number; y: number; width: number; height: number };
const apart = (a: Rect, b: Rect) => a.x >= b.x + b.width || b.x >= a.x + a.width || a.y >= b.y + b.height || b.y >= a.y + a.height;
const rects = async (page: Page, locator: ReturnType<typeof canvasNodes>) =>
  locator.evaluateAll((els) => els.map((e) => ({ id: e.getAttribute('data-testid')!, ...JSON.parse(JSON.stringify(e.getBoundingClientRect())) as Rect })));

test('clicked components land free of each other and of the drawing; tidy layout lays it all out again', async ({ page }) => {
  await openFresh(page);
  const before = new Set((await rects(page, canvasNodes(page))).map((r) => r.id));
  for (const [i, kind] of ['service', 'service', 'database', 'service', 'queue'].entries()) {
    await page.getByTestId(`palette-${kind}`).click();
    await expect(canvasNodes(page)).toHaveCount(8 + i);
  }
  const nodes = await rects(page, canvasNodes(page));
  const groups = await rects(page, canvasGroups(page));
  const added = nodes.filter((n) => !before.has(n.id));
  expect(added).toHaveLength(5);
  for (const a of added) {
    for (const other of [...nodes, ...groups]) if (other.id !== a.id) expect(apart(a, other), `${a.id} covers ${other.id}`).toBe(true);
  }

  // Tidy: the automatic layout takes every node back (the added ones were pinned where they landed); undo returns them.
  const text = await page.locator('.cm-content').textContent();
  await page.getByTestId('tidy-layout').click();
  await expect.poll(async () => JSON.stringify((await rects(page, canvasNodes(page))).find((n) => n.id === added[0]!.id))).not.toBe(JSON.stringify(added[0]));
  expect(await page.locator('.cm-content').textContent()).toBe(text);
  await page.keyboard.press('ControlOrMeta+z');
  // Back where they landed (the view was framed again: compare where two of them stand to each other, in widths).
  const offset = (list: (Rect & { id: string })[]) => {
    const [a, b] = [list.find((n) => n.id === added[0]!.id)!, list.find((n) => n.id === added[1]!.id)!];
    return [Math.round((10 * (b.x - a.x)) / a.width), Math.round((10 * (b.y - a.y)) / a.width)];
  };
  await expect.poll(async () => offset(await rects(page, canvasNodes(page)))).toEqual(offset(added));
});

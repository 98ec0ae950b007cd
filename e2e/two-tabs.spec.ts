/**
 * Two tabs on one workspace: a save never overwrites an edit the other tab made and this one has not seen. The tab
 * that saves second is told, and chooses: keep its own version, or take the other (its own stays one undo away).
 */
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { editorText, openFresh, settled } from './app.ts';
import { storedCurrent } from './storage.ts';

const typeAtEnd = async (page: Page, text: string) => {
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
};

/** Two tabs on the practice template; B is opened after A has stored it. */
async function twoTabs(context: BrowserContext) {
  const a = await context.newPage();
  await a.setViewportSize({ width: 1280, height: 720 });
  await openFresh(a);
  const b = await context.newPage();
  await b.setViewportSize({ width: 1280, height: 720 });
  await b.goto('./');
  await settled(b);
  return { a, b };
}

test('an idle tab follows what another tab saves', async ({ context }) => {
  const { a, b } = await twoTabs(context);
  await typeAtEnd(a, '\n%% saved in tab A');
  await expect(a.getByTestId('save-status')).toHaveText('saved in this browser');
  await expect.poll(() => editorText(b)).toContain('%% saved in tab A');
  await expect(b.getByTestId('notice')).toContainText('changed in another tab');
});

test('edits in both tabs: the second save is held back, and "Keep mine" stores it', async ({ context }, info) => {
  const { a, b } = await twoTabs(context);
  await typeAtEnd(a, '\n%% from tab A');
  await typeAtEnd(b, '\n%% from tab B');
  await expect(b.getByTestId('save-conflict')).toBeVisible();
  await expect(b.getByTestId('save-conflict')).toContainText('changed in another tab');
  await expect(b.getByTestId('save-status')).toHaveText('not saved: changed in another tab');
  const stored = await storedCurrent(a);
  expect(stored.text).toContain('%% from tab A');
  expect(stored.text).not.toContain('%% from tab B');
  expect(await editorText(b)).toContain('%% from tab B');
  await b.screenshot({ path: info.outputPath('conflict.png'), animations: 'disabled' });

  await b.getByRole('button', { name: 'Keep mine' }).click();
  await expect(b.getByTestId('save-conflict')).toBeHidden();
  await expect(b.getByTestId('save-status')).toHaveText('saved in this browser');
  expect((await storedCurrent(b)).text).toContain('%% from tab B');
  // Tab A had nothing unsaved, so it now shows what B kept; A's own text is one undo away there.
  await expect.poll(() => editorText(a)).toContain('%% from tab B');
  await expect(a.getByTestId('notice')).toContainText('changed in another tab');
  await a.screenshot({ path: info.outputPath('followed.png'), animations: 'disabled' });
});

test('"Take theirs" shows the other tab\'s version, with this tab\'s one undo away', async ({ context }) => {
  const { a, b } = await twoTabs(context);
  await typeAtEnd(a, '\n%% from tab A');
  await typeAtEnd(b, '\n%% from tab B');
  await expect(b.getByTestId('save-conflict')).toBeVisible();
  await b.getByRole('button', { name: 'Take theirs' }).click();
  await expect(b.getByTestId('save-conflict')).toBeHidden();
  await expect.poll(() => editorText(b)).toContain('%% from tab A');
  expect(await editorText(b)).not.toContain('%% from tab B');
  expect((await storedCurrent(b)).text).toContain('%% from tab A');
  await b.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
  await b.keyboard.press('Control+z');
  await expect.poll(() => editorText(b)).toContain('%% from tab B');
});

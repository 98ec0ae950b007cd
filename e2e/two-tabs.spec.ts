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

/** Puts the caret at the end and inserts the text as one edit. */
const insertAtEnd = async (page: Page, text: string) => {
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.insertText(text);
};

/**
 * Both tabs edit before either saves; whichever saves second is held back. Which one that is depends on timers and
 * IndexedDB under load, so the tests name them by outcome: `first` saved, `second` was held back.
 */
async function bothEdit(a: Page, b: Page): Promise<{ first: Page; second: Page; firstText: string; secondText: string }> {
  // Both edits must land before either tab's save reaches the other: typed one after the other, the first tab's
  // save could arrive before the second tab's edit (then there is nothing to hold back), so both go in at once.
  await Promise.all([insertAtEnd(a, '\n%% from tab A'), insertAtEnd(b, '\n%% from tab B')]);
  const conflictA = a.getByTestId('save-conflict');
  const conflictB = b.getByTestId('save-conflict');
  await expect.poll(async () => (await conflictA.isVisible()) || (await conflictB.isVisible())).toBe(true);
  return (await conflictB.isVisible())
    ? { first: a, second: b, firstText: '%% from tab A', secondText: '%% from tab B' }
    : { first: b, second: a, firstText: '%% from tab B', secondText: '%% from tab A' };
}

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
  // The editor draws only the lines near its view (the text panel is narrow at 1280 px, so the end is below it).
  await expect.poll(async () => {
    await b.locator('.cm-scroller').evaluate((el) => (el.scrollTop = el.scrollHeight));
    return editorText(b);
  }).toContain('%% saved in tab A');
  await expect(b.getByTestId('notice')).toContainText('changed in another tab');
});

test('edits in both tabs: the second save is held back, and "Keep mine" stores it', async ({ context }, info) => {
  const { a, b } = await twoTabs(context);
  const { first, second, firstText, secondText } = await bothEdit(a, b);
  await expect(second.getByTestId('save-conflict')).toContainText('changed in another tab');
  await expect(second.getByTestId('save-status')).toHaveText('not saved: changed in another tab');
  const stored = await storedCurrent(first);
  expect(stored.text).toContain(firstText);
  expect(stored.text).not.toContain(secondText);
  expect(await editorText(second)).toContain(secondText);
  await second.screenshot({ path: info.outputPath('conflict.png'), animations: 'disabled' });

  await second.getByRole('button', { name: 'Keep mine' }).click();
  await expect(second.getByTestId('save-conflict')).toBeHidden();
  await expect(second.getByTestId('save-status')).toHaveText('saved in this browser');
  expect((await storedCurrent(second)).text).toContain(secondText);
  // The first tab had nothing unsaved, so it now shows what the second kept; its own text is one undo away there.
  await expect.poll(() => editorText(first)).toContain(secondText);
  await expect(first.getByTestId('notice')).toContainText('changed in another tab');
  await first.screenshot({ path: info.outputPath('followed.png'), animations: 'disabled' });
});

test('"Take theirs" shows the other tab\'s version, with this tab\'s one undo away', async ({ context }) => {
  const { a, b } = await twoTabs(context);
  const { second, firstText, secondText } = await bothEdit(a, b);
  await second.getByRole('button', { name: 'Take theirs' }).click();
  await expect(second.getByTestId('save-conflict')).toBeHidden();
  await expect.poll(() => editorText(second)).toContain(firstText);
  expect(await editorText(second)).not.toContain(secondText);
  expect((await storedCurrent(second)).text).toContain(firstText);
  await second.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
  await second.keyboard.press('Control+z');
  await expect.poll(() => editorText(second)).toContain(secondText);
});

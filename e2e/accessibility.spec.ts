/**
 * Accessibility, checked by axe-core (a dev dependency, never shipped) on the sandbox, the lessons page and a
 * lesson, in the light and the dark theme; and what axe cannot see: the keyboard never lands behind the lessons
 * page, and a focused node, palette button or splitter shows where the keyboard is.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { settled } from './app.ts';

const PAGES = [
  ['the sandbox', './'],
  ['the lessons page', './#/lessons'],
  ['a lesson', './#/lessons/01-decouple-the-checkout'],
] as const;

/** axe's violations on the page as it stands, in words a failure message can show. */
async function violations(page: Page) {
  // The moving dots' canvas lies over the nodes, and axe cannot see text's contrast under it: judge the page without it.
  await page.addStyleTag({ content: '.dot-layer { display: none !important; }' });
  const result = await new AxeBuilder({ page })
    // Off by default in axe (experimental), and one the app once failed: a control's name must contain its words.
    .options({ rules: { 'label-content-name-mismatch': { enabled: true } } })
    .analyze();
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`);
}

async function open(page: Page, url: string) {
  await page.goto(url);
  await settled(page);
  if (url.includes('/lessons/')) await expect(page.getByTestId('lesson-goals')).toBeVisible();
  if (url.endsWith('#/lessons')) await expect(page.getByTestId('lesson-list')).toBeVisible();
  await page.waitForTimeout(300); // fades settle (axe reads colours as drawn)
}

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} theme`, () => {
    test.use({ colorScheme: scheme });
    for (const [name, url] of PAGES) {
      test(`axe finds nothing on ${name}`, async ({ page }) => {
        await open(page, url);
        expect(await violations(page)).toEqual([]);
        // ...and the page really was drawn in that theme.
        expect(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toContain(scheme);
      });
    }
  });
}

test('the lessons page keeps the keyboard: Tab never reaches the sandbox behind it', async ({ page }) => {
  await open(page, './#/lessons');
  const reached = new Set<string>();
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    reached.add(await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return 'body';
      if (el.closest('.lessons-page')) return 'lessons';
      if (el.closest('.topbar')) return 'topbar';
      return `sandbox: ${el.getAttribute('data-testid') ?? el.getAttribute('aria-label') ?? el.tagName}`;
    }));
  }
  expect([...reached].filter((r) => r.startsWith('sandbox'))).toEqual([]);
  expect(reached).toContain('lessons');
});

/** The focus ring an element shows when the keyboard reaches it: a visible outline, or none. */
const ring = (page: Page, selector: string) =>
  page.locator(selector).first().evaluate((el) => {
    const s = getComputedStyle(el);
    return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2 ? `${s.outlineWidth} ${s.outlineStyle}` : 'none';
  });

test('a focused canvas node, palette button and splitter each show a focus ring', async ({ page }) => {
  await open(page, './');
  await page.getByTestId('palette-service').focus();
  await page.keyboard.press('Shift+Tab'); // focus-visible comes from the keyboard: arrive by Tab
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('palette-service')).toBeFocused();
  expect(await ring(page, '[data-testid="palette-service"]')).not.toBe('none');

  await page.locator('.react-flow__node[data-id="KafkaBroker"]').focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  await expect(page.locator('.react-flow__node[data-id="KafkaBroker"]')).toBeFocused();
  expect(await ring(page, '.react-flow__node[data-id="KafkaBroker"]')).not.toBe('none');

  // Before the splitter is the editor, where Tab indents: arrive from the palette after it instead.
  await page.locator('.palette-item').first().focus();
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByTestId('splitter')).toBeFocused();
  expect(await ring(page, '[data-testid="splitter"]')).not.toBe('none');
});

test('the splitters say their size, and it changes as they move', async ({ page }) => {
  await open(page, './');
  const splitter = page.getByTestId('splitter');
  const before = Number(await splitter.getAttribute('aria-valuenow'));
  expect(before).toBeGreaterThan(0);
  await splitter.focus();
  await page.keyboard.press('ArrowRight');
  await expect(splitter).toHaveAttribute('aria-valuenow', String(before + 24));
  await expect(page.getByRole('separator', { name: 'Resize the panels' })).toHaveAttribute('aria-valuenow', /^\d+$/);
});

test('in the editor, Tab indents and the way out is said: Escape, then Tab, leaves', async ({ page }) => {
  await open(page, './');
  await page.locator('.cm-content').click();
  await expect(page.getByTestId('editor-keys')).toBeVisible();
  await expect(page.getByTestId('editor-keys')).toHaveText(/Esc then Tab leaves/);
  await expect(page.locator('.cm-content')).toHaveAttribute('aria-describedby', 'editor-keys');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  await expect(page.locator('.cm-content')).not.toBeFocused();
  await expect(page.getByTestId('editor-keys')).toBeHidden();
});

/**
 * Any screen: a 1280x720 laptop gives the canvas a usable share (narrower side panels, a smaller dock, panels that
 * fold away); fitting a wide left-to-right drawing keeps its labels legible and the rest is a scroll away; a phone
 * shows one view at a time, enough to read a lesson, watch a run and see what it found.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { settled } from './app.ts';

const box = async (l: Locator) => (await l.boundingBox())!;
const flow = (page: Page) => page.locator('.app-flow');

test.describe('a 1280x720 laptop', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test('the canvas gets a usable share in the sandbox and in a lesson', async ({ page }) => {
    await page.goto('./');
    await settled(page);
    let canvas = await box(flow(page));
    expect(canvas.width).toBeGreaterThanOrEqual(560);
    expect(canvas.height).toBeGreaterThanOrEqual(330);

    await page.goto('./#/lessons/01-decouple-the-checkout');
    await settled(page);
    await expect(page.getByTestId('lesson-goals')).toBeVisible();
    canvas = await box(flow(page));
    expect(canvas.width).toBeGreaterThanOrEqual(480);
    expect(canvas.height).toBeGreaterThanOrEqual(330);
  });

  test('the text and side panels fold away for the canvas, and stay folded after a reload', async ({ page }) => {
    await page.goto('./#/lessons/01-decouple-the-checkout');
    await settled(page);
    await page.getByTestId('toggle-left').click();
    await page.getByTestId('toggle-right').click();
    await expect(page.getByTestId('toggle-right')).toHaveAttribute('aria-pressed', 'false');
    await expect(page.getByTestId('lesson-panel')).toBeHidden();
    expect((await box(flow(page))).width).toBeGreaterThanOrEqual(1150);

    await page.reload();
    await settled(page);
    expect((await box(flow(page))).width).toBeGreaterThanOrEqual(1150);
    await page.getByTestId('toggle-right').click();
    await expect(page.getByTestId('lesson-panel')).toBeVisible();
  });
});

test('fitting a wide left-to-right drawing keeps its labels legible, and the wheel scrolls to the rest', async ({ page }) => {
  await page.goto('./');
  await settled(page);
  await page.getByTestId('examples').click();
  await page.getByTestId('example-cqrs-event-bus').click();
  await settled(page);
  const zoom = () => page.locator('.react-flow__viewport').evaluate((el) => new DOMMatrixReadOnly(getComputedStyle(el).transform).a);
  await expect.poll(zoom).toBeGreaterThanOrEqual(0.6);
  // A 13 px label is at least 7.8 px on screen (it was 5 before the zoom floor).
  const label = page.locator('.react-flow__node[data-id="WS"] .tnode-label');
  expect((await zoom()) * (await label.evaluate((el) => parseFloat(getComputedStyle(el).fontSize)))).toBeGreaterThanOrEqual(7.8);

  // The read side lies past the right edge; the overview map says there is more, and the wheel gets there.
  const canvas = await box(flow(page));
  const readSide = page.locator('.react-flow__node[data-id="RS"]');
  expect((await box(readSide)).x + (await box(readSide)).width).toBeGreaterThan(canvas.x + canvas.width);
  await expect(page.locator('.react-flow__minimap')).toBeVisible();
  await page.mouse.move(canvas.x + canvas.width / 2, canvas.y + canvas.height / 2);
  for (let i = 0; i < 6; i++) await page.mouse.wheel(200, 0);
  await expect.poll(async () => (await box(readSide)).x + (await box(readSide)).width).toBeLessThanOrEqual(canvas.x + canvas.width);
  expect(await zoom()).toBeGreaterThanOrEqual(0.6); // scrolled, not zoomed out

  // The fit button frames it the same way again.
  await page.getByTestId('fit-view').click();
  await expect.poll(zoom).toBeGreaterThanOrEqual(0.6);
  await expect.poll(async () => (await box(page.locator('.react-flow__node[data-id="Client"]'))).x).toBeGreaterThanOrEqual(canvas.x);
});

test.describe('a 390x844 phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  const inView = async (l: Locator) => {
    const b = await box(l);
    expect(b.x).toBeGreaterThanOrEqual(0);
    expect(b.y).toBeGreaterThanOrEqual(0);
    expect(b.x + b.width).toBeLessThanOrEqual(390 + 0.5);
    expect(b.y + b.height).toBeLessThanOrEqual(844 + 0.5);
  };

  test('reads a lesson, watches its run and sees what it found, one view at a time', async ({ page }) => {
    await page.goto('./#/lessons/01-decouple-the-checkout');
    await settled(page);
    // The lesson first: its title and its goals, nothing else on top of them.
    await expect(page.getByTestId('lesson-title')).toBeVisible();
    await inView(page.getByTestId('lesson-title'));
    await inView(page.getByTestId('lesson-run'));
    await expect(page.locator('.cm-content')).toBeHidden();

    // The text is a tab away.
    await page.getByTestId('phone-tab-text').click();
    await expect(page.locator('.cm-content')).toBeVisible();
    await inView(page.locator('.app-left'));
    await expect(page.getByTestId('lesson-panel')).toBeHidden();

    // The canvas, with the playback bar: play, and watch.
    await page.getByTestId('phone-tab-canvas').click();
    await expect(page.locator('[data-testid^="node-"][data-kind]').first()).toBeVisible();
    await inView(page.getByTestId('play'));
    await page.getByTestId('play').click();
    await expect(page.getByTestId('counters')).toBeVisible();
    await inView(page.getByTestId('counters'));
    await expect.poll(async () => (await page.getByTestId('sim-time').textContent()) ?? '').not.toBe('0.000s');

    // The panels: what the run measured, full height.
    await page.getByTestId('phone-tab-dock').click();
    await expect(page.getByTestId('canvas')).toBeHidden();
    await page.getByTestId('dock-tab-events').click();
    await expect(page.getByTestId('dock-events')).toBeVisible();
    await inView(page.getByTestId('dock-events'));
    expect((await box(page.getByTestId('dock-events'))).height).toBeGreaterThan(300);

    // And back to the lesson, where it was.
    await page.getByTestId('phone-tab-side').click();
    await expect(page.getByTestId('lesson-title')).toBeVisible();
  });

  test('the sandbox opens on its canvas, with every view reachable', async ({ page }) => {
    await page.goto('./');
    await settled(page);
    await expect(page.getByTestId('phone-tabs')).toBeVisible();
    await expect(page.getByTestId('phone-tab-canvas')).toHaveAttribute('aria-pressed', 'true');
    await inView(page.locator('[data-testid^="node-"][data-kind]').first());
    for (const view of ['text', 'dock', 'side', 'canvas'] as const) {
      await page.getByTestId(`phone-tab-${view}`).click();
      await expect(page.getByTestId(`phone-tab-${view}`)).toHaveAttribute('aria-pressed', 'true');
    }
    await page.getByTestId('phone-tab-side').click();
    await expect(page.locator('.app-right')).toBeVisible();
    await inView(page.locator('.app-right'));
  });
});

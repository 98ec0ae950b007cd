/**
 * Small helpers the specs share: what the canvas shows, and the editor's text.
 */
import { expect, type Page } from '@playwright/test';

/** Topology nodes on the canvas (subgraph boxes excluded). */
export const canvasNodes = (page: Page) => page.locator('[data-testid^="node-"][data-kind]');
export const canvasEdges = (page: Page) => page.locator('.react-flow__edge');
export const canvasGroups = (page: Page) => page.locator('[data-testid^="group-"]');

/**
 * The editor's text as its lines show it. CodeMirror draws its lines in its own measure cycle (an animation frame),
 * so a read just after the page loads can find only the first of them drawn: wait two frames first.
 */
export const editorText = (page: Page) =>
  page.evaluate(async () => {
    for (let i = 0; i < 2; i++) await new Promise((done) => requestAnimationFrame(done));
    const lines = [...document.querySelectorAll('.cm-content .cm-line')].map((l) => l.textContent ?? '');
    return lines.join('\n');
  });

/** Waits until the worker has parsed the current text and the canvas shows it. */
export async function settled(page: Page) {
  await expect(page.getByTestId('parse-status')).not.toHaveText('reading…');
}

/** Opens the app on a first visit: the practice template, parsed and drawn. */
export async function openFresh(page: Page) {
  await page.goto('./');
  await settled(page);
  await expect(canvasNodes(page)).toHaveCount(7);
}

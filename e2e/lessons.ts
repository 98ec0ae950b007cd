/**
 * Helpers for the lesson specs: a lesson's own files, its goals on the page, and typing a whole text as a learner
 * would (select all, then the text through the editor's input).
 */
import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import { editorText } from './app.ts';

/** A file of a lesson folder, as the app ships it. */
export const lessonFile = (id: string, name: 'starter.mmd' | 'solution.mmd') => readFileSync(`lessons/${id}/${name}`, 'utf8');

/** A goal's row in the lesson panel; its `data-state` is pass, fail, unchecked or stale. */
export const goal = (page: Page, id: string) => page.getByTestId(`goal-${id}`);

/** Replaces the editor's text with `text`, through CodeMirror's own input handling. */
export async function replaceText(page: Page, text: string) {
  await page.locator('.cm-content').click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.insertText(text);
  await expect.poll(() => editorText(page)).toBe(text);
}

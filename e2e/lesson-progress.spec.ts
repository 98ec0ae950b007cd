import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { settled } from './app.ts';
import { lessonFile, replaceText } from './lessons.ts';

const row = (page: Page, id: string) => page.getByTestId(`lesson-row-${id}`);

/** Finishes lesson 2 by typing its solution and running it. */
async function finishLesson2(page: Page) {
  await page.goto('./#/lessons/02-a-log-not-a-queue');
  await settled(page);
  await replaceText(page, lessonFile('02-a-log-not-a-queue', 'solution.mmd'));
  await page.getByTestId('lesson-run').click();
  await expect(page.getByTestId('lesson-finished')).toBeVisible({ timeout: 30_000 });
}

test('progress is exported to a file, and imported into another browser; a bad file changes nothing', async ({ page, browser }) => {
  await finishLesson2(page);
  await page.goto('./#/lessons/04-consumer-groups');
  await settled(page);
  await page.getByTestId('lesson-all').click();
  await expect(row(page, '02-a-log-not-a-queue')).toHaveAttribute('data-status', 'done');
  await expect(row(page, '04-consumer-groups')).toHaveAttribute('data-status', 'in-progress');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('progress-export').click()]);
  expect(download.suggestedFilename()).toBe('eventlab-progress.json');
  const file = await readFile((await download.path())!);
  const exported = JSON.parse(file.toString('utf8'));
  expect(exported).toMatchObject({ format: 'eventlab-progress', version: 1, lessons: { '02-a-log-not-a-queue': { status: 'done' } } });

  // Another browser, with no progress of its own.
  const other = await browser.newContext();
  const there = await other.newPage();
  await there.goto('./#/lessons');
  await expect(row(there, '02-a-log-not-a-queue')).toHaveAttribute('data-status', 'not-started');
  const input = there.getByTestId('progress-import-input');
  await input.setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"lessons": {}}') });
  await expect(there.getByTestId('progress-outcome')).toHaveText(
    'notes.json is not an EventLab progress file: it has no "format": "eventlab-progress". Your progress is unchanged.',
  );
  const broken = { ...exported, lessons: { '02-a-log-not-a-queue': { ...exported.lessons['02-a-log-not-a-queue'], status: 'finished' } } };
  await input.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
  await expect(there.getByTestId('progress-outcome')).toContainText('lesson 02-a-log-not-a-queue has status "finished"');
  await expect(row(there, '02-a-log-not-a-queue')).toHaveAttribute('data-status', 'not-started');

  await input.setInputFiles({ name: 'eventlab-progress.json', mimeType: 'application/json', buffer: file });
  await expect(there.getByTestId('progress-outcome')).toHaveText('Imported eventlab-progress.json: 1 done, 1 in progress.');
  await expect(row(there, '02-a-log-not-a-queue')).toHaveAttribute('data-status', 'done');
  await expect(row(there, '04-consumer-groups')).toHaveAttribute('data-status', 'in-progress');
  await expect(there.getByTestId('module-foundations').getByTestId('module-done')).toHaveText('1 of 8 done');
  await there.reload();
  await expect(row(there, '02-a-log-not-a-queue')).toHaveAttribute('data-status', 'done');
  await other.close();
});

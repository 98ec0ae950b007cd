import { expect, test } from '@playwright/test';
import { openTopology } from './observe.ts';

test('a run says what it notes about the topology, at its line: a quorum queue on one node', async ({ page }) => {
  await openTopology(
    page,
    `graph LR
  Orders[Order Service] -->|jobs| Work[(Queue: work)]
  Work --> Worker[Worker Service]
  %% @config Work x-queue-type=quorum
`,
    'A quorum queue on one node',
  );
  await expect(page.getByTestId('run-notes')).toHaveCount(0);
  await page.getByTestId('play').click();
  const notes = page.getByTestId('run-notes');
  await expect(notes).toContainText('line 4');
  await expect(notes).toContainText('cannot survive a node failure');
});

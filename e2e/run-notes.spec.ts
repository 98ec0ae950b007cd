import { expect, test } from '@playwright/test';
import { openTopology } from './observe.ts';

test('a run says what it leaves out: RabbitMQ nodes are drawn, not simulated', async ({ page }) => {
  await openTopology(
    page,
    `graph LR
  Orders[Order Service] -->|publish| Kafka[Kafka: orders]
  Orders -->|publish| Exchange[RabbitMQ Exchange: billing]
`,
    'Kafka and RabbitMQ',
  );
  await expect(page.getByTestId('run-notes')).toHaveCount(0);
  await page.getByTestId('play').click();
  const notes = page.getByTestId('run-notes');
  await expect(notes).toContainText('line 3');
  await expect(notes).toContainText('drawn but not simulated yet');
});

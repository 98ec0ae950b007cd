/**
 * Sagas as a learner meets them: the seed's orchestration diagram runs sagas; the orchestrator's live row counts
 * them running, completed and compensated (a step rejecting compensates); an orchestrator kept in memory that
 * crashes mid-run leaves sagas half done, which the row marks as bad; a saga's timeline, and the same saga followed
 * across its services in the trace.
 */
import { expect, test, type Locator } from '@playwright/test';
import { encodeShare } from '../app/persistence/share.ts';
import { settled } from './app.ts';
import { playUntil, setSpeed } from './live.ts';

const TEXT = (settings: string) => `graph TD
subgraph Orchestration - Central Coordinator
    Orch[Saga Orchestrator]
    Orch --> PS[Step 1 - Payment Service]
    PS --> Orch
    Orch --> IS[Step 2 - Inventory Service]
    IS --> Orch
    Orch --> SS[Step 3 - Shipping Service]
end
%% @config IS reject=0.2 latency=100ms
${settings}
`;

const count = async (row: Locator, id: string) => Number(/(\d+)/.exec((await row.getByTestId(id).getAttribute('title')) ?? '')?.[1]);

test("the orchestrator's live row counts completed and compensated sagas", async ({ page }) => {
  await page.goto(`./${encodeShare({ text: TEXT('%% @config Orch rate=50/s'), name: 'saga' })}`);
  await settled(page);
  await setSpeed(page, '5×');
  await playUntil(page, 4);
  const row = page.getByTestId('live-Orch');
  await expect(row.getByTestId('live-up')).toHaveText('up');
  expect(await count(row, 'live-sagas-completed')).toBeGreaterThan(50);
  expect(await count(row, 'live-sagas-compensated')).toBeGreaterThan(5);
  await expect(row.getByTestId('live-sagas-bad')).toHaveCount(0);
});

test('an orchestrator that keeps its sagas in memory and crashes leaves sagas half done, marked on its row', async ({ page }) => {
  await page.goto(`./${encodeShare({ text: TEXT('%% @config Orch rate=50/s saga.state=memory'), name: 'saga-memory' })}`);
  await settled(page);
  await setSpeed(page, '5×');
  await playUntil(page, 2);
  await page.getByTestId('node-Orch').click({ button: 'right' });
  await page.getByTestId('fault-crash').click();
  const row = page.getByTestId('live-Orch');
  await expect(row.getByTestId('live-up')).toHaveText('down');
  await page.getByTestId('node-Orch').click({ button: 'right' });
  await page.getByTestId('fault-restart').click();
  await playUntil(page, 4);
  await expect(row.getByTestId('live-sagas-bad')).toBeVisible();
  expect(Number(/^(\d+) sagas left half done/.exec((await row.getByTestId('live-sagas-bad').getAttribute('title')) ?? '')?.[1])).toBeGreaterThan(0);
});

test("a failing payment after the stock is reserved: the saga's timeline shows the rejection and the compensation", async ({ page }) => {
  const text = `graph LR
  Orch[Saga Orchestrator] -->|ReserveStock| Inv[Inventory Service]
  Orch -->|ChargeCard| Pay[Payment Service]
  Orch -->|CreateShipment| Ship[Shipping Service]
  %% @config Orch rate=20/s
  %% @config Pay reject=1
`;
  await page.goto(`./${encodeShare({ text, name: 'saga-payment-fails' })}`);
  await settled(page);
  await setSpeed(page, '5×');
  await playUntil(page, 2);
  await page.getByTestId('node-Orch').click();
  const list = page.getByTestId('saga-list');
  await expect(list).toContainText('compensated');
  await expect(list).toContainText('Inv undone, Pay rejected, Ship not done');
  const timeline = page.getByTestId('saga-timeline');
  const rows = timeline.locator('tbody tr');
  await expect(rows).toHaveCount(7);
  const lines = (await rows.allTextContents()).map((r) => r.replace(/^[\d.]+ s/, ''));
  expect(lines).toEqual(['startedInv', 'commandInv', 'doneInv', 'commandPay', 'rejectedPay', 'compensateInv', 'undoneInv']);
  // The trace follows the same saga across the services: a lane each, its commands, replies and the compensation.
  await timeline.getByTestId('saga-trace').click();
  const trace = page.getByTestId('trace-panel');
  await expect(trace.getByTestId('spacetime-lane')).toHaveText(['Orch', 'Inv', 'Pay']);
  const moves = trace.getByTestId('saga-trace-moves').locator('li');
  await expect(moves).toHaveCount(11);
  expect((await moves.allTextContents()).map((m) => m.replace(/^[\d.]+ s /, '').replace(/ after [\d.]+ ms/, ''))).toEqual([
    'Orch: started', 'Orch → Inv: command (Inv), arrived', 'Inv: done', 'Inv → Orch: reply, arrived', 'Orch → Pay: command (Pay), arrived', 'Pay: rejected',
    'Pay → Orch: reply, arrived', 'Orch → Inv: compensate (Inv), arrived', 'Inv: undone', 'Inv → Orch: reply, arrived', 'Orch: compensated',
  ]);
});

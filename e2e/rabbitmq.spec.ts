/**
 * RabbitMQ in the browser (issue 13 §4): a fanout and a topic exchange built from the palette run and show their live
 * rows; a consumer crashed with unacked deliveries gives them back to its queue; a dead-lettered message's story
 * opens in the trace, through its queue, the dead-letter exchange and the queue it went on to.
 */
import { expect, test, type Page } from '@playwright/test';
import { canvasEdges, canvasNodes, editorText, openFresh, settled } from './app.ts';
import { playUntil, setSpeed } from './live.ts';
import { openTab, openTopology, runUntil, simSeconds } from './observe.ts';

const nodeIds = (page: Page) => canvasNodes(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.slice('node-'.length)));

/** Adds a component from the palette and names it in the inspector; returns its id. */
async function place(page: Page, kind: string, label: string): Promise<string> {
  const before = await nodeIds(page);
  await page.getByTestId(`palette-${kind}`).click();
  await expect(canvasNodes(page)).toHaveCount(before.length + 1);
  const id = (await nodeIds(page)).find((x) => !before.includes(x))!;
  await page.getByTestId(`node-${id}`).click();
  const field = page.getByTestId('inspector-label');
  await field.fill(label);
  await field.press('Enter');
  await expect(page.getByTestId(`node-${id}`)).toContainText(label.replace(/^\w+: /, '').replace(/ \(.*\)$/, ''));
  return id;
}

/** Where a handle is once the view stops moving (fitting the view and laying the drawing out again animate it). */
async function settledBox(page: Page, selector: string) {
  let last = '';
  let box = await page.locator(selector).boundingBox();
  for (let i = 0; i < 40 && JSON.stringify(box) !== last; i++) {
    last = JSON.stringify(box);
    await page.waitForTimeout(100);
    box = await page.locator(selector).boundingBox();
  }
  return box!;
}

/** Drags from one node's outgoing handle to another's incoming one, then labels the edge in the inspector. */
async function connect(page: Page, from: string, to: string, label?: string) {
  const edges = await canvasEdges(page).count();
  // Both ends in view (the drawing grows as edges lay it out again).
  await page.getByTestId('fit-view').click();
  await page.locator(`.react-flow__node[data-id="${from}"]`).hover();
  const a = await settledBox(page, `.react-flow__node[data-id="${from}"] .react-flow__handle.source`);
  const b = await settledBox(page, `.react-flow__node[data-id="${to}"] .react-flow__handle.target`);
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 });
  await page.mouse.up();
  await expect(canvasEdges(page)).toHaveCount(edges + 1);
  if (label === undefined) return;
  await page.getByTestId(`edge-L_${from}_${to}_0`).click();
  const field = page.getByTestId('inspector-edge-label');
  await field.fill(label);
  await field.press('Enter');
  await expect(page.getByTestId(`edge-L_${from}_${to}_0`)).toContainText(label);
}

test('a fanout and a topic exchange built from the palette route into their queues, live on the canvas and in the inspector', async ({ page }) => {
  // Seven components and seven edges placed one by one, each waiting for the view to settle.
  test.slow();
  await openFresh(page);
  await page.getByTestId('workspace-switcher').click();
  await page.getByTestId('workspace-new').click();
  await settled(page);

  const orders = await place(page, 'service', 'Orders');
  const events = await place(page, 'exchange', 'Exchange: events (fanout)');
  const billing = await place(page, 'queue', 'Queue: billing');
  const audit = await place(page, 'queue', 'Queue: audit');
  const billingSvc = await place(page, 'service', 'Billing');
  const auditSvc = await place(page, 'service', 'Audit');
  const topic = await place(page, 'exchange', 'Exchange: orders (topic)');
  await page.getByTestId('tidy-layout').click();

  await connect(page, orders, events);
  await connect(page, events, billing);
  await connect(page, events, audit);
  await connect(page, billing, billingSvc);
  await connect(page, audit, auditSvc);
  // The topic exchange: published with a routing key, bound to billing by a pattern that matches it.
  await connect(page, orders, topic, 'order.eu.created');
  await connect(page, topic, billing, 'order.*.created');
  const text = await editorText(page);
  expect(text).toContain(`${topic} -->|order.*.created| ${billing}`);
  await expect(page.getByTestId(`edge-L_${events}_${billing}_0`)).toHaveAttribute('data-kind', 'route');
  await expect(page.getByTestId(`edge-L_${billing}_${billingSvc}_0`)).toHaveAttribute('data-kind', 'subscribe');

  await runUntil(page, 5);
  // Every publish goes to both exchanges: the fanout copies it into both queues, the topic exchange into billing.
  const routed = async (id: string) => Number((await page.getByTestId(`live-${id}`).getByTestId('live-routed').textContent())!.replace(/\D/g, ''));
  expect(await routed(events)).toBeGreaterThan(10);
  // Each row draws its frame in its own deferred render: two reads can straddle a frame until both have settled.
  await expect.poll(async () => (await routed(topic)) - (await routed(events))).toBe(0);
  await expect(page.getByTestId(`live-${events}`).getByTestId('live-exchange-type')).toHaveText('fanout');
  await expect(page.getByTestId(`live-${topic}`).getByTestId('live-unroutable')).toHaveCount(0);
  await expect(page.getByTestId(`live-${billing}`).getByTestId('live-ready')).toHaveText(/^\d+ ready$/);
  await expect(page.getByTestId(`consumers-${billing}`).getByTestId('live-consumer')).toContainText(billingSvc);

  // The inspector: the topic exchange's binding and what it matched; billing counts twice what audit takes.
  await page.getByTestId(`node-${topic}`).click();
  await expect(page.getByTestId('exchange-bindings')).toContainText('order.*.created');
  const matched = page.getByTestId('exchange-match').filter({ hasText: 'billing' }).first();
  await expect(matched).toContainText('order.eu.created');
  await expect(page.getByTestId('exchange-match').filter({ hasText: 'dropped' })).toHaveCount(0);
  await page.getByTestId(`node-${billing}`).click();
  await expect(page.getByTestId('queue-detail')).toContainText('classic');
  await expect(page.getByTestId('queue-consumers')).toContainText('manual');
});

const WORK = `graph LR
  Orders[Order Service] -->|jobs| Work[(Queue: work)]
  Work --> Worker[Worker Service]
  Work -->|dead| DLX["Exchange: dead (fanout)"]
  DLX --> Parked[(Queue: parked)]
  Parked --> Janitor[Janitor Service]
  %% @config Orders rate=10/s event=JobCreated
  %% @config Work x-message-ttl=3000
  %% @config Worker prefetch=5 processing=400ms
`;

test('a consumer crashed with unacked deliveries gives them back; a dead-lettered message opens its story in the trace', async ({ page }) => {
  await openTopology(page, WORK, 'Work queue');
  // At the speed of real time, so the moments below are a second apart in the run too.
  await setSpeed(page, '1×');
  await playUntil(page, 2);
  // The worker holds its prefetch unacked while a backlog waits.
  const worker = page.getByTestId('consumers-Work').getByTestId('live-consumer');
  await expect(worker).toContainText('Worker5');
  await expect(page.getByTestId('live-Work').getByTestId('live-unacked')).toHaveText('5 unacked');
  const ready = Number((await page.getByTestId('live-Work').getByTestId('live-ready').textContent())!.replace(/\D/g, ''));

  // Right-click the queue: crash its consumer. Its five deliveries go back to the queue.
  await page.getByTestId('node-Work').click({ button: 'right' });
  await expect(page.getByTestId('fault-menu')).toContainText('5 unacked go back to the queue');
  await page.getByTestId('fault-crash-consumer-Worker').click();
  await expect(page.getByTestId('live-Work').getByTestId('live-unacked')).toHaveText('0 unacked');
  await expect(worker).toHaveAttribute('data-up', 'false');
  await expect.poll(async () => Number((await page.getByTestId('live-Work').getByTestId('live-ready').textContent())!.replace(/\D/g, ''))).toBeGreaterThanOrEqual(ready + 5);
  await openTab(page, 'events');
  await expect(page.getByTestId('log-entry').filter({ hasText: '5 unacked deliveries requeued' })).toHaveCount(1);
  await expect(page.getByTestId('log-entry').filter({ hasText: 'back in the queue from Worker' })).toHaveCount(5);

  // Restarted (from its own menu), it gets them again, redelivered; the backlog outlives its TTL and is
  // dead-lettered into parked.
  await page.getByTestId('node-Worker').click({ button: 'right' });
  await page.getByTestId('fault-restart').click();
  const at = await simSeconds(page);
  await playUntil(page, at + 1);
  await page.getByTestId('log-search').fill('(redelivered)');
  await expect(page.getByTestId('log-entry').filter({ hasText: 'Worker received #' }).first()).toBeVisible();
  await playUntil(page, at + 6);
  await expect(page.getByTestId('live-Work').getByTestId('live-dead')).toBeVisible();
  await expect(page.getByTestId('live-Work').getByTestId('live-expired')).toBeVisible();
  await expect(page.getByTestId('live-DLX').getByTestId('live-dead-in')).toBeVisible();

  // A dead-lettered message's story: its queue, the dead-letter exchange, and its copy delivered from parked.
  await page.getByTestId('log-search').fill('dead-lettered (expired)');
  const death = page.getByTestId('log-entry').filter({ hasText: 'dead-lettered (expired) as #' }).last();
  await death.getByTestId('log-message').click();
  await expect(page.getByTestId('dock-tab-trace')).toHaveAttribute('aria-selected', 'true');
  const lanes = page.getByTestId('spacetime-lane');
  await expect(lanes).toContainText(['Orders', 'default exchange', 'queue work', 'exchange dead', 'queue parked']);
  await expect(page.locator('[data-hop="dead-letter"]')).toHaveCount(1);
  await expect(page.getByTestId('spacetime-dead-lettered')).toHaveCount(1);
  const card = page.getByTestId('message-card');
  await expect(card).toContainText('queue work, through the default exchange');
  await expect(card).toContainText('expired (its TTL ran out): dead-lettered as #');
});

test("a RabbitMQ node crashed from a queue's menu takes its queues down, and restarted brings them back to their consumers", async ({ page }) => {
  await openTopology(page, WORK, 'Work queue');
  await setSpeed(page, '1×');
  await playUntil(page, 1);
  // A queue is not a process: its menu breaks the node hosting it (the implicit RabbitMQ here).
  await page.getByTestId('node-Work').click({ button: 'right' });
  await expect(page.getByTestId('fault-menu')).toContainText('lives on RabbitMQ node RabbitMQ');
  await page.getByTestId('fault-crash').click();
  await expect(page.getByTestId('live-Work').getByTestId('live-unavailable')).toBeVisible();
  await expect(page.getByTestId('live-Parked').getByTestId('live-unavailable')).toBeVisible();
  await page.getByTestId('node-Work').click({ button: 'right' });
  await page.getByTestId('fault-restart').click();
  await expect(page.getByTestId('live-Work').getByTestId('live-unavailable')).toHaveCount(0);
  // The worker reconnects after its recovery interval (5 s) and takes deliveries again.
  const at = await simSeconds(page);
  await playUntil(page, at + 6);
  await expect(page.getByTestId('consumers-Work').getByTestId('live-consumer')).toHaveAttribute('data-up', 'true');
  await expect(page.getByTestId('live-Work').getByTestId('live-unacked')).toHaveText('5 unacked');
});

// The observation panels' screenshots for `npm run screenshots`: the spacetime diagram of a lost message's story,
// and A/B of acks=1 against acks=all under the same network split. Kept apart from tools/screenshots.mjs so each
// branch extends that script with one call.
import { readFileSync } from 'node:fs';
import { deflateSync, strToU8 } from 'fflate';

/** A share link's hash, as app/persistence/share.ts writes it (`#v1:` + base64url(deflate(JSON))). */
function shareHash(shared) {
  return `#v1:${Buffer.from(deflateSync(strToU8(JSON.stringify(shared)), { level: 9 })).toString('base64url')}`;
}

async function openTab(page, tab) {
  const button = page.getByTestId(`dock-tab-${tab}`);
  if ((await button.getAttribute('aria-selected')) !== 'true') await button.click();
}

/** Kafka/1 cut off from its followers and the controller at 5 s, healed at 25 s: acks=1 writes it takes are lost. */
async function scheduleIsolatedLeader(page) {
  await openTab(page, 'faults');
  await page.getByTestId('open-partition-tool').click();
  await page.getByTestId('side-Kafka/1-a').click();
  for (const h of ['Kafka/2', 'Kafka/3', 'Kafka/controller']) await page.getByTestId(`side-${h}-b`).click();
  await page.getByTestId('partition-tool').getByRole('textbox', { name: 'At' }).fill('5s');
  await page.getByTestId('split-schedule').click();
  await page.getByTestId('fault-at').fill('25s');
  await page.getByTestId('fault-action').selectOption('heal');
  await page.getByTestId('fault-schedule').click();
}

const seconds = (text) => {
  const m = /(?:(\d+)m)?(\d+(?:\.\d+)?)s/.exec(text ?? '');
  return m ? Number(m[1] ?? 0) * 60 + Number(m[2]) : 0;
};

/** Takes `trace` and `compare` with `shot(name)` on `page`, served at `base`. */
export async function observeShots({ page, shot, base }) {
  const text = readFileSync('docs/topologies/orders-acks1.mmd', 'utf8');
  // A taller dock than the default shows the panels as a learner would after dragging its edge.
  await page.evaluate(() => localStorage.setItem('eventlab.dockHeight', '330'));
  await page.goto('about:blank');
  await page.goto(`${base}${shareHash({ text, name: 'acks=1 under a network split' })}`);
  await page.getByTestId('parse-status').filter({ hasNotText: 'reading…' }).waitFor();
  await scheduleIsolatedLeader(page);

  const speed = page.getByTestId('speed');
  await speed.fill((await speed.getAttribute('max')) ?? '0');
  await page.getByTestId('play').click();
  for (let waited = 0; seconds(await page.getByTestId('sim-time').textContent()) < 40; waited += 100) {
    if (waited > 60_000) throw new Error('the simulation did not reach 40 s in a minute');
    await page.waitForTimeout(100);
  }
  await page.getByTestId('play').click();

  // One lost message's story, opened from the lost counter as a learner would.
  await page.getByTestId('counter-lost').click();
  await page.getByTestId('finding').first().getByTestId('finding-trace').click();
  await page.keyboard.press('Escape');
  await openTab(page, 'trace');
  await page.getByTestId('spacetime-held').first().waitFor({ state: 'attached' });
  await shot('trace');

  await openTab(page, 'compare');
  await page.getByTestId('compare-b-editor').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('End');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('all');
  await page.getByTestId('compare-run').click();
  await page.getByTestId('compare-table').waitFor({ timeout: 60_000 });
  // Drag the dock's edge up, as a learner would to see the table and the overlaid charts together.
  const edge = await page.locator('.dock-resizer').boundingBox();
  if (edge) {
    await page.mouse.move(edge.x + edge.width / 2, edge.y + edge.height / 2);
    await page.mouse.down();
    await page.mouse.move(edge.x + edge.width / 2, edge.y - 200, { steps: 8 });
    await page.mouse.up();
  }
  await shot('compare');
}

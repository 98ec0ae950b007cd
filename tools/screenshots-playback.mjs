// The playback screenshots for `npm run screenshots`: the practice template's target architecture playing, a
// crashed broker whose partitions elected new leaders, and the partition inspector. Kept apart from
// tools/screenshots.mjs so each branch extends that script with one call.
import { readFileSync } from 'node:fs';
import { deflateSync, strToU8 } from 'fflate';

/** A share link's hash, as app/persistence/share.ts writes it (`#v1:` + base64url(deflate(JSON))). */
function shareHash(shared) {
  return `#v1:${Buffer.from(deflateSync(strToU8(JSON.stringify(shared)), { level: 9 })).toString('base64url')}`;
}

const seconds = (text) => {
  const m = /(?:(\d+)m)?(\d+(?:\.\d+)?)s/.exec(text ?? '');
  return m ? Number(m[1] ?? 0) * 60 + Number(m[2]) : 0;
};

async function setSpeed(page, label) {
  const slider = page.getByTestId('speed');
  const max = Number(await slider.getAttribute('max'));
  for (let i = 0; i <= max; i++) {
    await slider.fill(String(i));
    if ((await page.getByTestId('speed-value').textContent()) === label) return;
  }
}

/** Plays until the clock passes `s` simulated seconds, then pauses. */
async function playUntil(page, s) {
  await page.getByTestId('play').click();
  for (let waited = 0; seconds(await page.getByTestId('sim-time').textContent()) < s; waited += 100) {
    if (waited > 90_000) throw new Error(`the simulation did not reach ${s} s`);
    await page.waitForTimeout(100);
  }
  await page.getByTestId('play').click();
}

/** Takes `playback`, `fault` and `partition-inspector` with `shot(name)` on `page`, served at `base`. */
export async function playbackShots({ page, shot, base }) {
  // The practice template, opened from the examples (the page keeps the last workspace the other shots opened).
  await page.goto('about:blank');
  await page.goto(base);
  await page.getByTestId('parse-status').filter({ hasNotText: 'reading…' }).waitFor();
  await page.getByTestId('examples').click();
  await page.getByTestId('example-practice-decouple-checkout').click();
  await page.getByTestId('parse-status').filter({ hasNotText: 'reading…' }).waitFor();
  await page.getByTestId('dock-tab-faults').click();
  await page.getByRole('button', { name: 'Fit View' }).click();
  await setSpeed(page, '2×');
  await playUntil(page, 12);
  await page.getByTestId('play').click(); // playing while the picture is taken: the dots are mid-flight
  await page.waitForTimeout(1500);
  await shot('playback');
  await page.getByTestId('play').click();
  await page.getByTestId('dock-tab-faults').click();

  // Busy orders: broker 2 crashed at 5 s; 20 s later its partitions have new leaders and shrunken ISRs.
  const text = readFileSync('docs/topologies/orders-acks1.mmd', 'utf8');
  await page.goto('about:blank');
  await page.goto(`${base}${shareHash({ text, name: 'orders, acks=1' })}`);
  await page.getByTestId('parse-status').filter({ hasNotText: 'reading…' }).waitFor();
  await page.getByTestId('fault-at').fill('5s');
  await page.getByTestId('fault-target').fill('Kafka/2');
  await page.getByTestId('fault-schedule').click();
  await setSpeed(page, '10×');
  await playUntil(page, 25);
  await page.getByTestId('node-Kafka').click({ button: 'right' });
  await page.getByTestId('fault-menu').waitFor();
  await shot('fault');
  await page.keyboard.press('Escape');

  const cell = page.locator('[data-testid^="partition-orders-topic-"][data-isr="3,1"], [data-testid^="partition-orders-topic-"][data-isr="1,3"]').first();
  await cell.click();
  await page.getByTestId('log-strip').waitFor();
  await shot('partition-inspector');
}

/**
 * Helpers for the observation specs, written as a learner works: open a topology from a link, schedule faults in
 * the dock, play at a speed, wait for simulated time, open a dock tab.
 */
import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import { encodeShare } from '../app/persistence/share.ts';
import { settled } from './app.ts';

/** The text of a topology in docs/topologies. */
export const topology = (name: string) => readFileSync(new URL(`../docs/topologies/${name}`, import.meta.url), 'utf8');

/** Opens `text` from a share link, in a workspace of its own. */
export async function openTopology(page: Page, text: string, name = 'Observation') {
  await page.goto('about:blank');
  await page.goto(`./${encodeShare({ text, name })}`);
  await settled(page);
}

/** Shows a dock tab (a click on the tab already open would fold the dock). */
export async function openTab(page: Page, tab: 'faults' | 'metrics' | 'events' | 'trace' | 'compare') {
  const button = page.getByTestId(`dock-tab-${tab}`);
  if ((await button.getAttribute('aria-selected')) !== 'true') await button.click();
  await expect(button).toHaveAttribute('aria-selected', 'true');
}

/** Schedules a network split with the partition tool: `sideA` cut off from `sideB` at `at` (`5s`). */
export async function scheduleSplit(page: Page, at: string, sideA: string[], sideB: string[]) {
  await openTab(page, 'faults');
  await page.getByTestId('open-partition-tool').click();
  for (const h of sideA) await page.getByTestId(`side-${h}-a`).click();
  for (const h of sideB) await page.getByTestId(`side-${h}-b`).click();
  await page.getByTestId('partition-tool').getByRole('textbox', { name: 'At' }).fill(at);
  await page.getByTestId('split-schedule').click();
}

/** Schedules one fault with the dock's form, e.g. `scheduleFault(page, '25s', 'heal')`. */
export async function scheduleFault(page: Page, at: string, action: string, target?: string) {
  await openTab(page, 'faults');
  await page.getByTestId('fault-at').fill(at);
  await page.getByTestId('fault-action').selectOption(action);
  if (target) await page.getByTestId('fault-target').fill(target);
  await page.getByTestId('fault-schedule').click();
}

/** The acks=1 loss: Kafka/1 keeps leading and acknowledging alone, cut off from its followers and the controller. */
export async function scheduleIsolatedLeader(page: Page, splitAt = '5s', healAt = '25s') {
  await scheduleSplit(page, splitAt, ['Kafka/1'], ['Kafka/2', 'Kafka/3', 'Kafka/controller']);
  await scheduleFault(page, healAt, 'heal');
}

/** Simulated seconds on the playback clock (`42.750s`, `1m11.520s`). */
export async function simSeconds(page: Page): Promise<number> {
  const text = (await page.getByTestId('sim-time').textContent()) ?? '';
  const m = /(?:(\d+)m)?(\d+(?:\.\d+)?)s/.exec(text);
  return m ? Number(m[1] ?? 0) * 60 + Number(m[2]) : 0;
}

/** Sets the speed slider to its fastest stop ("max") and plays. */
export async function playFast(page: Page) {
  const speed = page.getByTestId('speed');
  await speed.fill((await speed.getAttribute('max')) ?? '0');
  await expect(page.getByTestId('speed-value')).toHaveText('max');
  await page.getByTestId('play').click();
}

/** Plays fast until the clock reads at least `seconds`, then pauses. */
export async function runUntil(page: Page, seconds: number) {
  await playFast(page);
  await expect.poll(() => simSeconds(page), { timeout: 45_000 }).toBeGreaterThanOrEqual(seconds);
  await page.getByTestId('play').click();
  await expect(page.getByTestId('play')).toHaveAttribute('aria-label', 'Play');
}

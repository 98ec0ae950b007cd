/**
 * Helpers for the live-simulation specs: open a topology by share link, read the simulated clock, run to a moment.
 */
import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import { encodeShare } from '../app/persistence/share.ts';
import { settled } from './app.ts';

/** Opens the app on a topology file of the repository, as a share link would. */
export async function openTopology(page: Page, path: string, name = path.replace(/^.*\//, '').replace(/\.mmd$/, '')) {
  await page.goto(`./${encodeShare({ text: readFileSync(path, 'utf8'), name })}`);
  await settled(page);
}

/** The simulated time the playback bar shows, in seconds. */
export async function simSeconds(page: Page): Promise<number> {
  const text = (await page.getByTestId('sim-time').textContent()) ?? '';
  const m = /^(?:(\d+)m)?([\d.]+)s$/.exec(text.trim());
  return m ? Number(m[1] ?? 0) * 60 + Number(m[2]) : NaN;
}

/** Sets the speed slider to `label` (`1×`, `10×`, `max`). */
export async function setSpeed(page: Page, label: string) {
  const slider = page.getByTestId('speed');
  for (let i = 0; i < 20 && (await page.getByTestId('speed-value').textContent()) !== label; i++) {
    const now = Number(await slider.inputValue());
    const max = Number(await slider.getAttribute('max'));
    const want = label === 'max' ? max : now + 1;
    await slider.fill(String(Math.min(max, want)));
  }
  await expect(page.getByTestId('speed-value')).toHaveText(label);
}

/** Plays until the clock passes `seconds`, then pauses. */
export async function playUntil(page: Page, seconds: number, timeout = 45_000) {
  await page.getByTestId('play').click();
  await expect.poll(() => simSeconds(page), { timeout, intervals: [100, 200] }).toBeGreaterThanOrEqual(seconds);
  await page.getByTestId('play').click();
  await expect(page.getByTestId('play')).toHaveAttribute('aria-label', 'Play');
}

/**
 * Determinism across JavaScript engines: the same scenario (topology, seed, faults) run in Node and in Chromium
 * must leave identical history hashes. Chromium's V8 is not Node's, so this catches any state-affecting arithmetic
 * that is not exactly rounded (Math.log, exp, pow, sin) or any ordering that depends on the engine.
 */
import { expect, test } from '@playwright/test';
import { build } from 'esbuild';
import { createSimulation, parseTopology } from '../engine/index.ts';
import { DETERMINISM_SCENARIO as S } from '../engine/testing/scenarios.ts';
import { parseDuration } from '../engine/sim/time.ts';

function hashInNode(): string {
  const sim = createSimulation(parseTopology(S.text).topology, { seed: S.seed, faults: S.faults });
  sim.run(parseDuration(S.until, 1_000_000)!);
  return sim.hash();
}

async function engineBundle(): Promise<string> {
  const out = await build({
    stdin: {
      contents: `
        import { createSimulation, parseTopology } from './engine/index.ts';
        import { DETERMINISM_SCENARIO as S } from './engine/testing/scenarios.ts';
        import { parseDuration } from './engine/sim/time.ts';
        globalThis.runScenario = () => {
          const sim = createSimulation(parseTopology(S.text).topology, { seed: S.seed, faults: S.faults });
          sim.run(parseDuration(S.until, 1_000_000));
          return { hash: sim.hash(), userAgent: navigator.userAgent, events: sim.world.events };
        };`,
      resolveDir: process.cwd(),
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    write: false,
  });
  return out.outputFiles[0]!.text;
}

test('the same scenario gives the same history hash in Node and in Chromium', async ({ page }) => {
  const node = hashInNode();
  await page.goto('about:blank');
  await page.addScriptTag({ content: await engineBundle() });
  const browser = await page.evaluate(() => (globalThis as unknown as { runScenario: () => { hash: string; userAgent: string; events: number } }).runScenario());
  expect(browser.userAgent).toMatch(/Chrome/);
  expect(browser.events).toBeGreaterThan(50_000);
  expect(browser.hash).toBe(node);
});

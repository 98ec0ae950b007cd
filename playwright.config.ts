import { defineConfig } from '@playwright/test';
import { chromiumArgs, systemChromium } from './e2e/browser.ts';

// E2E_PORT and E2E_OUTDIR let several checkouts (or several people in one) run their specs side by side.
const port = Number(process.env.E2E_PORT ?? 4173);
const outDir = process.env.E2E_OUTDIR ?? 'dist';

export default defineConfig({
  testDir: 'e2e',
  outputDir: outDir === 'dist' ? 'test-results' : `test-results-${outDir}`,
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  // One spec at a time: with two workers on a two-core machine a page's engine worker and the other spec's compete,
  // and specs timed out (7 of 252 on a busy machine). E2E_WORKERS=2 tries two where there are cores to spare.
  workers: Number(process.env.E2E_WORKERS ?? 1),
  // On CI one retry, so a spec that a loaded machine slows past a timeout does not sink the run; a retried spec is
  // reported as flaky in the output, to be made sturdier.
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  // Beside the printed report, a JSON one from which tools/e2e.mjs lists the slowest specs, to know where CI's time goes.
  reporter: [[process.env.CI ? 'line' : 'list'], ['json', { outputFile: `${outDir === 'dist' ? 'test-results' : `test-results-${outDir}`}/e2e-report.json` }]],
  use: {
    baseURL: `http://localhost:${port}/`,
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1440, height: 900 },
    launchOptions: { executablePath: systemChromium, args: chromiumArgs },
    trace: 'retain-on-failure',
  },
  webServer: {
    command: `npx vite preview --port ${port} --strictPort --outDir ${outDir}`,
    url: `http://localhost:${port}/`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});

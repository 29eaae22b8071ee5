import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

/**
 * Browser tests run in real Chromium. Where Playwright cannot download its own browser (as on the
 * project's Debian machines) they use the system one: set CHROMIUM_PATH to override, or leave it unset
 * to use /usr/bin/chromium when present and Playwright's own browser otherwise.
 */
const systemChromium =
  process.env['CHROMIUM_PATH'] ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

/**
 * Port and build folder of the app under test. Set E2E_PORT to run several suites side by side (each
 * builds into its own folder and serves it on its own port).
 */
const port = Number(process.env['E2E_PORT'] ?? 4173);
const outDir = process.env['E2E_PORT'] ? `dist-e2e-${port}` : 'dist';

export default defineConfig({
  testDir: 'e2e',
  // Playwright empties its output folder at the start of a run: side-by-side suites each get their own.
  outputDir: process.env['E2E_PORT'] ? `test-results-${port}` : 'test-results',
  timeout: 90_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [
    ['list'],
    [
      'html',
      {
        open: 'never',
        outputFolder: process.env['E2E_PORT'] ? `playwright-report-${port}` : 'playwright-report',
      },
    ],
  ],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    ...devices['Desktop Chrome'],
    viewport: { width: 1440, height: 900 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      ...(systemChromium ? { executablePath: systemChromium } : {}),
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  // The build fails the run when the first screen's JavaScript is over budget (scripts/bundle-budget.ts).
  webServer: {
    command: `npx vite build --outDir ${outDir} && npx tsx scripts/bundle-budget.ts ${outDir} && npx vite preview --outDir ${outDir} --port ${port} --strictPort --host 127.0.0.1`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: !process.env['CI'],
    timeout: 180_000,
  },
});

// e2e: the same specs against two hosts.
//   chromium  the real UI in Chromium against the real engine in browser mode (CLI `serve`)
//   electron  the desktop app, where an Electron binary exists (skipped, with the reason,
//             where not: see e2e/support/electron.ts)
// Chromium: PACKSHOT_CHROMIUM, else Debian's /usr/bin/chromium, else Playwright's own build.
import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';
import type { HostOptions } from './e2e/fixtures';

function chromiumExecutable(): string | undefined {
  const fromEnv = process.env.PACKSHOT_CHROMIUM?.trim();
  if (fromEnv) return fromEnv;
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

const CI = !!process.env.CI;
const workers = Number(process.env.PACKSHOT_E2E_WORKERS) || 1;

export default defineConfig<object, HostOptions>({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/e2e',
  // Each test starts its own engine and renders thumbnails with sharp: on a 2-core machine one
  // worker at a time (PACKSHOT_E2E_WORKERS=2 to try more).
  workers,
  fullyParallel: false,
  forbidOnly: CI,
  // No retries: a test that passes on a second try is hiding a race worth fixing.
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: [
    ['list'],
    [
      'json',
      {
        outputFile: process.env.PACKSHOT_PLAYWRIGHT_JSON ?? 'test-results/reports/playwright.json',
      },
    ],
  ],
  use: {
    viewport: { width: 1600, height: 1000 },
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        browserName: 'chromium',
        host: 'browser',
        headless: true,
        launchOptions: {
          executablePath: chromiumExecutable(),
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
        },
      },
    },
    {
      name: 'electron',
      use: { host: 'electron' },
    },
  ],
});
